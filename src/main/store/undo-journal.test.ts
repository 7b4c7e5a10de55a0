import { describe, expect, it } from 'vitest'
import { undoLatest } from '../test-support/apply-test-operations'
import * as catalog from '../services/catalog-services'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { applyImport } from '../test-support/import-bundles'
import { JOURNALED_TABLES } from './undo-journal'
import { addTrustedKey, trustStoreLookup } from './trust-store'

const tempDir = useTempDir()

function setup() {
  const store = openDefaultStore(tempDir())
  const publisher = makePublisher()
  addTrustedKey(store.db, publisher.publicFile, NOW)
  const importOps = async (operations: unknown[], sequence: number) =>
    applyImport(
      store.db,
      await readVerifiedBundle(
        await packOperations(publisher.privateFile, operations, { sequence }),
        trustStoreLookup(store.db),
        NOW,
      ),
      { now: NOW },
    )
  return { store, importOps }
}

/** The entity the sample bundle adds, with other aliases: its alias rows are the newest in the store. */
const renamedTestEntity = {
  op: 'upsert',
  type: 'entity',
  record: {
    id: 'test-entity',
    name: 'Example Optics Group',
    type: 'company',
    country: 'CN',
    aliases: ['EOG', 'Example Optics Holdings'],
    sources: [{ source: 'test-source', supports: 'name' }],
  },
}

const countRows = (db: ReturnType<typeof setup>['store']['db'], sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number

describe('the undo journal', () => {
  it('journals no row an import adds, only rows that existed before it', async () => {
    const { store, importOps } = setup()
    const result = await importOps(sampleOperations(), 1)
    const importId = result.entry!.id
    const watermarks = store.db
      .prepare('SELECT tbl FROM import_watermarks WHERE import_id = ? ORDER BY tbl')
      .pluck()
      .all(importId)
    expect(watermarks).toEqual([...JOURNALED_TABLES].sort())
    // The sample adds an entity with aliases, a designation and a reaction, and changes one entity.
    expect(
      countRows(
        store.db,
        "SELECT count(*) FROM import_journal WHERE import_id = ? AND action = 'insert'",
        importId,
      ),
    ).toBe(0)
    expect(
      countRows(
        store.db,
        "SELECT count(*) FROM import_journal WHERE import_id = ? AND tbl = 'entities'",
        importId,
      ),
    ).toBeGreaterThan(0)
    store.close()
  })

  it('undoes two imports in turn exactly, where the second rewrites and retires what the first added', async () => {
    const { store, importOps } = setup()
    const original = dumpStore(store.db)
    await importOps(sampleOperations(), 1)
    const afterFirst = dumpStore(store.db)
    // Rewriting the newest aliases deletes them and inserts new ones, which SQLite gives the freed
    // rowids: inserts under the watermark, journaled. Retiring and re-adding moves a record's rowid.
    await importOps(
      [
        renamedTestEntity,
        { op: 'retire', type: 'entity', id: 'hikvision' },
        {
          op: 'upsert',
          type: 'source',
          record: { id: 'second-source', publication: 'Second Gazette', reliability: 'primary' },
        },
      ],
      2,
    )
    expect(catalog.getEntity(store, 'test-entity')?.aliases).toEqual(['EOG', 'Example Optics Holdings'])
    expect(
      countRows(
        store.db,
        "SELECT count(*) FROM import_journal WHERE action = 'insert' AND tbl = 'entity_aliases'",
      ),
    ).toBeGreaterThan(0)
    await importOps([{ op: 'retire', type: 'entity', id: 'test-entity' }], 3)
    await importOps([renamedTestEntity], 4)

    undoLatest(store.db)
    undoLatest(store.db)
    expect(catalog.getEntity(store, 'test-entity')?.aliases).toEqual(['EOG', 'Example Optics Holdings'])
    undoLatest(store.db)
    expect(dumpStore(store.db)).toBe(afterFirst)
    expect(catalog.search(store, 'Example Optics Ltd')[0]).toMatchObject({ id: 'test-entity' })
    undoLatest(store.db)
    expect(dumpStore(store.db)).toBe(original)
    expect(catalog.search(store, 'Example Optics')).toEqual([])
    expect(countRows(store.db, 'SELECT count(*) FROM import_journal')).toBe(0)
    expect(countRows(store.db, 'SELECT count(*) FROM import_watermarks')).toBe(0)
    store.close()
  })

  it('still undoes an import journaled before watermarks, whose journal holds every insert', async () => {
    const { store, importOps } = setup()
    const original = dumpStore(store.db)
    const importId = (await importOps(sampleOperations(), 1)).entry!.id
    // Rewrite this import's journal as an older version kept it: every added row as an insert entry.
    const watermarks = store.db
      .prepare('SELECT tbl, max_rowid FROM import_watermarks WHERE import_id = ?')
      .all(importId) as { tbl: string; max_rowid: number }[]
    for (const { tbl, max_rowid } of watermarks) {
      store.db
        .prepare(
          `INSERT INTO import_journal (import_id, tbl, action, row_id) SELECT ?, ?, 'insert', rowid FROM "${tbl}" WHERE rowid > ? ORDER BY rowid`,
        )
        .run(importId, tbl, max_rowid)
    }
    store.db.prepare('DELETE FROM import_watermarks').run()
    undoLatest(store.db)
    expect(dumpStore(store.db)).toBe(original)
    store.close()
  })
})

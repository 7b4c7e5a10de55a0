import { describe, expect, it } from 'vitest'
import { readRecord } from '../store/read-record'
import { searchIndex } from '../store/search-index'
import { applyTestOperations, undoLatest } from '../test-support/apply-test-operations'
import { makePublisher, NOW, packOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { readVerifiedBundle } from './bundle-reader'
import { applyImport } from '../test-support/import-bundles'
import { addTrustedKey, trustStoreLookup } from '../store/trust-store'

const tempDir = useTempDir()

/**
 * New records' rows are written many per statement, a few hundred records at a time (row-batches.ts),
 * and the search index in runs of many records. These bundles are larger than one batch, so records
 * land in several, and check what batching must not change: what is stored, what a refusal says,
 * and the order in which records that refer to each other are written.
 */
const SOURCE = {
  op: 'upsert',
  type: 'source',
  record: { id: 'batch-source', publication: 'Batch Gazette', reliability: 'primary' },
}

function entity(i: number, sourceId = 'batch-source') {
  return {
    op: 'upsert',
    type: 'entity',
    record: {
      id: `batch-entity-${i}`,
      name: `Batchwell Instruments ${i}`,
      originalName: `批量仪器${i}`,
      type: 'company',
      country: 'CN',
      // Named twice: the store keeps a sector once.
      sectors: ['optics', 'lasers', 'optics'],
      aliases: [`Batchwell ${i}`, `BWI ${i}`, `Batchwell Group ${i}`],
      addresses: [`${i} Example Road, Wuhan`],
      sources: [{ source: sourceId, supports: i % 2 ? 'name' : null }],
    },
  }
}

function designation(i: number) {
  return {
    op: 'upsert',
    type: 'designation',
    record: {
      id: `batch-designation-${i}`,
      entity: `batch-entity-${i}`,
      round: 'el-2019-10-84fr54002',
      action: 'added',
      licenseRequirement: 'All items subject to the EAR',
      source: 'batch-source',
    },
  }
}

function reaction(i: number) {
  return {
    op: 'upsert',
    type: 'reaction',
    record: {
      id: `batch-reaction-${i}`,
      organisation: `Batchwell Instruments ${i}`,
      organisationKind: 'company',
      text: `Statement number ${i} on the listing.`,
      textKind: 'verbatim',
      language: 'en',
      rounds: ['el-2019-10-84fr54002'],
      entities: [`batch-entity-${i}`, `batch-entity-${i + 1}`],
      source: 'batch-source',
    },
  }
}

const ENTITIES = 450

function setup() {
  const store = openDefaultStore(tempDir())
  const publisher = makePublisher()
  addTrustedKey(store.db, publisher.publicFile, NOW)
  const importOperations = async (operations: unknown[]) =>
    applyImport(
      store.db,
      await readVerifiedBundle(
        await packOperations(publisher.privateFile, operations),
        trustStoreLookup(store.db),
        NOW,
      ),
    )
  return { store, importOperations }
}

describe('bundles larger than one batch of rows', () => {
  it('stores every new record as given, indexes it, and undo restores the store exactly', async () => {
    const { store, importOperations } = setup()
    const before = dumpStore(store.db)
    const indices = Array.from({ length: ENTITIES }, (_, i) => i)
    await importOperations([
      SOURCE,
      ...indices.map((i) => entity(i)),
      ...indices.map(designation),
      ...indices.slice(0, 250).map(reaction),
    ])
    for (const i of [0, 199, 200, 201, 449]) {
      expect(readRecord(store.db, 'entity', `batch-entity-${i}`)).toEqual({
        ...entity(i).record,
        sectors: ['lasers', 'optics'],
        originalNameNote: null,
        notes: null,
        reportedNames: [],
        identifiers: [],
      })
      expect(readRecord(store.db, 'designation', `batch-designation-${i}`)).toMatchObject({
        entity: `batch-entity-${i}`,
        licenseRequirement: 'All items subject to the EAR',
      })
      expect(searchIndex(store.db, `BWI ${i}`, 5).map((hit) => hit.id)).toContain(`batch-entity-${i}`)
    }
    expect(readRecord(store.db, 'reaction', 'batch-reaction-249')).toMatchObject({
      entities: ['batch-entity-249', 'batch-entity-250'],
      rounds: ['el-2019-10-84fr54002'],
    })
    const rowsOfBatch = (table: string) =>
      store.db.prepare(`SELECT count(*) FROM ${table} WHERE entity_id LIKE 'batch-%'`).pluck().get()
    expect(rowsOfBatch('entity_aliases')).toBe(ENTITIES * 3)
    expect(rowsOfBatch('entity_sectors')).toBe(ENTITIES * 2)
    expect(rowsOfBatch('entity_sources')).toBe(ENTITIES)
    undoLatest(store.db)
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it('names the record and line of a reference to nothing found when its batch is written', async () => {
    const { store, importOperations } = setup()
    const before = dumpStore(store.db)
    const operations = [
      SOURCE,
      ...Array.from({ length: ENTITIES }, (_, i) => entity(i, i === 137 ? 'no-such-source' : 'batch-source')),
    ]
    // Line 1 is the source, so entity 137 is on line 139.
    await expect(importOperations(operations)).rejects.toThrow(
      /line 139: entity "batch-entity-137" field sources refers to source "no-such-source"/,
    )
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it('writes new records before a change to an existing record that refers to them', async () => {
    const { store, importOperations } = setup()
    const existing = store.db
      .prepare('SELECT id FROM designations ORDER BY id LIMIT 1')
      .pluck()
      .get() as string
    const designationBefore = readRecord(store.db, 'designation', existing)!
    await importOperations([
      SOURCE,
      entity(1),
      { op: 'upsert', type: 'designation', record: { ...designationBefore, entity: 'batch-entity-1' } },
    ])
    expect(readRecord(store.db, 'designation', existing)).toEqual({
      ...designationBefore,
      entity: 'batch-entity-1',
    })
    store.close()
  })

  it('corrects a record the same operations added', () => {
    const { store } = setup()
    applyTestOperations(store, [
      SOURCE,
      entity(7),
      { op: 'correct', type: 'entity', id: 'batch-entity-7', field: 'notes', value: 'Corrected at once.' },
    ])
    expect(readRecord(store.db, 'entity', 'batch-entity-7')).toMatchObject({
      aliases: ['Batchwell 7', 'BWI 7', 'Batchwell Group 7'],
      notes: 'Corrected at once.',
    })
    store.close()
  })

  it('indexes every entity of an import larger than one run of index writes', () => {
    const { store } = setup()
    const many = 25_100
    applyTestOperations(store, [
      SOURCE,
      ...Array.from({ length: many }, (_, i) => ({
        op: 'upsert',
        type: 'entity',
        record: {
          id: `bulk-${i}`,
          name: `Bulkmore Trading ${i}`,
          type: 'company',
          sources: [{ source: 'batch-source' }],
        },
      })),
    ])
    const indexed = store.db
      .prepare("SELECT count(*) FROM search_entries WHERE kind = 'entity' AND record_id LIKE 'bulk-%'")
      .pluck()
      .get()
    expect(indexed).toBe(many)
    for (const i of [0, 24_999, 25_000, many - 1])
      expect(searchIndex(store.db, `Bulkmore Trading ${i}`, 3)[0]).toMatchObject({ id: `bulk-${i}` })
    store.close()
  })
})

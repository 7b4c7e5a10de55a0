import { describe, expect, it } from 'vitest'
import { undoLatest } from '../test-support/apply-test-operations'
import * as catalog from '../services/catalog-services'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { BundleError } from './bundle-error'
import { checkBundle, readVerifiedBundle } from './bundle-reader'
import { ConfirmationRequired, importHistory } from './import-bundle'
import { applyImport, previewImport } from '../test-support/import-bundles'
import { addTrustedKey, removeTrustedKey, trustStoreLookup } from '../store/trust-store'

const tempDir = useTempDir()

function setup() {
  const store = openDefaultStore(tempDir())
  const publisher = makePublisher()
  addTrustedKey(store.db, publisher.publicFile, NOW)
  const verify = (bytes: Buffer, now = NOW) => readVerifiedBundle(bytes, trustStoreLookup(store.db), now)
  return { store, publisher, verify }
}

describe('update bundles', () => {
  it('on a full disk, preview and apply report the disk, not the savepoint, and change nothing', async () => {
    const { store, publisher, verify } = setup()
    const before = dumpStore(store.db)
    const source = sampleOperations()[0] as { record: { id: string } }
    const entities = Array.from({ length: 3000 }, (_, i) => ({
      op: 'upsert',
      type: 'entity',
      record: {
        id: `full-disk-${i}`,
        name: `Full Disk Trading Company Number ${i} ${'x'.repeat(200)}`,
        type: 'company',
        country: 'CN',
        sources: [{ source: source.record.id, supports: 'name' }],
      },
    }))
    const bundle = await verify(await packOperations(publisher.privateFile, [source, ...entities]))
    // No page beyond those the file has: SQLite answers SQLITE_FULL, as on a full disk.
    store.db.pragma(`max_page_count = ${store.db.pragma('page_count', { simple: true }) as number}`)
    for (const attempt of [
      () => previewImport(store.db, bundle, 'big.sbb'),
      () => applyImport(store.db, bundle),
    ]) {
      let error: unknown
      try {
        attempt()
      } catch (caught) {
        error = caught
      }
      expect(error).toMatchObject({ name: 'StoreError', code: 'write-failed' })
      expect((error as Error).message).toMatch(
        /the disk is full \(database or disk is full\)\. Nothing was changed\./,
      )
      expect((error as Error).message).not.toContain('savepoint')
    }
    store.db.pragma('max_page_count = 4294967294')
    expect(dumpStore(store.db)).toBe(before)
    expect(importHistory(store.db)).toEqual([])
  })

  it('previews new, changed and retired records with each field before and after, changing nothing', async () => {
    const { store, publisher, verify } = setup()
    const before = dumpStore(store.db)
    const bundle = await verify(await packOperations(publisher.privateFile, sampleOperations()))
    const preview = previewImport(store.db, bundle, 'update.sbb')
    expect(dumpStore(store.db)).toBe(before)
    const count = (type: string) => preview.counts.find((c) => c.type === type)
    expect(count('entity')).toMatchObject({ new: 1, changed: 1, retired: 0 })
    expect(count('reaction')).toMatchObject({ new: 1, retired: 1 })
    expect(count('designation')).toMatchObject({ new: 1 })
    const yixin = preview.changes.find((c) => c.id === 'yixin')
    expect(yixin).toMatchObject({ kind: 'changed', label: 'Yixin Science and Technology Co. Ltd.' })
    expect(yixin?.fields).toEqual([
      {
        field: 'notes',
        before: 'HKTDC describes it as "a supplier of micro and nano fabrication equipment".',
        after: 'Corrected by the test bundle.',
      },
    ])
    expect(preview.bundle).toMatchObject({
      publisher: 'Test Publisher',
      sequence: 1,
      fileName: 'update.sbb',
      expired: false,
    })
    store.close()
  })

  it('applies in one transaction, records history, refuses nothing on re-import, and undo restores the store exactly', async () => {
    const { store, publisher, verify } = setup()
    const before = dumpStore(store.db)
    const bundle = await verify(await packOperations(publisher.privateFile, sampleOperations()))
    const result = applyImport(store.db, bundle, { fileName: 'update.sbb', now: NOW })
    expect(result.outcome).toBe('applied')
    expect(catalog.search(store, '示例光学')[0]).toMatchObject({ id: 'test-entity' })
    expect(catalog.getEntity(store, 'test-entity')?.provenance).toMatchObject({ kind: 'bundle' })
    expect(catalog.appInfo(store).dataAsOf).toBe('2026-11-28')
    expect(importHistory(store.db)[0]).toMatchObject({
      publisher: 'Test Publisher',
      sequence: 1,
      status: 'applied',
    })
    const afterImport = dumpStore(store.db)

    const again = applyImport(
      store.db,
      await verify(await packOperations(publisher.privateFile, sampleOperations())),
      { now: NOW },
    )
    expect(again.outcome).toBe('already-imported')
    expect(dumpStore(store.db)).toBe(afterImport)

    undoLatest(store.db)
    expect(dumpStore(store.db)).toBe(before)
    expect(catalog.search(store, '示例光学')).toEqual([])
    expect(importHistory(store.db)[0].status).toBe('undone')
    store.close()
  })

  it('undo restores records an import changed and retired, with cascades', async () => {
    const { store, publisher, verify } = setup()
    const before = dumpStore(store.db)
    const ops = [
      { op: 'retire', type: 'entity', id: 'hikvision' },
      { op: 'correct', type: 'round', id: 'el-2019-10-84fr54002', field: 'declaredCount', value: 29 },
    ]
    applyImport(store.db, await verify(await packOperations(publisher.privateFile, ops)), { now: NOW })
    expect(catalog.getEntity(store, 'hikvision')).toBeNull()
    expect(catalog.listReactions(store).some((r) => r.entities.some((e) => e.id === 'hikvision'))).toBe(false)
    undoLatest(store.db)
    expect(dumpStore(store.db)).toBe(before)
    expect(catalog.search(store, 'hikvision')[0].id).toBe('hikvision')
    store.close()
  })

  it('refuses an older or equal sequence from the same publisher as a rollback', async () => {
    const { store, publisher, verify } = setup()
    applyImport(
      store.db,
      await verify(await packOperations(publisher.privateFile, sampleOperations(), { sequence: 5 })),
      { now: NOW },
    )
    const before = dumpStore(store.db)
    const old = await verify(
      await packOperations(publisher.privateFile, [sampleOperations()[0]], { sequence: 4 }),
    )
    expect(() => applyImport(store.db, old)).toThrowError(/sequence 4.*sequence 5.*rollback/)
    expect(() => previewImport(store.db, old)).toThrowError(BundleError)
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it('warns about an expired bundle and applies it only when confirmed', async () => {
    const { store, publisher, verify } = setup()
    const bytes = await packOperations(publisher.privateFile, sampleOperations(), {
      expires: new Date('2026-11-10T00:00:00Z'),
    })
    const bundle = await verify(bytes)
    expect(bundle.expired).toBe(true)
    expect(previewImport(store.db, bundle).confirmations[0]).toMatch(/expired/)
    const before = dumpStore(store.db)
    expect(() => applyImport(store.db, bundle)).toThrowError(ConfirmationRequired)
    expect(dumpStore(store.db)).toBe(before)
    expect(applyImport(store.db, bundle, { confirmed: true }).outcome).toBe('applied')
    store.close()
  })

  it('refuses a bundle signed by a removed key', async () => {
    const { store, publisher, verify } = setup()
    const bytes = await packOperations(publisher.privateFile, sampleOperations())
    removeTrustedKey(store.db, publisher.publicFile.keyId.toUpperCase().replace(/(.{4})/g, '$1 '))
    await expect(verify(bytes)).rejects.toMatchObject({ refusal: 'unknown-key' })
    store.close()
  })

  it('refuses references to records that are neither in the store nor in the bundle', async () => {
    const { store, publisher, verify } = setup()
    const ops = [
      {
        op: 'upsert',
        type: 'reaction',
        record: { ...(sampleOperations()[3] as { record: object }).record, entities: ['nobody'] },
      },
    ]
    const bundle = await verify(await packOperations(publisher.privateFile, [sampleOperations()[0], ...ops]))
    const before = dumpStore(store.db)
    expect(() => applyImport(store.db, bundle)).toThrowError(
      /changes\.jsonl line 2: reaction "test-reaction" field entities refers to entity "nobody"/,
    )
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it.each([
    [
      'a designation of a missing round',
      {
        op: 'upsert',
        type: 'designation',
        record: {
          id: 'test-designation',
          entity: 'hikvision',
          round: 'no-such-round',
          action: 'added',
          source: 'sdm-97227',
        },
      },
      /line 1: designation "test-designation" field round refers to round "no-such-round"/,
    ],
    [
      'an entity citing a missing source',
      {
        op: 'upsert',
        type: 'entity',
        record: { id: 'test-entity', name: 'Test', type: 'company', sources: [{ source: 'no-such-source' }] },
      },
      /line 1: entity "test-entity" field sources refers to source "no-such-source"/,
    ],
  ])('refuses %s, naming the reference, and changes nothing', async (_, operation, message) => {
    const { store, publisher, verify } = setup()
    const bundle = await verify(await packOperations(publisher.privateFile, [operation]))
    const before = dumpStore(store.db)
    expect(() => applyImport(store.db, bundle)).toThrowError(message)
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it('refuses to retire a source other records still cite, and changes nothing', async () => {
    const { store, publisher, verify } = setup()
    const bundle = await verify(
      await packOperations(publisher.privateFile, [{ op: 'retire', type: 'source', id: 'sdm-97227' }]),
    )
    const before = dumpStore(store.db)
    expect(() => applyImport(store.db, bundle)).toThrowError(
      /cannot be retired while other records still cite it/,
    )
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })

  it('refuses a record whose text holds a control or direction character, naming line and field', async () => {
    const { publisher, verify } = setup()
    const [source, entity] = sampleOperations() as [object, { record: object }]
    const hostile = { ...entity, record: { ...entity.record, name: 'Example\u001b[2J Optics' } }
    await expect(verify(await packOperations(publisher.privateFile, [source, hostile]))).rejects.toThrow(
      /line 2: record\.name: contains a control or bidirectional-override character/,
    )
  })

  it('refuses a correction to a field that does not exist or to an invalid value, before any store', async () => {
    const { store, publisher, verify } = setup()
    for (const [op, message] of [
      [
        { op: 'correct', type: 'entity', id: 'yixin', field: 'colour', value: 'red' },
        /line 1: field: entity has no field "colour" that can be corrected/,
      ],
      [
        { op: 'correct', type: 'entity', id: 'yixin', field: 'country', value: 'China' },
        /line 1: value: not a valid country/,
      ],
    ] as const) {
      const packed = await packOperations(publisher.privateFile, [op])
      await expect(verify(packed)).rejects.toThrowError(message)
      await expect(checkBundle(packed, trustStoreLookup(store.db), NOW)).rejects.toThrowError(BundleError)
    }
    store.close()
  })
})

import { describe, expect, it } from 'vitest'
import { generateData } from '../../../bench/generate-data'
import { applyTestOperations, undoLatest } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import * as catalog from '../services/catalog-services'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { applyImport } from '../test-support/import-bundles'
import { addTrustedKey, trustStoreLookup } from './trust-store'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { isPlainFirstPage, keepPlainFacets, plainFirstPage } from './entity-first-page'
import { getMeta, setMeta } from './meta'
import { entityIndexIsCurrent } from './entity-index'
import { queryEntities, type EntityQuery } from './entity-query'

const tempDir = useTempDir()

const PLAIN: EntityQuery = { search: '', filters: {}, sort: [], offset: 0, limit: 100 }

/** Names whose order trips a careless comparison: case, accents, full-width forms, beyond the BMP. */
const TRICKY_NAMES = [
  'apple Optics',
  'Apple optics',
  'Zeta（Beijing）Ltd',
  'Zeta𠀀 Ltd',
  'Zeta Ltd',
  'Éclair Systems',
  'eclair Systems',
  '云从科技',
  '𠀀字公司',
]

function storeWithTrickyNames() {
  const store = openDefaultStore(tempDir())
  applyTestOperations(store, [
    {
      op: 'upsert',
      type: 'source',
      record: { id: 'order-test', publication: 'Order Test', reliability: 'primary' },
    },
    ...TRICKY_NAMES.map((name, at) => ({
      op: 'upsert',
      type: 'entity',
      record: {
        id: `tricky-${at}`,
        name,
        type: 'company',
        sources: [{ source: 'order-test', supports: 'name' }],
      },
    })),
    // The same name twice: the id decides.
    {
      op: 'upsert',
      type: 'entity',
      record: {
        id: 'a-twin',
        name: 'Zeta Ltd',
        type: 'company',
        sources: [{ source: 'order-test', supports: 'name' }],
      },
    },
  ])
  return store
}

describe('the first page at start, answered by SQLite before the entity index is built', () => {
  it('is the page the index gives, rows, counts, facets and all, on the default data with tricky names', () => {
    const store = storeWithTrickyNames()
    const total = store.db.prepare('SELECT count(*) FROM entities').pluck().get() as number
    for (const query of [PLAIN, { ...PLAIN, limit: total }, { ...PLAIN, facets: false }]) {
      expect(plainFirstPage(store.db, query)).toEqual(queryEntities(store.db, query))
    }
    store.close()
  })

  it('sorted by name either way, follows the same order as SQLite, names equal but for case together', () => {
    const store = storeWithTrickyNames()
    const total = store.db.prepare('SELECT count(*) FROM entities').pluck().get() as number
    const sqlOrder = store.db
      .prepare('SELECT id FROM entities ORDER BY primary_name COLLATE NOCASE, id')
      .pluck()
      .all() as string[]
    const byName = (desc: boolean) =>
      queryEntities(store.db, { ...PLAIN, limit: total, sort: [{ column: 'name', desc }] }).rows.map(
        (row) => row.id,
      )
    expect(byName(false)).toEqual(sqlOrder)
    // Descending: names in reverse; entities sharing a name (but for case) stay side by side.
    const names = new Map(
      store.db.prepare('SELECT id, lower(primary_name) FROM entities').raw().all() as [string, string][],
    )
    const descending = byName(true).map((id) => names.get(id)!)
    expect(descending).toEqual(sqlOrder.map((id) => names.get(id)!).reverse())
    store.close()
  })

  it('is the page the index gives on generated data: 2,000 entities over many rounds, sectors and countries', () => {
    const store = openDefaultStore(tempDir())
    applyTestOperations(store, generateData(2000, { rounds: 12, reactions: 50 }).operations)
    const all = { ...PLAIN, limit: 5000 }
    expect(plainFirstPage(store.db, all)).toEqual(queryEntities(store.db, all))
    expect(plainFirstPage(store.db, PLAIN)).toEqual(queryEntities(store.db, PLAIN))
    store.close()
  })

  it('is what the service answers at start, without building the index in the request', async () => {
    const store = storeWithTrickyNames()
    expect(entityIndexIsCurrent(store.db)).toBe(false)
    const first = await catalog.queryEntities(store, PLAIN)
    expect(entityIndexIsCurrent(store.db)).toBe(false)
    // The next query that needs the index builds it (here in this thread: no built worker in tests).
    const filtered = await catalog.queryEntities(store, { ...PLAIN, filters: { type: ['company'] } })
    expect(entityIndexIsCurrent(store.db)).toBe(true)
    expect(filtered.total).toBeLessThanOrEqual(first.total)
    expect(await catalog.queryEntities(store, PLAIN)).toEqual(first)
    store.close()
  })

  it('answers only the unfiltered, unsorted, unsearched first page', () => {
    expect(isPlainFirstPage(PLAIN)).toBe(true)
    expect(isPlainFirstPage({ ...PLAIN, search: '   ', filters: { country: [], text: { name: ' ' } } })).toBe(
      true,
    )
    for (const query of [
      { ...PLAIN, search: 'hik' },
      { ...PLAIN, offset: 100 },
      { ...PLAIN, sort: [{ column: 'name' as const, desc: true }] },
      { ...PLAIN, filters: { country: ['CN'] } },
      { ...PLAIN, filters: { type: ['university' as const] } },
      { ...PLAIN, filters: { sector: ['AI'] } },
      { ...PLAIN, filters: { round: ['el-2020-06-85fr34503'] } },
      { ...PLAIN, filters: { firstAdded: { from: '2019' } } },
      { ...PLAIN, filters: { firstAdded: { to: '2020-06' } } },
      { ...PLAIN, filters: { text: { aliases: 'vision' } } },
    ]) {
      expect(isPlainFirstPage(query)).toBe(false)
    }
  })
})

describe('unfiltered facet counts kept for the next start', () => {
  it('serve the first view while the records are those they were counted from, and only then', async () => {
    const store = openDefaultStore(tempDir())
    const publisher = makePublisher()
    addTrustedKey(store.db, publisher.publicFile, NOW)
    const facets = () => plainFirstPage(store.db, PLAIN).facets!
    /** Marks what is kept, so that a page showing the mark shows it came from there. */
    const keepMarked = () => {
      keepPlainFacets(store.db)
      const kept = JSON.parse(getMeta(store.db, 'plain_facets')!)
      kept.facets.type[0].label = 'KEPT'
      setMeta(store.db, 'plain_facets', JSON.stringify(kept))
    }
    const counted = facets()
    keepPlainFacets(store.db)
    expect(facets(), 'what is kept is what is counted').toEqual(counted)
    keepMarked()
    expect(facets().type[0].label).toBe('KEPT')

    // An import changes the records: counted again, with the new entity.
    const bundle = await readVerifiedBundle(
      await packOperations(publisher.privateFile, sampleOperations()),
      trustStoreLookup(store.db),
      NOW,
    )
    applyImport(store.db, bundle, { now: NOW })
    const afterImport = facets()
    expect(afterImport.type[0].label).not.toBe('KEPT')
    expect(afterImport).not.toEqual(counted)
    expect(afterImport).toEqual(queryEntities(store.db, { ...PLAIN, filters: {} }).facets)

    // So does its undo, back to the counts from before.
    keepMarked()
    expect(facets().type[0].label).toBe('KEPT')
    undoLatest(store.db, NOW)
    expect(facets()).toEqual(counted)

    // And a write that creates records without an import (a dataset load, test data).
    keepMarked()
    applyTestOperations(store, [
      {
        op: 'upsert',
        type: 'source',
        record: { id: 'kept-facets', publication: 'K', reliability: 'primary' },
      },
      {
        op: 'upsert',
        type: 'entity',
        record: {
          id: 'kept-facets-co',
          name: 'Kept Facets Co',
          type: 'university',
          sources: [{ source: 'kept-facets' }],
        },
      },
    ])
    expect(facets().type[0].label).not.toBe('KEPT')
    store.close()
  })
})

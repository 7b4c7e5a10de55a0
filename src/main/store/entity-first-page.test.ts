import { describe, expect, it } from 'vitest'
import { generateData } from '../../../bench/generate-data'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import * as catalog from '../services/catalog-services'
import { isPlainFirstPage, plainFirstPage } from './entity-first-page'
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
      { ...PLAIN, filters: { type: [''] } },
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

import { describe, expect, it } from 'vitest'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { keepSearchHits, queryEntities, type EntityQuery } from './entity-query'
import { ftsQueryFor } from './search-text'
import fs from 'node:fs'
import path from 'node:path'
import { applyPending } from '../bundles/import-bundle'
import { pendingFromSource } from '../importers/source-update'
import { plainFirstPage } from './entity-first-page'

const tempDir = useTempDir()
const JUNE_XINJIANG = 'el-2020-06-85fr34503'
const JUNE_MILITARY = 'el-2020-06-85fr34495'

function query(overrides: Partial<EntityQuery> = {}): EntityQuery {
  return { search: '', filters: {}, sort: [], offset: 0, limit: 200, ...overrides }
}

describe('entity query layer', () => {
  it('pages through all entities with totals', () => {
    const store = openDefaultStore(tempDir())
    const first = queryEntities(store.db, query({ limit: 10 }))
    expect(first).toMatchObject({ total: 38, grandTotal: 38 })
    expect(first.rows).toHaveLength(10)
    const rest = queryEntities(store.db, query({ offset: 10, limit: 100 }))
    expect(new Set([...first.rows, ...rest.rows].map((r) => r.id)).size).toBe(38)
    store.close()
  })

  it('counts and filters by programme, one value per programme a designation names', () => {
    const store = openDefaultStore(tempDir())
    const csl = fs.readFileSync(path.join(import.meta.dirname, '../importers/fixtures/csl-2025-excerpt.csv'))
    applyPending(store.db, pendingFromSource(store.db, csl, 'csl-2025.csv', 'csl'), { confirmed: true })
    const all = queryEntities(store.db, query())
    const count = (page: typeof all, value: string) =>
      page.facets!.programme.find((f) => f.value === value)?.count
    // "VENEZUELA-EO13850; UKRAINE-EO13662" is two programmes; the default dataset records none.
    expect(count(all, 'UKRAINE-EO13662')).toBe(3)
    expect(count(all, 'VENEZUELA-EO13850')).toBe(1)
    expect(count(all, 'NS-PLC')).toBe(2)
    expect(all.facets!.programme.some((f) => f.value.includes(';'))).toBe(false)
    // The first view's counts, read straight from SQLite, are the index's.
    expect(plainFirstPage(store.db, query())).toEqual(all)
    const venezuela = queryEntities(store.db, query({ filters: { programme: ['VENEZUELA-EO13850'] } }))
    expect(venezuela.total).toBe(1)
    // Its own facet keeps every programme's count; the others count only the filtered entity.
    expect(count(venezuela, 'UKRAINE-EO13662')).toBe(3)
    expect(venezuela.facets!.type.reduce((sum, f) => sum + f.count, 0)).toBe(1)
    store.close()
  })

  it('filters by round, and counts each facet with the other filters applied', () => {
    const store = openDefaultStore(tempDir())
    const page = queryEntities(store.db, query({ filters: { round: [JUNE_XINJIANG, JUNE_MILITARY] } }))
    expect(page.total).toBe(27)
    // The round facet ignores the round filter itself: every round keeps its full count.
    expect(page.facets!.round.map((f) => [f.label, f.count])).toEqual([
      ['85 FR 34495', 18],
      ['84 FR 54002', 11],
      ['85 FR 34503', 9],
    ])
    // Other facets count only the filtered entities.
    const hk = page.facets!.country.find((f) => f.value === 'HK')
    expect(hk?.count).toBe(2)
    expect(page.facets!.type.reduce((sum, f) => sum + f.count, 0)).toBe(27)
    const withType = queryEntities(
      store.db,
      query({ filters: { round: [JUNE_MILITARY], type: ['university'] } }),
    )
    expect(withType.rows.map((r) => r.primaryName).sort()).toEqual([
      'Harbin Engineering University',
      'Harbin Institute of Technology',
    ])
    expect(withType.facets!.type.find((f) => f.value === 'company')?.count).toBe(11)
    store.close()
  })

  it('keeps a ticked value listed, counted 0 under its label, when the other filters leave none', () => {
    const store = openDefaultStore(tempDir())
    const page = queryEntities(
      store.db,
      query({ search: '云从', filters: { round: [JUNE_XINJIANG, JUNE_MILITARY], country: ['HK'] } }),
    )
    expect(page.total).toBe(0)
    expect(page.facets!.round).toContainEqual({ value: JUNE_MILITARY, label: '85 FR 34495', count: 0 })
    expect(page.facets!.country).toContainEqual({ value: 'HK', label: 'HK', count: 0 })
    store.close()
  })

  it('skips facet counts when asked to (later pages of the same query)', () => {
    const store = openDefaultStore(tempDir())
    const withFacets = queryEntities(store.db, query({ offset: 10, limit: 5 }))
    const without = queryEntities(store.db, query({ offset: 10, limit: 5, facets: false }))
    expect(without.facets).toBeNull()
    expect(without.rows).toEqual(withFacets.rows)
    expect(without.total).toBe(38)
    store.close()
  })

  it('counts entities with no recorded country under an empty value', () => {
    const store = openDefaultStore(tempDir())
    const page = queryEntities(store.db, query())
    expect(page.facets!.country.find((f) => f.value === '')).toMatchObject({ count: 2 })
    expect(
      queryEntities(store.db, query({ filters: { country: [''] } }))
        .rows.map((row) => row.id)
        .sort(),
    ).toEqual(['qihoo-360-co-ltd', 'skyeye-laser'])
    store.close()
  })

  it('combines search with filters and sector facets', () => {
    const store = openDefaultStore(tempDir())
    const page = queryEntities(store.db, query({ search: '云从', filters: { sector: ['biometrics'] } }))
    expect(page.rows.map((r) => r.id)).toEqual(['cloudwalk'])
    const biometric = queryEntities(store.db, query({ filters: { sector: ['biometrics'] } }))
    expect(biometric.rows.map((r) => r.id).sort()).toEqual([
      'cloudwalk',
      'intellifusion',
      'isvision',
      'netposa',
      'sensenets',
    ])
    expect(queryEntities(store.db, query({ search: '"*()' })).total).toBe(0)
    store.close()
  })

  it('filters by the date first added, a year or month covering all its days', () => {
    const store = openDefaultStore(tempDir())
    expect(
      queryEntities(store.db, query({ filters: { firstAdded: { from: '2019', to: '2019' } } })).total,
    ).toBe(11)
    expect(queryEntities(store.db, query({ filters: { firstAdded: { from: '2020-06' } } })).total).toBe(27)
    store.close()
  })

  it('sorts by several columns, ties broken by name', () => {
    const store = openDefaultStore(tempDir())
    const page = queryEntities(
      store.db,
      query({
        sort: [
          { column: 'reactionCount', desc: true },
          { column: 'country', desc: false },
        ],
      }),
    )
    expect(page.rows[0]).toMatchObject({ id: 'hikvision', reactionCount: 4 })
    const byName = queryEntities(store.db, query({ sort: [{ column: 'name', desc: true }] }))
    expect(byName.rows[0].primaryName).toBe('Yixin Science and Technology Co. Ltd.')
    store.close()
  })
})

describe('entity export', () => {
  it('exports the whole current view as CSV, in its order', async () => {
    const { exportEntitiesCsv } = await import('../services/entity-export')
    const store = openDefaultStore(tempDir())
    const result = exportEntitiesCsv(
      store,
      {
        search: '',
        filters: { round: [JUNE_XINJIANG] },
        sort: [{ column: 'name', desc: false }],
        minScore: 100,
      },
      new Date('2026-11-29T00:00:00Z'),
    )
    const lines = result.csv.trimEnd().split('\r\n')
    expect(result).toMatchObject({ fileName: 'entities-2026-11-29.csv', rows: 9 })
    expect(lines[0]).toBe(
      'Name,Original-script name,Aliases,Country,Type,Sectors,Rounds,First added,Latest action,Reactions,Id',
    )
    expect(lines).toHaveLength(10)
    expect(lines[1]).toMatch(/^Aksu Huafu Textiles Co\.,阿克苏华孚纺织有限公司,/)
    expect(lines.find((l) => l.startsWith('NetPosa'))).toContain(',NetPosa; 东方网力,')
    expect(lines.find((l) => l.startsWith('CloudWalk'))).toContain(',biometrics; surveillance,')
    store.close()
  })

  it('finds with several words exactly what the full-text index finds for all of them at once', () => {
    const store = openDefaultStore(tempDir())
    const viaIndex = (search: string) =>
      (
        store.db
          .prepare(
            `SELECT DISTINCT e.record_id FROM search_index JOIN search_entries e ON e.id = search_index.rowid
             WHERE search_index MATCH ? AND e.kind = 'entity'`,
          )
          .pluck()
          .all(ftsQueryFor(search)) as string[]
      ).sort()
    const found = (search: string) =>
      queryEntities(store.db, query({ search, limit: 1000 }))
        .rows.map((row) => row.id)
        .sort()
    // Typed a character at a time, so earlier terms' hits are kept and combined with the new one.
    for (const search of [
      'Hangzhou Hik',
      'Technology Co',
      'tech c',
      '云从 科技',
      'yun cong',
      'Co Ltd Intell',
    ]) {
      for (let end = 1; end <= search.length; end += 1) {
        const typed = search.slice(0, end)
        if (!typed.trim()) continue
        expect(found(typed), typed).toEqual(viaIndex(typed))
      }
    }
    expect(found('Hangzhou Hik').length).toBeGreaterThan(0)
    expect(found('Technology Co').length).toBeGreaterThan(1)
    store.close()
  })

  it('keeps the hits of searches only as long as the records they came from', () => {
    const store = openDefaultStore(tempDir())
    const ids = (search: string) =>
      queryEntities(store.db, query({ search }))
        .rows.map((row) => row.id)
        .sort()
    const before = { q: ids('q'), x: ids('x'), xq: ids('xq'), xqz: ids('xqz') }
    // Kept ahead of a search, the hits are exactly what the search finds.
    keepSearchHits(store.db, 'q')
    expect(ids('q')).toEqual(before.q)
    applyTestOperations(store, [
      {
        op: 'upsert',
        type: 'source',
        record: { id: 'kept-hits-test', publication: 'Kept Hits Test', reliability: 'primary' },
      },
      {
        op: 'upsert',
        type: 'entity',
        record: {
          id: 'xqz-trading',
          name: 'Xqz Trading',
          type: 'company',
          sources: [{ source: 'kept-hits-test', supports: 'name' }],
        },
      },
    ])
    // The new entity is found by every prefix of its name, kept ones included.
    expect(ids('x')).toEqual([...before.x, 'xqz-trading'].sort())
    expect(ids('xq')).toEqual([...before.xq, 'xqz-trading'].sort())
    expect(ids('xqz')).toEqual([...before.xqz, 'xqz-trading'].sort())
    store.close()
  })
})

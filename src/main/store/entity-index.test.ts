import Database from 'better-sqlite3'
import { undoLatest } from '../test-support/apply-test-operations'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EntitySummary } from '../../shared/domain'
import type { EntityFacet, EntityFilters, FacetValue } from '../../shared/entity-query'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import { applyImport } from '../test-support/import-bundles'
import { addTrustedKey, trustStoreLookup } from './trust-store'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { buildIndex, packIndex, unpackIndex } from './entity-index'
import { findTermHits } from './entity-query'
import { queryEntities, queryEntityIds } from './entity-query'
import { ftsQueryFor } from './search-text'
import { listEntities } from './read-records'

const tempDir = useTempDir()

/** The facet semantics spelled out over plain rows: every filter but the facet's own, then counted. */
function bruteForce(rows: EntitySummary[], filters: EntityFilters) {
  const passes = (row: EntitySummary, except?: EntityFacet) => {
    const { country, type, sector, round, firstAdded } = filters
    if (except !== 'country' && country?.length && !country.includes(row.country ?? '')) return false
    if (except !== 'type' && type?.length && !type.includes(row.type)) return false
    if (except !== 'sector' && sector?.length && !row.sectors.some((s) => sector.includes(s))) return false
    if (except !== 'round' && round?.length && !row.rounds.some((r) => round.includes(r.id))) return false
    const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    const contains = (values: (string | null)[], needle: string | undefined) =>
      !needle?.trim() || values.some((value) => value !== null && fold(value).includes(fold(needle.trim())))
    if (!contains([row.primaryName], filters.text?.name)) return false
    if (!contains([row.originalName], filters.text?.originalName)) return false
    if (!contains(row.aliases, filters.text?.aliases)) return false
    if (firstAdded?.from || firstAdded?.to) {
      if (!row.firstAdded) return false
      if (firstAdded.from && row.firstAdded < firstAdded.from) return false
      if (firstAdded.to && row.firstAdded > `${firstAdded.to}\uffff`) return false
    }
    return true
  }
  const tally = (except: EntityFacet, valuesOf: (row: EntitySummary) => string[]) => {
    const counts = new Map<string, number>()
    for (const row of rows.filter((r) => passes(r, except)))
      for (const value of valuesOf(row)) counts.set(value, (counts.get(value) ?? 0) + 1)
    return Object.fromEntries(counts)
  }
  return {
    ids: rows
      .filter((row) => passes(row))
      .map((row) => row.id)
      .sort(),
    country: tally('country', (row) => [row.country ?? '']),
    type: tally('type', (row) => [row.type]),
    sector: tally('sector', (row) => row.sectors),
    round: tally('round', (row) => row.rounds.map((r) => r.id)),
  }
}

const asCounts = (values: FacetValue[]) =>
  Object.fromEntries(values.filter((v) => v.count > 0).map((v) => [v.value, v.count]))

describe('the in-memory entity index', () => {
  it('filters and counts facets exactly as the rules say, for many combinations', () => {
    const store = openDefaultStore(tempDir())
    const rows = listEntities(store.db)
    const rounds = [...new Set(rows.flatMap((row) => row.rounds.map((r) => r.id)))]
    const combinations: EntityFilters[] = [
      {},
      { country: ['CN'] },
      { country: ['HK', ''], type: ['company'] },
      { sector: ['surveillance'], round: [rounds[0]] },
      {
        round: rounds.slice(1),
        type: ['university', 'company'],
        sector: ['surveillance', 'artificial intelligence'],
      },
      { firstAdded: { from: '2020' } },
      { firstAdded: { to: '2019-10' }, country: ['CN'] },
      { country: ['nowhere'] },
      { text: { name: 'TECHNOLOGY' } },
      { text: { originalName: '科技', name: ' ' }, type: ['company'] },
      { text: { aliases: 'co., ltd' }, round: [rounds[0]] },
    ]
    let narrowed = 0
    for (const filters of combinations) {
      const page = queryEntities(store.db, { search: '', filters, sort: [], offset: 0, limit: 1000 })
      const expected = bruteForce(rows, filters)
      expect(page.rows.map((row) => row.id).sort(), JSON.stringify(filters)).toEqual(expected.ids)
      expect(page.total).toBe(expected.ids.length)
      if (page.total > 0 && page.total < rows.length) narrowed += 1
      for (const facet of ['country', 'type', 'sector', 'round'] as const)
        expect(asCounts(page.facets![facet]), `${facet} ${JSON.stringify(filters)}`).toEqual(expected[facet])
    }
    // The combinations really filter: most keep some entities but not all.
    expect(narrowed).toBeGreaterThanOrEqual(8)
    store.close()
  })

  it('crosses from the worker thread intact (packed, cloned with its buffers transferred, unpacked)', () => {
    const store = openDefaultStore(tempDir())
    const built = buildIndex(store.db, 'v1')
    // With kept search hits, as the worker sends the one-letter searches'.
    const hits = (index: typeof built) =>
      index.termHits.set('"c"*', findTermHits(store.db, index.positionOfEntry, index.ids.length, '"c"*'))
    hits(built)
    const { packed, transfer } = packIndex(built)
    const received = structuredClone(packed, { transfer })
    const expected = buildIndex(store.db, 'v1')
    hits(expected)
    expect(expected.termHits.get('"c"*')!.some((hit) => hit === 1)).toBe(true)
    expect(unpackIndex(received, 'v1')).toEqual(expected)
    store.close()
  })

  it('is rebuilt after an import and after its undo', async () => {
    const store = openDefaultStore(tempDir())
    const publisher = makePublisher()
    addTrustedKey(store.db, publisher.publicFile, NOW)
    const sectors = () =>
      queryEntities(store.db, { search: '', filters: {}, sort: [], offset: 0, limit: 1 }).facets!.sector
    expect(sectors().find((s) => s.value === 'optics')).toBeUndefined()
    const bundle = await readVerifiedBundle(
      await packOperations(publisher.privateFile, sampleOperations()),
      trustStoreLookup(store.db),
      NOW,
    )
    applyImport(store.db, bundle, { fileName: 'update.sbb', confirmed: true, now: NOW })
    expect(sectors().find((s) => s.value === 'optics')?.count).toBe(1)
    undoLatest(store.db, NOW)
    expect(sectors().find((s) => s.value === 'optics')).toBeUndefined()
    store.close()
  })

  it("maps the full-text index's matches to entities as the search_entries join would, through imports and undo", async () => {
    const store = openDefaultStore(tempDir())
    const publisher = makePublisher()
    addTrustedKey(store.db, publisher.publicFile, NOW)
    const queries = ['s', 'Hik', 'vision', '云从', 'yuncong', 'optics', 'xinjiang', 'zzzz']
    const byJoin = (search: string) =>
      (
        store.db
          .prepare(
            `SELECT se.record_id FROM search_index JOIN search_entries se ON se.id = search_index.rowid
             WHERE search_index MATCH ? AND se.kind = 'entity'`,
          )
          .pluck()
          .all(ftsQueryFor(search)) as string[]
      ).sort()
    const byIndex = (search: string) =>
      queryEntityIds(store.db, { search, filters: {}, sort: [], minScore: 100 }).sort()
    const check = () => {
      for (const search of queries) expect(byIndex(search), search).toEqual(byJoin(search))
    }
    // Reactions have full-text rows too (quotes): their row ids must map to no entity.
    expect(
      store.db.prepare("SELECT count(*) FROM search_entries WHERE kind = 'reaction'").pluck().get(),
    ).toBeGreaterThan(0)
    expect(byIndex('xinjiang').length).toBeGreaterThan(0)
    check()
    const bundle = await readVerifiedBundle(
      await packOperations(publisher.privateFile, sampleOperations()),
      trustStoreLookup(store.db),
      NOW,
    )
    applyImport(store.db, bundle, { fileName: 'update.sbb', confirmed: true, now: NOW })
    expect(byIndex('optics')).toContain('test-entity')
    check()
    undoLatest(store.db, NOW)
    check()
    store.close()
  })

  it('is rebuilt when another process writes to the same store file', () => {
    const dir = tempDir()
    const store = openDefaultStore(dir)
    const countries = () =>
      queryEntities(store.db, { search: '', filters: {}, sort: [], offset: 0, limit: 1 }).facets!.country
    expect(countries().find((c) => c.value === 'ZZ')).toBeUndefined()
    const other = new Database(path.join(dir, 'store.sqlite'))
    other.prepare("UPDATE entities SET country = 'ZZ' WHERE id = (SELECT min(id) FROM entities)").run()
    other.close()
    expect(countries().find((c) => c.value === 'ZZ')?.count).toBe(1)
    store.close()
  })
})

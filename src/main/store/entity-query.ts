import type Database from 'better-sqlite3'
import type { EntitySummary } from '../../shared/domain'
import type { EntityFilters, EntityMatch, EntityPage, EntitySortColumn } from '../../shared/entity-query'
import { entityIndex, queryIndex } from './entity-index'
import { readEntitySummaries } from './read-records'
import { bestNameMatch, fuzzyEntityMatches, nameForms, readEntityNames } from './fuzzy-names'
import { ftsQueryFor } from './search-text'

type Db = Database.Database

export interface EntityQuery {
  search: string
  filters: EntityFilters
  sort: { column: EntitySortColumn; desc: boolean }[]
  offset: number
  limit: number
  /** Whether to count facets (default true); paging further through the same query does not need them. */
  facets?: boolean
  /** Below 100, the search also takes names like the query (fuzzy) at this score or more. */
  minScore?: number
}

/**
 * The entities the search finds: word matches in the full-text index, and names like the query when the
 * minimum score is under 100. Null without a search; empty when only punctuation or operators were typed.
 */
function searchHits(db: Db, query: Pick<EntityQuery, 'search' | 'minScore'>): Set<string> | null {
  if (!query.search.trim()) return null
  const match = ftsQueryFor(query.search)
  if (!match) return new Set()
  const hits = new Set(
    db
      .prepare(
        `SELECT se.record_id FROM search_index JOIN search_entries se ON se.id = search_index.rowid
         WHERE search_index MATCH ? AND se.kind = 'entity'`,
      )
      .pluck()
      .all(match) as string[],
  )
  if ((query.minScore ?? 100) < 100) {
    for (const id of fuzzyEntityMatches(db, query.search, query.minScore!).keys()) hits.add(id)
  }
  return hits
}

function runQuery(db: Db, query: EntityQuery) {
  return queryIndex(db, entityIndex(db), {
    filters: query.filters,
    searchHits: searchHits(db, query),
    sort: query.sort,
    offset: query.offset,
    limit: query.limit,
    facets: query.facets !== false,
  })
}

export type EntityViewQuery = Omit<EntityQuery, 'offset' | 'limit' | 'facets'>

/** The ids of every entity in the current view, in its order. */
export function queryEntityIds(db: Db, query: EntityViewQuery): string[] {
  return runQuery(db, { ...query, offset: 0, limit: Number.MAX_SAFE_INTEGER, facets: false }).ids
}

/** Every entity of the current view, in its order (for exports); no facets. */
export function queryAllEntities(db: Db, query: EntityViewQuery): EntitySummary[] {
  const ids = queryEntityIds(db, query)
  const rows: EntitySummary[] = []
  // Summaries are read in slices so a 100,000-row export does not build one enormous statement.
  for (let i = 0; i < ids.length; i += 1000) {
    for (const row of readEntitySummaries(db, ids.slice(i, i + 1000))) rows.push(row)
  }
  return rows
}

/**
 * One page of entities for the review table: searched in SQLite's full-text index, filtered, counted and
 * sorted over the in-memory entity index (entity-index.ts), so the renderer receives only the rows it
 * shows. Facet counts apply every filter except the facet's own.
 */
export function queryEntities(db: Db, query: EntityQuery): EntityPage {
  const { ids, total, grandTotal, facets } = runQuery(db, query)
  return {
    rows: readEntitySummaries(db, ids),
    total,
    grandTotal,
    facets,
    matches: matchesOf(db, query.search, ids),
  }
}

/** Why each entity on the page matched the search: word matches, then fuzzy ones, with their best name. */
function matchesOf(db: Db, search: string, ids: string[]): Record<string, EntityMatch> | null {
  const match = ftsQueryFor(search)
  if (!search.trim() || !match || ids.length === 0) return null
  const byWords = new Set(
    db
      .prepare(
        `SELECT se.record_id FROM search_index JOIN search_entries se ON se.id = search_index.rowid
         WHERE search_index MATCH ? AND se.kind = 'entity' AND se.record_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .all(match, JSON.stringify(ids)) as string[],
  )
  const result: Record<string, EntityMatch> = {}
  for (const id of ids) {
    const names = readEntityNames(db, id)
    if (!names) continue
    const best = bestNameMatch(search, nameForms(names.primary, names.original, names.aliases))
    result[id] = { ...best, method: byWords.has(id) ? 'words' : 'fuzzy' }
  }
  return result
}

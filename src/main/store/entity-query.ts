import type Database from 'better-sqlite3'
import type { EntitySummary } from '../../shared/domain'
import type {
  EntityFacet,
  EntityFilters,
  EntityMatch,
  EntityPage,
  EntitySortColumn,
  FacetValue,
} from '../../shared/entity-query'
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

/** When an entity was first added: its earliest "added" designation, by the designation's or round's date. */
const FIRST_ADDED = `(SELECT min(coalesce(d.action_date, r.effective_date, r.published_date)) FROM designations d
  JOIN rounds r ON r.id = d.round_id WHERE d.entity_id = e.id AND d.action = 'added')`

const SORT_SQL: Record<EntitySortColumn, string> = {
  name: 'e.primary_name COLLATE NOCASE',
  originalName: 'e.original_name',
  country: 'e.country',
  type: 'e.type',
  firstAdded: FIRST_ADDED,
  reactionCount: '(SELECT count(*) FROM reaction_entities re WHERE re.entity_id = e.id)',
}

interface Clause {
  sql: string
  params: unknown[]
}

/** One WHERE clause per active filter (and the search), keyed so a facet can leave its own out. */
function clauses(db: Db, query: EntityQuery): Map<EntityFacet | 'search' | 'firstAdded', Clause> {
  const result = new Map<EntityFacet | 'search' | 'firstAdded', Clause>()
  const list = (values: string[]) => JSON.stringify(values)
  const { filters } = query
  if (filters.country && filters.country.length > 0) {
    result.set('country', {
      sql: "coalesce(e.country, '') IN (SELECT value FROM json_each(?))",
      params: [list(filters.country)],
    })
  }
  if (filters.type && filters.type.length > 0) {
    result.set('type', { sql: 'e.type IN (SELECT value FROM json_each(?))', params: [list(filters.type)] })
  }
  if (filters.sector && filters.sector.length > 0) {
    result.set('sector', {
      sql: 'EXISTS (SELECT 1 FROM entity_sectors s WHERE s.entity_id = e.id AND s.sector IN (SELECT value FROM json_each(?)))',
      params: [list(filters.sector)],
    })
  }
  if (filters.round && filters.round.length > 0) {
    result.set('round', {
      sql: 'EXISTS (SELECT 1 FROM designations d WHERE d.entity_id = e.id AND d.round_id IN (SELECT value FROM json_each(?)))',
      params: [list(filters.round)],
    })
  }
  const { from, to } = filters.firstAdded ?? {}
  if (from || to) {
    // A partial date bound covers its whole month or year: "2020" to "2020" is all of 2020.
    result.set('firstAdded', {
      sql: `${FIRST_ADDED} BETWEEN ? AND ?`,
      params: [from ?? '0000', to ? `${to}\uffff` : '9999'],
    })
  }
  const match = ftsQueryFor(query.search)
  if (query.search.trim() && match) {
    const fuzzy =
      (query.minScore ?? 100) < 100 ? [...fuzzyEntityMatches(db, query.search, query.minScore!).keys()] : []
    result.set('search', {
      sql: `e.id IN (SELECT se.record_id FROM search_index JOIN search_entries se ON se.id = search_index.rowid
              WHERE search_index MATCH ? AND se.kind = 'entity')${fuzzy.length > 0 ? ' OR e.id IN (SELECT value FROM json_each(?))' : ''}`,
      params: fuzzy.length > 0 ? [match, JSON.stringify(fuzzy)] : [match],
    })
  } else if (query.search.trim()) {
    // Only punctuation or operators were typed: nothing can match.
    result.set('search', { sql: '0', params: [] })
  }
  return result
}

function where(all: Map<string, Clause>, except?: string): Clause {
  const active = [...all.entries()].filter(([key]) => key !== except).map(([, clause]) => clause)
  if (active.length === 0) return { sql: '', params: [] }
  return {
    sql: `WHERE ${active.map((c) => `(${c.sql})`).join(' AND ')}`,
    params: active.flatMap((c) => c.params),
  }
}

/** How a round is named in facets and chips: its first citation, else its title, else its id. */
const roundLabel = (idSql: string) =>
  `coalesce((SELECT citation FROM round_citations rc WHERE rc.round_id = ${idSql} ORDER BY position LIMIT 1),
            (SELECT title FROM rounds WHERE id = ${idSql}), ${idSql})`

/**
 * A ticked value stays listed, counted 0, when the other filters leave no entity with it: the reviewer
 * still sees (and can untick) it, under its label.
 */
function withSelected(
  db: Db,
  facet: EntityFacet,
  values: FacetValue[],
  selected: string[] = [],
): FacetValue[] {
  const missing = selected.filter((value) => !values.some((v) => v.value === value))
  if (missing.length === 0) return values
  const label = (value: string) =>
    facet === 'round'
      ? (db
          .prepare(`WITH picked(id) AS (SELECT ?) SELECT ${roundLabel('picked.id')} FROM picked`)
          .pluck()
          .get(value) as string)
      : value
  return [...values, ...missing.map((value) => ({ value, label: label(value), count: 0 }))]
}

const FACET_SQL: Record<EntityFacet, (whereSql: string) => string> = {
  country: (
    w,
  ) => `SELECT coalesce(e.country, '') AS value, coalesce(e.country, '') AS label, count(*) AS count
                   FROM entities e ${w} GROUP BY 1 ORDER BY count DESC, value`,
  type: (w) =>
    `SELECT e.type AS value, e.type AS label, count(*) AS count FROM entities e ${w} GROUP BY 1 ORDER BY count DESC, value`,
  sector: (w) => `SELECT s.sector AS value, s.sector AS label, count(*) AS count
                  FROM entity_sectors s JOIN entities e ON e.id = s.entity_id ${w} GROUP BY 1 ORDER BY count DESC, value`,
  round: (w) => `SELECT d.round_id AS value, ${roundLabel('d.round_id')} AS label,
                   count(DISTINCT d.entity_id) AS count
                 FROM designations d JOIN entities e ON e.id = d.entity_id ${w} GROUP BY 1 ORDER BY count DESC, value`,
}

function orderBy(query: Pick<EntityQuery, 'sort'>): string {
  return [
    ...query.sort.map((s) => `${SORT_SQL[s.column]} ${s.desc ? 'DESC' : 'ASC'}`),
    'e.primary_name COLLATE NOCASE',
    'e.id',
  ].join(', ')
}

export type EntityViewQuery = Omit<EntityQuery, 'offset' | 'limit' | 'facets'>

/** The ids of every entity in the current view, in its order. */
export function queryEntityIds(db: Db, query: EntityViewQuery): string[] {
  const filtered = where(clauses(db, { ...query, offset: 0, limit: 0 }))
  return db
    .prepare(`SELECT e.id FROM entities e ${filtered.sql} ORDER BY ${orderBy(query)}`)
    .pluck()
    .all(...filtered.params) as string[]
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
 * One page of entities for the review table: filtered, searched, sorted and counted in SQLite, so the
 * renderer receives only the rows it shows. Facet counts apply every filter except the facet's own.
 */
export function queryEntities(db: Db, query: EntityQuery): EntityPage {
  const all = clauses(db, query)
  const filtered = where(all)
  const ids = db
    .prepare(`SELECT e.id FROM entities e ${filtered.sql} ORDER BY ${orderBy(query)} LIMIT ? OFFSET ?`)
    .pluck()
    .all(...filtered.params, query.limit, query.offset) as string[]
  const total = db
    .prepare(`SELECT count(*) FROM entities e ${filtered.sql}`)
    .pluck()
    .get(...filtered.params) as number
  const grandTotal = db.prepare('SELECT count(*) FROM entities').pluck().get() as number
  let facets: Record<EntityFacet, FacetValue[]> | null = null
  if (query.facets !== false) {
    facets = {} as Record<EntityFacet, FacetValue[]>
    for (const facet of Object.keys(FACET_SQL) as EntityFacet[]) {
      const others = where(all, facet)
      const counted = db.prepare(FACET_SQL[facet](others.sql)).all(...others.params) as FacetValue[]
      facets[facet] = withSelected(db, facet, counted, query.filters[facet])
    }
  }
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

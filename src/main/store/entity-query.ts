import type Database from 'better-sqlite3'
import { statement } from './statement-cache'
import type { EntitySummary } from '../../shared/domain'
import type { EntityQuery, EntityViewQuery } from '../../shared/contract'
import type { EntityMatch, EntityPage } from '../../shared/entity-query'
import { entityIndex, entityIndexIsCurrent, queryIndex, type EntityIndex } from './entity-index'
import { readEntitySummaries } from './read-records'
import { bestNameMatch, entityNameForms } from './fuzzy-names'
import { fuzzyEntityIds } from './fuzzy-index'
import { ftsTermsFor } from './search-text'
import { starredEntityIds } from './starred-entities'
import { LocalHoldings } from './local-holdings'

type Db = Database.Database

export type { EntityQuery, EntityViewQuery } from '../../shared/contract'

interface SearchHits {
  /** By index position, 1 for entities with every typed word in a name, alias, original-script name or pinyin. */
  words: Uint8Array
  /** Those and the entities with a name like the query (fuzzy), when the minimum score is under 100. */
  all: Uint8Array
}

/**
 * The entities the search finds: word matches in the full-text index, and names like the query when the
 * minimum score is under 100, marked by their position in the entity index (no set of id strings to
 * build and probe: a one-letter prefix finds tens of thousands). Null without a search.
 */
function searchHits(
  db: Db,
  index: EntityIndex,
  query: Pick<EntityQuery, 'search' | 'minScore'>,
): SearchHits | null {
  const search = query.search.trim()
  if (!search) return null
  const words = wordHits(db, index, ftsTermsFor(search))
  if ((query.minScore ?? 100) >= 100) return { words, all: words }
  const all = words.slice()
  for (const id of fuzzyEntityIds(db, query.search, query.minScore!)) {
    const at = index.position.get(id)
    if (at !== undefined) all[at] = 1
  }
  return { words, all }
}

/** Terms whose hits are kept (about 100 KB each at 100,000 entities). */
const TERMS_KEPT = 64

/** The searches a host warms up (the index worker, then background work): a one-letter prefix finds most. */
export const ONE_LETTER_SEARCHES = [...'abcdefghijklmnopqrstuvwxyz']

/**
 * By index position, 1 for the entities with an entry matching every term (none when nothing
 * searchable was typed). Each term's hits are found on their own and kept with the index they were
 * found for (index.termHits: a new index, after any write, starts with only the one-letter searches'):
 * typing "Urumqi H" then costs only the new "h", itself kept, where asking the full-text index for both
 * at once read every entry with a word starting with h. Callers must not
 * change the array.
 */
function wordHits(db: Db, index: EntityIndex, terms: string[]): Uint8Array {
  if (terms.length === 0) return new Uint8Array(index.ids.length)
  const [first, ...rest] = terms.map((term) => termHits(db, index, term))
  if (rest.length === 0) return first
  const words = first.slice()
  for (const hits of rest) for (let at = 0; at < words.length; at++) words[at] &= hits[at]
  return words
}

function termHits(db: Db, index: EntityIndex, typed: string): Uint8Array {
  // The full-text index folds case, so "H"* and "h"* find the same: kept once, under the folded term
  // (ASCII letters inside the quotes only: an OR between script variants is an operator, not a word).
  const term = typed.replace(/"[^"]*"/g, (quoted) =>
    quoted.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()),
  )
  const kept = index.termHits
  const known = kept.get(term)
  if (known) return known
  const hits = findTermHits(db, index.positionOfEntry, index.ids.length, term)
  if (kept.size >= TERMS_KEPT) kept.clear()
  kept.set(term, hits)
  return hits
}

/** By entity position, 1 for the entities with a full-text entry matching the term. */
export function findTermHits(db: Db, positionOfEntry: Int32Array, count: number, term: string): Uint8Array {
  const hits = new Uint8Array(count)
  const found = statement(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ?')
    .pluck()
    .all(term) as number[]
  for (const entry of found) {
    const at = entry < positionOfEntry.length ? positionOfEntry[entry] : -1
    if (at >= 0) hits[at] = 1
  }
  return hits
}

/**
 * Finds and keeps the hits of a search's terms now, as the search would (see wordHits), when the entity
 * index is current: for a host warming up while it is quiet.
 */
export function keepSearchHits(db: Db, search: string): void {
  if (entityIndexIsCurrent(db)) wordHits(db, entityIndex(db), ftsTermsFor(search))
}

/**
 * By position, 1 for the entities "Watched only" (starred) and "Edited here only" (corrected, written or
 * annotated in the app) keep — those in every set asked for; null when neither is set.
 */
function keptPositions(db: Db, index: EntityIndex, filters: EntityQuery['filters']): Uint8Array | null {
  const sets: Set<string>[] = []
  if (filters.watched) sets.push(new Set(starredEntityIds(db)))
  if (filters.local) sets.push(new Set(LocalHoldings.read(db).entityIds()))
  if (sets.length === 0) return null
  const kept = new Uint8Array(index.ids.length)
  for (const id of sets[0]) {
    const at = index.position.get(id)
    if (at !== undefined && sets.every((set) => set.has(id))) kept[at] = 1
  }
  return kept
}

function runQuery(db: Db, query: EntityQuery) {
  const index = entityIndex(db)
  const hits = searchHits(db, index, query)
  const answer = queryIndex(db, index, {
    filters: query.filters,
    searchHits: hits?.all ?? null,
    kept: keptPositions(db, index, query.filters),
    sort: query.sort,
    offset: query.offset,
    limit: query.limit,
    facets: query.facets !== false,
  })
  return { ...answer, hits, index }
}

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
  return queryEntityScope(db, query).page
}

export interface EntityScope {
  page: EntityPage
  includesEntity: (id: string) => boolean
}

/**
 * A page of entities, and which entities the whole view holds: what the Overview of a view counts
 * reactions by, from the same pass over the index (listing the view's ids cost as much again).
 */
export function queryEntityScope(db: Db, query: EntityQuery): EntityScope {
  const { ids, total, grandTotal, facets, hits, index, outOfView } = runQuery(db, query)
  const page = {
    rows: readEntitySummaries(db, ids),
    total,
    grandTotal,
    facets,
    matches: hits
      ? matchesOf(db, query.search, ids, (id) => hits.words[index.position.get(id) ?? -1] === 1)
      : null,
  }
  const includesEntity = (id: string) => {
    const at = index.position.get(id)
    return at !== undefined && outOfView[at] === 0
  }
  return { page, includesEntity }
}

/** Why each entity on the page matched the search: word matches, then fuzzy ones, with their best name. */
function matchesOf(
  db: Db,
  search: string,
  ids: string[],
  byWords: (id: string) => boolean,
): Record<string, EntityMatch> | null {
  if (ids.length === 0) return null
  const result: Record<string, EntityMatch> = {}
  for (const id of ids) {
    const forms = entityNameForms(db, id)
    if (!forms) continue
    const best = bestNameMatch(search, forms)
    result[id] = { ...best, method: byWords(id) ? 'words' : 'fuzzy' }
  }
  return result
}

import type Database from 'better-sqlite3'
import { askWorkerOnce } from '../../built-worker'
import { stateOf } from '../connection-state'
import { recordsVersion } from '../data-version'
import { entityNameForms, foldName, type NameMatch } from '../fuzzy-names'
import { buildFuzzyIndex } from './build'
import { FuzzyNameIndex, type FuzzyHit, type IndexParts } from './name-index'

export { FuzzyNameIndex, type FuzzyHit } from './name-index'
export { buildFuzzyIndex } from './build'

type Db = Database.Database

/**
 * The fuzzy name index for the records as they are now: built in this thread when none is current (a
 * write, by any path, changes the records' version and so brings a new one).
 */
export function fuzzyNameIndex(db: Db): FuzzyNameIndex {
  const state = stateOf(db)
  const version = recordsVersion(db)
  if (state.fuzzyIndex?.version === version) return state.fuzzyIndex.index
  const index = buildFuzzyIndex(db)
  state.fuzzyIndex = { version, index }
  return index
}

/**
 * Builds the index in a worker thread (out/main/fuzzy-index-worker.js), so that a long-running host
 * stays free meanwhile; a fuzzy search before it arrives builds it here instead. A write while the
 * worker reads makes its result stale: dropped. Without the build (tests from source) it does nothing.
 */
export function prepareFuzzyNameIndex(db: Db, storePath: string): Promise<void> {
  const state = stateOf(db)
  const version = recordsVersion(db)
  if (state.fuzzyIndex?.version === version) return Promise.resolve()
  if (state.fuzzyIndexBuild) return state.fuzzyIndexBuild
  const built = askWorkerOnce<IndexParts>('fuzzy-index-worker.js', import.meta.url, { storePath })
  if (!built) return Promise.resolve()
  const job = built
    .then((parts) => {
      if (recordsVersion(db) === version && state.fuzzyIndex?.version !== version)
        state.fuzzyIndex = { version, index: FuzzyNameIndex.fromParts(parts) }
    })
    .catch(() => undefined)
    .finally(() => (state.fuzzyIndexBuild = null))
  state.fuzzyIndexBuild = job
  return job
}

/** A query with fewer letters than this has no fuzzy matches: too short to be like a name. */
const FEWEST_LETTERS = 3

/**
 * The entities with a name form scoring at least `minScore` against the query, as positions in the
 * fuzzy index (its ids), each with its best score and form: exactly those scoring every form would find
 * (store/fuzzy-index). With a `limit`, only those that sorting by score and keeping `limit` could keep.
 */
function fuzzyHits(db: Db, query: string, minScore: number, limit?: number) {
  const folded = foldName(query)
  // Checked before the index is asked for: a short query must not build it.
  if (folded.replace(/ /g, '').length < FEWEST_LETTERS) return null
  const index = fuzzyNameIndex(db)
  return { index, hits: index.search(folded, minScore, limit) }
}

/** The ids of the entities whose names are like the query at or above `minScore`. */
export function fuzzyEntityIds(db: Db, query: string, minScore: number): string[] {
  const found = fuzzyHits(db, query, minScore)
  return found ? found.hits.map((hit) => found.index.ids[hit.entity]) : []
}

/**
 * Entities whose names are like the query, each with its best score and the name that has it, at or
 * above `minScore`, in the store's order; with a `limit`, the first `limit` by score (the store's order
 * among equal scores), which alone have their names read.
 */
export function fuzzyEntityMatches(
  db: Db,
  query: string,
  minScore: number,
  limit?: number,
): Map<string, NameMatch> {
  const result = new Map<string, NameMatch>()
  const found = fuzzyHits(db, query, minScore, limit)
  if (!found) return result
  const { index, hits } = found
  // Sorting is stable: among equal scores the store's order stays, then the store's order is restored.
  const kept = limit === undefined ? hits : firstByScore(hits, limit)
  for (const hit of kept) {
    const id = index.ids[hit.entity]
    const form = entityNameForms(db, id)?.[index.ordinalOf(hit.form)]
    if (form) result.set(id, { score: hit.score, field: form.field, text: form.text })
  }
  return result
}

function firstByScore(hits: FuzzyHit[], limit: number): FuzzyHit[] {
  return [...hits]
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .sort((a, b) => a.entity - b.entity)
}

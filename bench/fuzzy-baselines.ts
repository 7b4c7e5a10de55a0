import MiniSearch from 'minisearch'
import { fuzzyEntityIds } from '../src/main/store/fuzzy-index'
import { bestNameMatch, nameForms, readEntityNames } from '../src/main/store/fuzzy-names'
import type { Store } from '../src/main/store/open-store'
import { time, type Timing } from './stats'

/** One engine's speed on the bench's fuzzy queries, and how many of the reference's entities it found. */
export interface FuzzyEngine {
  timing: Timing
  /** Entities found of those the reference finds (scoring every name form), over all queries. */
  found: number
  expected: number
  buildMs: number | null
}

export type FuzzyBaselines =
  | { status: 'measured'; ours: FuzzyEngine; miniSearch: FuzzyEngine; bruteForce: FuzzyEngine }
  | { status: 'unavailable'; reason: string }

/** Past this many entities every name form held at once (what both baselines need) outgrows the heap. */
const MAX_ENTITIES = 200_000

/**
 * #24's comparison on the same names and queries: our exact index, MiniSearch (in memory, fuzzy 0.2,
 * prefix) and a scan scoring every name form with Jaro–Winkler. Each query is timed in turn.
 */
export function measureFuzzyBaselines(store: Store, queries: string[], minScore: number): FuzzyBaselines {
  const count = store.db.prepare('SELECT count(*) FROM entities').pluck().get() as number
  if (count > MAX_ENTITIES)
    return {
      status: 'unavailable',
      reason: `the baselines hold every name form in memory; measured up to ${MAX_ENTITIES.toLocaleString('en-US')} entities`,
    }
  const everyForm = (store.db.prepare('SELECT id FROM entities').pluck().all() as string[]).map((id) => {
    const entity = readEntityNames(store.db, id)!
    return { id, forms: nameForms(entity.primary, entity.original, entity.aliases) }
  })
  const bruteForce = (query: string) =>
    everyForm.filter(({ forms }) => bestNameMatch(query, forms).score >= minScore).map(({ id }) => id)
  const expected = queries.map((query) => new Set(bruteForce(query)))
  const expectedCount = expected.reduce((sum, ids) => sum + ids.size, 0)
  const recall = (search: (query: string) => string[]) =>
    queries.reduce((sum, query, i) => sum + search(query).filter((id) => expected[i].has(id)).length, 0)
  const cycling = (search: (query: string) => unknown, runs: number) => {
    let next = 0
    return time(() => search(queries[next++ % queries.length]), runs)
  }

  const buildStart = performance.now()
  const mini = new MiniSearch({ fields: ['names'], idField: 'id' })
  mini.addAll(everyForm.map(({ id, forms }) => ({ id, names: forms.map((form) => form.text).join(' \n ') })))
  const miniBuildMs = Math.round(performance.now() - buildStart)
  const miniSearch = (query: string) =>
    mini.search(query, { fuzzy: 0.2, prefix: true }).map((result) => result.id as string)
  const ours = (query: string) => fuzzyEntityIds(store.db, query, minScore)
  return {
    status: 'measured',
    ours: { timing: cycling(ours, 30), found: recall(ours), expected: expectedCount, buildMs: null },
    miniSearch: {
      timing: cycling(miniSearch, 30),
      found: recall(miniSearch),
      expected: expectedCount,
      buildMs: miniBuildMs,
    },
    bruteForce: {
      timing: cycling(bruteForce, 5),
      found: expectedCount,
      expected: expectedCount,
      buildMs: null,
    },
  }
}

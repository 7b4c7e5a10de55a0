import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import type { Store } from '../src/main/store/open-store'
import { listEntities } from '../src/main/store/read-records'
import { noteRecordsWritten } from '../src/main/store/data-version'
import { entityIndex } from '../src/main/store/entity-index'
import { buildFuzzyIndex, fuzzyEntityIds } from '../src/main/store/fuzzy-index'
import { bestNameMatch, nameForms, readEntityNames } from '../src/main/store/fuzzy-names'
import { queryEntities, queryEntityScope, type EntityQuery } from '../src/main/store/entity-query'
import { pinyinForIndex } from '../src/main/store/pinyin-text'
import { searchIndex } from '../src/main/store/search-index'
import { ftsQueryFor } from '../src/main/store/search-text'
import { overviewFrom, SCOPE_PAGE, type OverviewQuery } from '../src/main/services/overview-services'
import { measureFuzzyBaselines, type FuzzyBaselines } from './fuzzy-baselines'
import { LABELLED_MISSPELLINGS } from './fuzzy-misspellings'
import { round, time, type Timing } from './stats'

const FIRST_PAGE: EntityQuery = { search: '', filters: {}, sort: [], offset: 0, limit: 200 }

export type Measurement =
  (Timing & { status: 'measured' }) | { status: 'not-implemented' | 'unavailable'; reason: string }

/** Queries a reviewer types, chosen from records the generator is known to create. */
export function benchQueries(store: Store) {
  const sample = store.db
    .prepare("SELECT primary_name FROM entities WHERE id LIKE 'bench-entity-%' ORDER BY id LIMIT 1 OFFSET 7")
    .pluck()
    .get() as string
  const word = sample.split(' ')[1]
  return {
    exactName: sample,
    prefix: word.slice(0, 4),
    chineseSubstring: '科技',
    // Two letters swapped inside the word: a typical typo.
    misspelt: `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)} ${sample.split(' ').slice(2, 4).join(' ')}`,
    // The start of a generated Chinese name's pinyin, run together as users type it ("huaxintian").
    pinyin: pinyinStart(store),
  }
}

function pinyinStart(store: Store): string {
  const original = store.db
    .prepare(
      "SELECT original_name FROM entities WHERE id LIKE 'bench-entity-%' AND original_name IS NOT NULL LIMIT 1 OFFSET 7",
    )
    .pluck()
    .get() as string
  const spelled = pinyinForIndex(original) ?? ''
  return spelled.slice(spelled.lastIndexOf(' ') + 1).slice(0, 10)
}

function overviewTiming(store: Store, query: OverviewQuery): Measurement {
  return {
    status: 'measured',
    ...time(() => overviewFrom(store, query, queryEntityScope(store.db, { ...query, ...SCOPE_PAGE })), 10),
  }
}

export function measureStore(store: Store): Record<string, Measurement> {
  const q = benchQueries(store)
  const search = (query: string): Measurement => ({
    status: 'measured',
    ...time(() => searchIndex(store.db, query, 50)),
  })
  return {
    searchExactName: search(q.exactName),
    searchPrefix: search(q.prefix),
    searchChineseSubstring: search(q.chineseSubstring),
    // A typo in a known name ("Huaxin" → "Huxain"), with the slider at 85: the exact fuzzy index.
    searchFuzzyMisspelling: {
      status: 'measured',
      ...time(() => searchIndex(store.db, q.misspelt, 50, 85)),
    },
    searchPinyin: { status: 'measured', ...time(() => searchIndex(store.db, q.pinyin, 50)) },
    facetCountsTwoFilters: {
      status: 'measured',
      ...time(
        () =>
          queryEntities(store.db, { ...FIRST_PAGE, filters: { country: ['CN'], sector: ['surveillance'] } }),
        10,
      ),
    },
    firstPageSortedByName: {
      status: 'measured',
      ...time(() => queryEntities(store.db, { ...FIRST_PAGE, sort: [{ column: 'name', desc: false }] }), 10),
    },
    // Building the fuzzy name index from the store (#24), as its worker does after a start or an import.
    fuzzyIndexBuild: { status: 'measured', ...time(() => buildFuzzyIndex(store.db), 3) },
    // Building the in-memory entity index from the store, as after a start or an import (cold, each run).
    entityIndexBuild: {
      status: 'measured',
      ...time(() => {
        noteRecordsWritten(store.db)
        entityIndex(store.db)
      }, 5),
    },
    // The Overview's figures (#21), store part: of the whole store, and of a filtered view.
    overviewWholeStore: overviewTiming(store, { search: '', filters: {}, minScore: 100 }),
    overviewOfAView: overviewTiming(store, { search: '', filters: { country: ['CN'] }, minScore: 100 }),
    // What the first renderer still does on the Entities view: every entity at once.
    listAllEntities: { status: 'measured', ...time(() => listEntities(store.db), 5) },
  }
}

/**
 * The floors: the same FTS match through the sqlite3 shell, and JSON.parse plus a plain array filter.
 * Debian's sqlite3 (3.40) cannot open our contentless_delete FTS table (SQLite 3.43+), so the shell
 * runs on a copy of the same texts in a plain FTS5 table with the same tokenizer.
 */
export function measureBaselines(store: Store, workDir: string): Record<string, Measurement> {
  const q = benchQueries(store)
  const match = ftsQueryFor(q.prefix)!
  const rows = store.db
    .prepare(
      "SELECT e.id, e.primary_name AS name, (SELECT group_concat(alias, ' | ') FROM entity_aliases a WHERE a.entity_id = e.id) AS aliases FROM entities e",
    )
    .all() as { id: string; name: string; aliases: string | null }[]
  const json = JSON.stringify(rows)
  const needle = q.prefix.toLowerCase()
  const jsonFilter: Measurement = {
    status: 'measured',
    ...time(
      () =>
        (JSON.parse(json) as typeof rows).filter(
          (r) => r.name.toLowerCase().includes(needle) || (r.aliases ?? '').toLowerCase().includes(needle),
        ),
      10,
    ),
  }
  return { sqliteShellFts: shellFts(rows, match, workDir), jsonParseAndFilter: jsonFilter }
}

function shellFts(
  rows: { id: string; name: string; aliases: string | null }[],
  match: string,
  workDir: string,
): Measurement {
  const which = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' })
  if (which.status !== 0)
    return { status: 'unavailable', reason: 'the sqlite3 shell is not installed (apt-get install sqlite3)' }
  const file = `${workDir}/baseline.sqlite`
  fs.rmSync(file, { force: true })
  const db = new Database(file)
  db.exec("CREATE VIRTUAL TABLE t USING fts5(name, aliases, tokenize = 'unicode61 remove_diacritics 2')")
  const insert = db.prepare('INSERT INTO t (name, aliases) VALUES (?, ?)')
  db.transaction(() => rows.forEach((r) => insert.run(r.name, r.aliases)))()
  db.close()
  const sql = `SELECT rowid FROM t WHERE t MATCH '${match.replaceAll("'", "''")}' ORDER BY bm25(t) LIMIT 50;`
  const samples: number[] = []
  const script = ['.timer on', ...Array.from({ length: 31 }, () => sql)].join('\n')
  const run = spawnSync('sqlite3', [file], { input: script, encoding: 'utf8' })
  for (const m of run.stdout.matchAll(/Run Time: real ([0-9.]+)/g)) samples.push(Number(m[1]) * 1000)
  if (samples.length < 2)
    return { status: 'unavailable', reason: `sqlite3 did not report timings: ${run.stderr.slice(0, 200)}` }
  samples.shift() // warm-up
  samples.sort((a, b) => a - b)
  return {
    status: 'measured',
    runs: samples.length,
    p50Ms: round(samples[Math.floor(samples.length / 2)]),
    p95Ms: round(samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]),
  }
}

/** The fuzzy name index's size, and whether its answers equal scoring every name (#24). */
export interface FuzzyFigures {
  forms: number
  words: number
  indexMb: number
  minScore: number
  /** The scores each query is checked at against the reference. */
  checkedScores: number[]
  queries: string[]
  /** "query at score" where the entities found differ from the reference's: must be none. */
  differing: string[]
  /** Entities the reference finds, summed over queries and scores, and how many of them were found. */
  expected: number
  found: number
  /** Ours beside MiniSearch and a scan of every name form, on the same names and queries (#24). */
  baselines: FuzzyBaselines
}

/** Past this many entities the labelled misspellings are left out of the check (20 minutes at 1M). */
const LABELLED_UP_TO = 200_000

/**
 * The index's size, and for the misspelling the store bench searches, four one-letter typos of
 * generated names and (up to 200,000 entities) #24's labelled misspellings, the entities found at
 * scores 70, 85 and 95 against a reference that scores every name form of every entity, each Chinese
 * name spelled again with pinyin-pro.
 */
export function measureFuzzy(store: Store): FuzzyFigures {
  const index = buildFuzzyIndex(store.db)
  const minScore = 85
  const names = (id: string) =>
    store.db.prepare('SELECT primary_name FROM entities WHERE id = ?').pluck().get(id) as string | undefined
  const typos = ['bench-entity-3', 'bench-entity-11', 'bench-entity-42', 'bench-entity-99']
    .map(names)
    .filter((name): name is string => name !== undefined)
    .map((name) => {
      const word = name.split(' ')[1]
      return `${word.slice(0, 1)}${word.slice(2)} ${name.split(' ')[2]}`
    })
  const timed = [benchQueries(store).misspelt, ...typos]
  const entities = store.db.prepare('SELECT count(*) FROM entities').pluck().get() as number
  const queries = entities <= LABELLED_UP_TO ? [...timed, ...LABELLED_MISSPELLINGS] : timed
  const checkedScores = [70, 85, 95]
  // Every entity scored against every query once, one entity at a time (at a million entities, the
  // name forms of all of them at once are more than the heap holds); each score's set taken from it.
  const scores = queries.map(() => new Map<string, number>())
  for (const id of store.db
    .prepare('SELECT id FROM entities')
    .pluck()
    .iterate() as IterableIterator<string>) {
    const entity = readEntityNames(store.db, id)!
    const forms = nameForms(entity.primary, entity.original, entity.aliases)
    queries.forEach((query, i) => {
      const score = bestNameMatch(query, forms).score
      if (score >= checkedScores[0]) scores[i].set(id, score)
    })
  }
  const differing: string[] = []
  let expected = 0
  let found = 0
  queries.forEach((query, i) =>
    checkedScores.forEach((score) => {
      const reference = [...scores[i]].filter(([, best]) => best >= score).map(([id]) => id)
      const ours = new Set(fuzzyEntityIds(store.db, query, score))
      expected += reference.length
      found += reference.filter((id) => ours.has(id)).length
      if (ours.size !== reference.length || reference.some((id) => !ours.has(id)))
        differing.push(`${query} at ${score}`)
    }),
  )
  return {
    forms: index.formCount,
    words: index.wordCount,
    indexMb: Math.round(index.bytes / 1e5) / 10,
    minScore,
    checkedScores,
    queries,
    differing,
    expected,
    found,
    baselines: measureFuzzyBaselines(store, timed, minScore),
  }
}

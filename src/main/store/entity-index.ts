import type Database from 'better-sqlite3'
import {
  ENTITY_TEXT_COLUMNS,
  type EntityFacet,
  type EntityFilters,
  type EntitySortColumn,
  type EntityTextColumn,
  type FacetValue,
  programmeValues,
} from '../../shared/entity-query'
import { foldToken } from './search-text'
import { Worker } from 'node:worker_threads'
import { builtWorkerScript } from '../built-worker'
import { recordsVersion } from './data-version'

type Db = Database.Database

/**
 * The Entities table's filter columns held in memory, one small integer per entity and value: with
 * 100,000 entities, counting four facets "with every other filter applied" in SQL took 600 ms (a GROUP
 * BY per facet over correlated filters); over these arrays it is one pass of a few milliseconds. Built
 * from the store on first use and again after any write to the records (see data-version.ts).
 */
export interface EntityIndex {
  version: string
  ids: string[]
  position: Map<string, number>
  country: Coded
  type: Coded
  sectors: CodedLists
  rounds: CodedLists
  /** The programmes of the entity's designations (a designation's "SDGT; IRAN" gives two). */
  programmes: CodedLists
  /** Round id → how facets and chips name it: its first citation, else its title, else its id. */
  roundLabels: Map<string, string>
  /** The date first added (an ISO date, possibly partial), or null. */
  firstAdded: (string | null)[]
  /**
   * By full-text row id (search_entries.id, which is search_index's rowid), the entity's position, or -1
   * for rows of reactions: a search maps its matches to entities without joining search_entries and
   * reading tens of thousands of id strings (half the time of a one-letter search at 100,000 entities).
   */
  positionOfEntry: Int32Array
  /** Positions in the default order: name (as SQLite's NOCASE compares it, see nameSortKey), then id. */
  defaultRank: Int32Array
  /** Per sort column, a rank per entity (equal values share a rank); built on first use. */
  sortRanks: Map<EntitySortColumn, Int32Array>
  /** Folded names, original-script names and aliases (one per line), read on the first text filter. */
  texts?: Record<EntityTextColumn, string[]>
  /**
   * By full-text term, 1 per entity position for the entities with an entry matching it: the hits of
   * search terms, kept with the index they were found for (see entity-query.ts), so that a write, which
   * brings a new index, drops them. The worker sends every one-letter search's with the index.
   */
  termHits: Map<string, Uint8Array>
}

/** One value per entity, as a code into `values`. */
interface Coded {
  codes: Int32Array
  values: string[]
}

/** Several values per entity: entity i has codes[start[i] .. start[i + 1]). */
interface CodedLists {
  start: Int32Array
  codes: Int32Array
  values: string[]
}

const cache = new WeakMap<Db, EntityIndex>()
const building = new WeakMap<Db, Promise<void>>()

/**
 * Builds the index in a worker thread, so the process stays free meanwhile (at start the page and its
 * scripts are still being served): the Entities table's first query awaits this. When the worker cannot
 * run (a test running the TypeScript sources, a packaged app where it fails to load) the index is built
 * in this thread on first use instead. A write while the worker reads makes its result stale: dropped.
 */
export function prepareEntityIndex(db: Db, storePath: string): Promise<void> {
  const version = recordsVersion(db)
  if (cache.get(db)?.version === version) return Promise.resolve()
  const running = building.get(db)
  if (running) return running
  const job = buildInWorker(storePath)
    .then((built) => {
      if (recordsVersion(db) === version) cache.set(db, unpackIndex(built, version))
    })
    .catch(() => undefined)
    .finally(() => building.delete(db))
  building.set(db, job)
  return job
}

/**
 * What crosses from the worker: the index without its lookup tables, ids as one string (cloning one
 * string is a copy; cloning 100,000 strings and a map of them took longer than building the index).
 */
type PackedIndex = Omit<EntityIndex, 'ids' | 'position' | 'firstAdded' | 'termHits'> & {
  ids: string
  firstAdded: { codes: Int32Array; values: (string | null)[] }
  termHits: [string, Uint8Array][]
}

export function packIndex(index: EntityIndex): { packed: PackedIndex; transfer: ArrayBuffer[] } {
  const dates = new Map<string | null, number>()
  const codes = Int32Array.from(index.firstAdded, (date) => {
    let code = dates.get(date)
    if (code === undefined) dates.set(date, (code = dates.size))
    return code
  })
  // The lookup tables stay behind (rebuilt on arrival); only the index's data crosses.
  const data: Partial<EntityIndex> = { ...index }
  delete data.position
  delete data.ids
  delete data.firstAdded
  delete data.termHits
  const packed = {
    ...data,
    ids: index.ids.join('\n'),
    firstAdded: { codes, values: [...dates.keys()] },
    termHits: [...index.termHits],
  } as PackedIndex
  const typed = [
    index.country.codes,
    index.type.codes,
    index.sectors.start,
    index.sectors.codes,
    index.rounds.start,
    index.rounds.codes,
    index.programmes.start,
    index.programmes.codes,
    index.defaultRank,
    index.positionOfEntry,
    codes,
    ...index.sortRanks.values(),
    ...index.termHits.values(),
  ]
  return { packed, transfer: typed.map((array) => array.buffer as ArrayBuffer) }
}

export function unpackIndex(packed: PackedIndex, version: string): EntityIndex {
  const ids = packed.ids === '' ? [] : packed.ids.split('\n')
  return {
    ...packed,
    version,
    ids,
    position: new Map(ids.map((id, at) => [id, at])),
    firstAdded: Array.from(packed.firstAdded.codes, (code) => packed.firstAdded.values[code]),
    termHits: new Map(packed.termHits),
  }
}

function buildInWorker(storePath: string): Promise<PackedIndex> {
  const script = builtWorkerScript('entity-index-worker.js', import.meta.url)
  if (!script) return Promise.reject(new Error('the index worker is not built'))
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { storePath } })
    worker.unref()
    worker.once('message', (built: PackedIndex) => {
      resolve(built)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the index worker stopped (${code})`)))
  })
}

/** Whether the index matches the records now, so a query would not wait for it to be built. */
export function entityIndexIsCurrent(db: Db): boolean {
  return cache.get(db)?.version === recordsVersion(db)
}

export function entityIndex(db: Db): EntityIndex {
  const version = recordsVersion(db)
  const cached = cache.get(db)
  if (cached && cached.version === version) return cached
  const built = buildIndex(db, version)
  cache.set(db, built)
  return built
}

function coder() {
  const values: string[] = []
  const codes = new Map<string, number>()
  return {
    values,
    code(value: string): number {
      let code = codes.get(value)
      if (code === undefined) {
        code = values.length
        values.push(value)
        codes.set(value, code)
      }
      return code
    },
  }
}

/**
 * Entity → value pairs as per-entity lists of codes (compressed rows: a count pass, then a fill pass, no
 * array per entity); a value paired twice with an entity counts once.
 */
function codedLists(count: number, pairs: [string, string][], position: Map<string, number>): CodedLists {
  const valueCoder = coder()
  const entityOf = new Int32Array(pairs.length)
  const codeOf = new Int32Array(pairs.length)
  const start = new Int32Array(count + 1)
  pairs.forEach(([entityId, value], i) => {
    const at = position.get(entityId) ?? -1
    entityOf[i] = at
    codeOf[i] = valueCoder.code(value)
    if (at >= 0) start[at + 1] += 1
  })
  for (let at = 0; at < count; at += 1) start[at + 1] += start[at]
  const filled = start.slice(0, count)
  const codes = new Int32Array(start[count])
  for (let i = 0; i < pairs.length; i += 1) {
    const at = entityOf[i]
    if (at < 0) continue
    let seen = false
    for (let j = start[at]; j < filled[at]; j += 1) if (codes[j] === codeOf[i]) seen = true
    if (!seen) codes[filled[at]++] = codeOf[i]
  }
  // Duplicates leave gaps at the end of an entity's slice: close them up.
  let write = 0
  const compact = new Int32Array(count + 1)
  for (let at = 0; at < count; at += 1) {
    compact[at] = write
    for (let j = start[at]; j < filled[at]; j += 1) codes[write++] = codes[j]
  }
  compact[count] = write
  return { start: compact, codes: codes.subarray(0, write), values: valueCoder.values }
}

/**
 * A name as SQLite's ORDER BY primary_name COLLATE NOCASE compares it: ASCII letters folded, nothing else,
 * in code point order (SQLite compares UTF-8 bytes). JavaScript compares UTF-16 units, which differs only
 * where a character beyond the BMP (a surrogate pair) meets one from U+E000 up, such as a full-width
 * bracket: those units are shifted so that `<` on the keys follows code points. The default order must
 * be SQLite's exactly, because the first page at start comes from SQLite (entity-first-page.ts).
 */
export function nameSortKey(name: string): string {
  const folded = name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())
  if (!/[\ud800-\uffff]/.test(folded)) return folded
  return folded.replace(/[\ud800-\uffff]/g, (unit) => {
    const code = unit.charCodeAt(0)
    return String.fromCharCode(code >= 0xe000 ? code - 0x800 : code + 0x2000)
  })
}

/** Ranks from a key per entity: equal keys share a rank, nulls rank first (as SQLite sorts them). */
function ranksOf(keys: (string | null)[]): Int32Array {
  const distinct = [...new Set(keys.filter((key): key is string => key !== null))].sort()
  const rankOf = new Map(distinct.map((key, at) => [key, at + 1]))
  return Int32Array.from(keys, (key) => (key === null ? 0 : rankOf.get(key)!))
}

/**
 * ranksOf for keys already in ascending order (the names, in the order just sorted): one pass, where
 * ranksOf's set, sort and map of 100,000 names took 0.2 s of the index build.
 */
function ranksOfSorted(keys: string[]): Int32Array {
  const ranks = new Int32Array(keys.length)
  let rank = 0
  for (let at = 0; at < keys.length; at++) {
    if (at === 0 || keys[at] !== keys[at - 1]) rank += 1
    ranks[at] = rank
  }
  return ranks
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Round id → how facets and chips name it: its first citation, else its title, else its id. */
export function readRoundLabels(db: Db): Map<string, string> {
  return new Map(
    db
      .prepare(
        `SELECT r.id, coalesce((SELECT citation FROM round_citations rc WHERE rc.round_id = r.id ORDER BY position LIMIT 1),
                 r.title, r.id) FROM rounds r`,
      )
      .raw()
      .all() as [string, string][],
  )
}

/** The order facet values are listed in: most entities first, then by value. */
export function byFacetOrder(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || compareText(a.value, b.value)
}

/**
 * Reads the filter columns in three plain scans (entities, sectors, designations) and orders entities
 * by name in JavaScript: at 100,000 entities this takes about half the time of letting SQLite sort and
 * aggregate (ORDER BY name, DISTINCT and GROUP BY over text keys).
 */
export function buildIndex(db: Db, version: string): EntityIndex {
  const entityRows = db
    .prepare(`SELECT id, coalesce(country, '') AS country, type, primary_name FROM entities`)
    .raw()
    .all() as [string, string, string, string][]
  const folded = entityRows.map((row) => nameSortKey(row[3]))
  const order = Array.from(entityRows.keys()).sort(
    (a, b) => compareText(folded[a], folded[b]) || compareText(entityRows[a][0], entityRows[b][0]),
  )
  const rows = order.map((at) => entityRows[at])
  const count = rows.length
  const ids = rows.map((row) => row[0])
  const position = new Map(ids.map((id, at) => [id, at]))
  const countries = coder()
  const types = coder()
  const country = new Int32Array(count)
  const type = new Int32Array(count)
  const defaultRank = new Int32Array(count)
  rows.forEach((row, at) => {
    country[at] = countries.code(row[1])
    type[at] = types.code(row[2])
    defaultRank[at] = at
  })

  const sectors = codedLists(
    count,
    db.prepare('SELECT entity_id, sector FROM entity_sectors').raw().all() as [string, string][],
    position,
  )
  // One scan of the designations gives both each entity's rounds and the date it was first added (the
  // designation's own date, else its round's effective or published date).
  const roundDates = new Map(
    db.prepare('SELECT id, coalesce(effective_date, published_date) FROM rounds').raw().all() as [
      string,
      string | null,
    ][],
  )
  const designationRows = db
    .prepare(`SELECT entity_id, round_id, action = 'added', action_date, programs FROM designations`)
    .raw()
    .all() as [string, string, number, string | null, string | null][]
  const rounds = codedLists(count, designationRows as unknown as [string, string][], position)
  const programmes = codedLists(
    count,
    programmePairs(designationRows.map((row) => [row[0], row[4]])),
    position,
  )
  const firstAdded: (string | null)[] = new Array<string | null>(count).fill(null)
  for (const [entityId, roundId, added, actionDate] of designationRows) {
    const date = actionDate ?? roundDates.get(roundId) ?? null
    if (!added || date === null) continue
    const at = position.get(entityId)
    if (at === undefined) continue
    const earliest = firstAdded[at]
    if (earliest === null || date < earliest) firstAdded[at] = date
  }
  const roundLabels = readRoundLabels(db)
  const entries = db
    .prepare(`SELECT id, record_id FROM search_entries WHERE kind = 'entity'`)
    .raw()
    .all() as [number, string][]
  let maxEntry = -1
  for (const [entry] of entries) if (entry > maxEntry) maxEntry = entry
  const positionOfEntry = new Int32Array(maxEntry + 1).fill(-1)
  for (const [entry, entityId] of entries) positionOfEntry[entry] = position.get(entityId) ?? -1
  const index: EntityIndex = {
    version,
    ids,
    position,
    positionOfEntry,
    country: { codes: country, values: countries.values },
    type: { codes: type, values: types.values },
    sectors,
    rounds,
    programmes,
    roundLabels,
    firstAdded,
    defaultRank,
    sortRanks: new Map(),
    termHits: new Map(),
  }
  const codeRanks = (coded: Coded) => {
    // '' (no country) ranks first, as NULL does in SQLite.
    const valueRanks = ranksOf(coded.values)
    return Int32Array.from(coded.codes, (code) => valueRanks[code])
  }
  index.sortRanks.set('name', ranksOfSorted(order.map((at) => folded[at])))
  index.sortRanks.set('country', codeRanks(index.country))
  index.sortRanks.set('type', codeRanks(index.type))
  return index
}

/** Entity → programme pairs from designations' (entity id, programs), one pair per programme named. */
export function programmePairs(rows: [string, string | null][]): [string, string][] {
  const pairs: [string, string][] = []
  for (const [entityId, programs] of rows)
    for (const programme of programmeValues(programs)) pairs.push([entityId, programme])
  return pairs
}

/** Ranks for the sort columns not ranked when the index is built, computed on first use. */
function sortRank(db: Db, index: EntityIndex, column: EntitySortColumn): Int32Array {
  const known = index.sortRanks.get(column)
  if (known) return known
  let ranks: Int32Array
  if (column === 'firstAdded') ranks = ranksOf(index.firstAdded)
  else {
    ranks = new Int32Array(index.ids.length)
    // Original-script names are compared by SQLite (byte order), so CJK beyond the BMP sorts as it would there.
    const sql =
      column === 'originalName'
        ? 'SELECT id, dense_rank() OVER (ORDER BY original_name) FROM entities'
        : 'SELECT entity_id, count(*) FROM reaction_entities GROUP BY entity_id'
    for (const [id, rank] of db.prepare(sql).raw().all() as [string, number][]) {
      const at = index.position.get(id)
      if (at !== undefined) ranks[at] = rank
    }
  }
  index.sortRanks.set(column, ranks)
  return ranks
}

export interface IndexQuery {
  filters: EntityFilters
  /** By position, 1 for the entities the search found; null without a search. */
  searchHits: Uint8Array | null
  sort: { column: EntitySortColumn; desc: boolean }[]
  offset: number
  limit: number
  facets: boolean
}

export interface IndexAnswer {
  ids: string[]
  total: number
  grandTotal: number
  facets: Record<EntityFacet, FacetValue[]> | null
}

const FACETS: EntityFacet[] = ['country', 'type', 'sector', 'round', 'programme']
/** Names as the text filters compare them: read from the store once, case and accents folded. */
function entityTexts(db: Db, index: EntityIndex): Record<EntityTextColumn, string[]> {
  if (index.texts) return index.texts
  const count = index.ids.length
  const texts = {
    name: new Array<string>(count).fill(''),
    originalName: new Array<string>(count).fill(''),
    aliases: new Array<string>(count).fill(''),
  }
  for (const [id, name, original] of db
    .prepare('SELECT id, primary_name, original_name FROM entities')
    .raw()
    .all() as [string, string, string | null][]) {
    const at = index.position.get(id)
    if (at === undefined) continue
    texts.name[at] = foldToken(name.normalize('NFKC'))
    texts.originalName[at] = original ? foldToken(original.normalize('NFKC')) : ''
  }
  for (const [id, alias] of db.prepare('SELECT entity_id, alias FROM entity_aliases').raw().all() as [
    string,
    string,
  ][]) {
    const at = index.position.get(id)
    if (at !== undefined) texts.aliases[at] += `${foldToken(alias.normalize('NFKC'))}\n`
  }
  index.texts = texts
  return texts
}

const BIT: Record<EntityFacet | 'firstAdded' | 'search' | 'text', number> = {
  country: 1,
  type: 2,
  sector: 4,
  round: 8,
  programme: 128,
  firstAdded: 16,
  text: 64,
  search: 32,
}

/** Codes of the kept values; a value the index has never seen matches nothing. */
function keptCodes(values: string[] | undefined, known: string[]): Set<number> | null {
  if (!values || values.length === 0) return null
  const wanted = new Set(values)
  const codes = new Set<number>()
  known.forEach((value, code) => wanted.has(value) && codes.add(code))
  return codes
}

function anyIn(lists: CodedLists, at: number, codes: Set<number>): boolean {
  for (let i = lists.start[at]; i < lists.start[at + 1]; i += 1) if (codes.has(lists.codes[i])) return true
  return false
}

/**
 * Filters, counts facets and picks one sorted page. Each entity gets a bit per filter it fails; it is
 * in the view when none is set, and counted in a facet when at most that facet's own bit is set.
 */
export function queryIndex(db: Db, index: EntityIndex, query: IndexQuery): IndexAnswer {
  const count = index.ids.length
  const { filters } = query
  const countryCodes = keptCodes(filters.country, index.country.values)
  const typeCodes = keptCodes(filters.type, index.type.values)
  const sectorCodes = keptCodes(filters.sector, index.sectors.values)
  const roundCodes = keptCodes(filters.round, index.rounds.values)
  const programmeCodes = keptCodes(filters.programme, index.programmes.values)
  const { from, to } = filters.firstAdded ?? {}
  // As in SQL: a partial bound covers its whole month or year; entities never added are outside any range.
  const low = from ?? '0000'
  const high = to ? `${to}\uffff` : '9999'
  const hits = query.searchHits
  const needles = ENTITY_TEXT_COLUMNS.map((column) => ({
    column,
    needle: foldToken((filters.text?.[column] ?? '').trim().normalize('NFKC')),
  })).filter((entry) => entry.needle !== '')
  const texts = needles.length > 0 ? entityTexts(db, index) : null
  const failed = new Uint8Array(count)
  for (let at = 0; at < count; at += 1) {
    let bits = 0
    if (countryCodes && !countryCodes.has(index.country.codes[at])) bits |= BIT.country
    if (typeCodes && !typeCodes.has(index.type.codes[at])) bits |= BIT.type
    if (sectorCodes && !anyIn(index.sectors, at, sectorCodes)) bits |= BIT.sector
    if (roundCodes && !anyIn(index.rounds, at, roundCodes)) bits |= BIT.round
    if (programmeCodes && !anyIn(index.programmes, at, programmeCodes)) bits |= BIT.programme
    if (from || to) {
      const date = index.firstAdded[at]
      if (date === null || date < low || date > high) bits |= BIT.firstAdded
    }
    if (hits && hits[at] === 0) bits |= BIT.search
    if (texts && !needles.every(({ column, needle }) => texts[column][at].includes(needle))) bits |= BIT.text
    failed[at] = bits
  }

  let facets: Record<EntityFacet, FacetValue[]> | null = null
  if (query.facets) {
    const counts = {
      country: new Int32Array(index.country.values.length),
      type: new Int32Array(index.type.values.length),
      sector: new Int32Array(index.sectors.values.length),
      round: new Int32Array(index.rounds.values.length),
      programme: new Int32Array(index.programmes.values.length),
    }
    for (let at = 0; at < count; at += 1) {
      const bits = failed[at]
      if ((bits & ~BIT.country) === 0) counts.country[index.country.codes[at]] += 1
      if ((bits & ~BIT.type) === 0) counts.type[index.type.codes[at]] += 1
      if ((bits & ~BIT.sector) === 0)
        for (let i = index.sectors.start[at]; i < index.sectors.start[at + 1]; i += 1)
          counts.sector[index.sectors.codes[i]] += 1
      if ((bits & ~BIT.round) === 0)
        for (let i = index.rounds.start[at]; i < index.rounds.start[at + 1]; i += 1)
          counts.round[index.rounds.codes[i]] += 1
      if ((bits & ~BIT.programme) === 0)
        for (let i = index.programmes.start[at]; i < index.programmes.start[at + 1]; i += 1)
          counts.programme[index.programmes.codes[i]] += 1
    }
    const listed = (values: string[], tally: Int32Array, labels: string[] = values): FacetValue[] =>
      values
        .map((value, code) => ({ value, label: labels[code], count: tally[code] }))
        .filter((value) => value.count > 0)
        .sort(byFacetOrder)
    facets = {
      country: listed(index.country.values, counts.country),
      type: listed(index.type.values, counts.type),
      sector: listed(index.sectors.values, counts.sector),
      round: listed(
        index.rounds.values,
        counts.round,
        index.rounds.values.map((id) => index.roundLabels.get(id) ?? id),
      ),
      programme: listed(index.programmes.values, counts.programme),
    }
    for (const facet of FACETS) facets[facet] = withTicked(facets[facet], filters[facet], index, facet)
  }

  const passing: number[] = []
  for (let at = 0; at < count; at += 1) if (failed[at] === 0) passing.push(at)
  const keys = query.sort.map((s) => ({
    ranks: sortRank(db, index, s.column),
    sign: s.desc ? -1 : 1,
  }))
  // Without a sort, `passing` is already in the default order (the index is built in it).
  if (keys.length > 0) {
    passing.sort((a, b) => {
      for (const { ranks, sign } of keys) {
        const order = ranks[a] - ranks[b]
        if (order !== 0) return sign * order
      }
      return index.defaultRank[a] - index.defaultRank[b]
    })
  }
  return {
    ids: passing.slice(query.offset, query.offset + query.limit).map((at) => index.ids[at]),
    total: passing.length,
    grandTotal: count,
    facets,
  }
}

/**
 * A ticked value stays listed, counted 0, when the other filters leave no entity with it: the reviewer
 * still sees (and can untick) it, under its label.
 */
function withTicked(
  values: FacetValue[],
  ticked: string[] | undefined,
  index: EntityIndex,
  facet: EntityFacet,
): FacetValue[] {
  const missing = (ticked ?? []).filter((value) => !values.some((v) => v.value === value))
  if (missing.length === 0) return values
  const label = (value: string) => (facet === 'round' ? (index.roundLabels.get(value) ?? value) : value)
  return [...values, ...missing.map((value) => ({ value, label: label(value), count: 0 }))]
}

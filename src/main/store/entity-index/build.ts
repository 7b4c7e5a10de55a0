import { readRoundLabels } from '../round-label'
import { compareText, programmePairs, type Coded, type CodedLists, type Db, type EntityIndex } from './model'

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
export function ranksOf(keys: (string | null)[]): Int32Array {
  const distinct = [...new Set(keys.filter((key): key is string => key !== null))].sort()
  const rankOf = new Map(distinct.map((key, at) => [key, at + 1]))
  return Int32Array.from(keys, (key) => (key === null ? 0 : rankOf.get(key)!))
}

/**
 * ranksOf for keys already in ascending order (the names, in the order just sorted): one pass instead
 * of ranksOf's set, sort and map over every name.
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

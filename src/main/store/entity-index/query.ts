import {
  ENTITY_FACETS,
  ENTITY_TEXT_COLUMNS,
  type EntityFacet,
  type EntityFilters,
  type EntitySortColumn,
  type EntityTextColumn,
  type FacetValue,
} from '../../../shared/entity-query'
import { foldToken } from '../search-text'
import { ranksOf } from './build'
import { byFacetOrder, type CodedLists, type Db, type EntityIndex } from './model'

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
  /**
   * By position, 1 for the entities the "Watched only" and "Edited here only" filters keep (both set:
   * those in both); null without them.
   */
  kept: Uint8Array | null
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
  /** By entity position, 0 when the entity is in the view (else the filters it fails, as bits). */
  outOfView: Uint16Array
}

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

const BIT: Record<EntityFacet | 'firstAdded' | 'search' | 'text' | 'kept', number> = {
  country: 1,
  type: 2,
  sector: 4,
  round: 8,
  programme: 128,
  kept: 256,
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
  const failed = new Uint16Array(count)
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
    if (query.kept && query.kept[at] === 0) bits |= BIT.kept
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
    for (const facet of ENTITY_FACETS) facets[facet] = withTicked(facets[facet], filters[facet], index, facet)
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
    outOfView: failed,
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

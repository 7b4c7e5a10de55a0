import type { FacetValue } from '../../../shared/entity-query'

/**
 * Filtering, search, facet counts and sorting for the Rounds and Reactions tables. These tables hold at
 * most tens of thousands of rows (50 rounds, 20,000 reactions in the largest benchmark), so the renderer
 * loads them once and answers every keystroke in memory; the Entities table, at 100,000 rows and more,
 * asks the store instead.
 */

/** A categorical column with a set filter: the values a row has (a reaction may name several rounds). */
export interface ListFacet<Row> {
  id: string
  title: string
  values(row: Row): { value: string; label: string }[]
  /** How a row without a value is listed ('' value): "not recorded" unless said otherwise. */
  emptyLabel?: string
}

/** A date column with a range filter; dates are ISO strings, so string order is date order. */
export interface ListDateFilter<Row> {
  id: string
  title: string
  date(row: Row): string | null
}

/** A column the table can sort by; null values always go last. */
export type SortValue = string | number | null

/** A text column with a "contains" filter (case- and accent-blind), for columns that are not categories. */
export interface ListTextFilter<Row> {
  id: string
  title: string
  text(row: Row): string
}

export interface ListSpec<Row> {
  id(row: Row): string
  /** Every text the search looks in: names, titles, quotes, citations. */
  searchText(row: Row): string[]
  facets: ListFacet<Row>[]
  dates: ListDateFilter<Row>[]
  texts: ListTextFilter<Row>[]
  sortValues: Record<string, (row: Row) => SortValue>
}

export interface DateRange {
  from?: string
  to?: string
}

export interface ListQuery {
  search: string
  /** Facet id → the values kept ('' stands for "not recorded"). */
  filters: Record<string, string[]>
  dates: Record<string, DateRange>
  /** Text filter id → what the column must contain. */
  texts: Record<string, string>
  sort: { column: string; desc: boolean }[]
}

export interface ListResult<Row> {
  rows: Row[]
  /** Each facet's values, counted with every other filter and the search applied. */
  facets: Record<string, FacetValue[]>
}

/** Case- and accent-insensitive form of a text: "Zhèjiāng" and "ZHEJIANG" both become "zhejiang". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The words of a search; each must appear somewhere in the row (Chinese text: as a substring). */
export function searchWords(search: string): string[] {
  return foldText(search.normalize('NFKC'))
    .split(/\s+/)
    .filter((word) => word !== '')
}

/**
 * A row's folded search text, computed once per row object: typing one more character then costs a
 * substring test per row, not a re-normalisation of every quote.
 */
const foldedText = new WeakMap<object, string>()
function haystack<Row>(spec: ListSpec<Row>, row: Row): string {
  const key = row as object
  let text = foldedText.get(key)
  if (text === undefined) {
    text = foldText(spec.searchText(row).join('\n').normalize('NFKC'))
    foldedText.set(key, text)
  }
  return text
}

function inRange(date: string | null, range: DateRange): boolean {
  if (!range.from && !range.to) return true
  if (!date) return false
  // As in the store: a bound given as a year or month covers all of it ("to 2020" is to the end of 2020).
  return (!range.from || date >= range.from) && (!range.to || date <= `${range.to}\uffff`)
}

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' })
}

function labelOf<Row>(rows: readonly Row[], facet: ListFacet<Row>, value: string): string {
  if (value === '') return ''
  for (const row of rows) {
    const found = facet.values(row).find((v) => v.value === value)
    if (found) return found.label
  }
  return value
}

/**
 * Applies search, set filters, date ranges and text filters, counts every facet, and sorts. One pass over the rows:
 * each row gets a bit per filter it fails, so a facet's counts take the rows that fail at most that
 * facet's own filter ("each facet counted with all other filters applied").
 */
export function runListQuery<Row>(
  rows: readonly Row[],
  spec: ListSpec<Row>,
  query: ListQuery,
): ListResult<Row> {
  const words = searchWords(query.search)
  const activeFacets = spec.facets
    .map((facet, index) => ({ facet, index, kept: new Set(query.filters[facet.id] ?? []) }))
    .filter((entry) => entry.kept.size > 0)
  const activeDates = spec.dates.filter((d) => {
    const range = query.dates[d.id]
    return range && (range.from || range.to)
  })
  const activeTexts = spec.texts
    .map((filter) => ({ filter, needle: foldText((query.texts[filter.id] ?? '').trim()) }))
    .filter((entry) => entry.needle !== '')
  const SEARCH_BIT = 1 << spec.facets.length
  const DATES_BIT = SEARCH_BIT << 1
  const TEXTS_BIT = DATES_BIT << 1
  const counts = spec.facets.map(() => new Map<string, FacetValue>())
  const kept: Row[] = []
  for (const row of rows) {
    let failed = 0
    if (words.length > 0) {
      const text = haystack(spec, row)
      if (!words.every((word) => text.includes(word))) failed |= SEARCH_BIT
    }
    for (const { facet, index, kept: values } of activeFacets) {
      const own = facet.values(row)
      const matches = own.length === 0 ? values.has('') : own.some((v) => values.has(v.value))
      if (!matches) failed |= 1 << index
    }
    for (const dateFilter of activeDates) {
      if (!inRange(dateFilter.date(row), query.dates[dateFilter.id])) failed |= DATES_BIT
    }
    for (const { filter, needle } of activeTexts) {
      if (!foldText(filter.text(row)).includes(needle)) failed |= TEXTS_BIT
    }
    if (failed === 0) kept.push(row)
    spec.facets.forEach((facet, index) => {
      if ((failed & ~(1 << index)) !== 0) return
      const own = facet.values(row)
      for (const value of own.length === 0 ? [{ value: '', label: '' }] : own) {
        const entry = counts[index].get(value.value)
        if (entry) entry.count += 1
        else counts[index].set(value.value, { ...value, count: 1 })
      }
    })
  }
  const sorters = query.sort
    .map((s) => ({ value: spec.sortValues[s.column], sign: s.desc ? -1 : 1 }))
    .filter((s) => s.value !== undefined)
  if (sorters.length > 0) {
    kept.sort((a, b) => {
      for (const { value, sign } of sorters) {
        const va = value(a)
        const vb = value(b)
        // Nulls stay last whichever way the column is sorted.
        if (va === null || vb === null) {
          if (va !== vb) return va === null ? 1 : -1
          continue
        }
        const order = compare(va, vb)
        if (order !== 0) return sign * order
      }
      return 0
    })
  }
  const facets: Record<string, FacetValue[]> = {}
  spec.facets.forEach((facet, index) => {
    const counted = [...counts[index].values()].sort(
      (a, b) => b.count - a.count || compare(a.label || null, b.label || null),
    )
    // A ticked value the other filters leave no row for stays listed, counted 0, under its label.
    const missing = (query.filters[facet.id] ?? []).filter((value) => !counts[index].has(value))
    facets[facet.id] = [
      ...counted,
      ...missing.map((value) => ({ value, label: labelOf(rows, facet, value), count: 0 })),
    ]
  })
  return { rows: kept, facets }
}

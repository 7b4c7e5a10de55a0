import type { EntitySummary } from './domain'

/** Columns the Entities table can be sorted by in the store. */
export const ENTITY_SORT_COLUMNS = [
  'name',
  'originalName',
  'country',
  'type',
  'firstAdded',
  'reactionCount',
] as const
export type EntitySortColumn = (typeof ENTITY_SORT_COLUMNS)[number]

export type { EntityFilters } from './contract'
import type { TableViewState } from './contract'

/** The Entities table's text columns with a "contains" filter. */
export const ENTITY_TEXT_COLUMNS = ['name', 'originalName', 'aliases'] as const
export type EntityTextColumn = (typeof ENTITY_TEXT_COLUMNS)[number]

/** The lowest minimum score the search slider offers: below it, names share too little to mean much. */
export const MIN_FUZZY_SCORE = 70

/** Why an entity matched the search: the name that matched best, how well, and by which method. */
export interface EntityMatch {
  score: number
  method: 'words' | 'fuzzy'
  field: string
  text: string
}

/** How a reviewer laid out a table: hidden, ordered and resized columns, and the scroll position. */
export interface TableLayout {
  hiddenColumns: string[]
  columnOrder: string[]
  /** Column id → width in pixels, for the columns the reviewer resized. */
  columnSizes: Record<string, number>
  scrollTop: number
}

export type { TableViewState } from './contract'

/** The Rounds and Reactions tables' kept state (they filter in the renderer; see review/list-query). */
export interface ListViewState extends TableLayout {
  search: string
  filters: Record<string, string[]>
  dates: Record<string, { from?: string; to?: string }>
  /** Text filter id → what the column must contain. */
  texts: Record<string, string>
  sort: { column: string; desc: boolean }[]
}

export interface TableViews<State = TableViewState> {
  /** The table as last left; null the first time, or when what was kept no longer fits. */
  current: State | null
  saved: { name: string; state: State; updatedAt: string }[]
}

/** Categorical columns with set filters and facet counts. */
export const ENTITY_FACETS = ['country', 'type', 'sector', 'round', 'programme'] as const
export type EntityFacet = (typeof ENTITY_FACETS)[number]

/** A designation's programmes as the facet lists them: "SDGT; IRAN" names two. */
export function programmeValues(programs: string | null): string[] {
  if (!programs) return []
  return [
    ...new Set(
      programs
        .split(/\s*;\s*/)
        .map((value) => value.trim())
        .filter(Boolean),
    ),
  ]
}

export interface FacetValue {
  /** The stored value; '' stands for "not recorded" (e.g. an unknown country). */
  value: string
  label: string
  count: number
}

export interface EntityPage {
  rows: EntitySummary[]
  /** Entities matching every filter and the search. */
  total: number
  /** Entities in the store. */
  grandTotal: number
  /** For each facet, its values counted with all the other filters applied (null when not asked for). */
  facets: Record<EntityFacet, FacetValue[]> | null
  /** With a search: why each row on this page matched (by entity id); null without a search. */
  matches: Record<string, EntityMatch> | null
}

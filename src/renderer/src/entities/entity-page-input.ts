import type { ApiInput } from '../../../shared/contract'
import type { EntityFilters, EntitySortColumn } from '../../../shared/entity-query'

// About four screens of rows: enough to scroll on while the next page loads, few enough that a keystroke's
// page is read and explained (why each row matched) quickly (docs/performance.md).
export const PAGE_SIZE = 50

export interface EntityQueryState {
  search: string
  /** Below 100 the search also takes names like the query (fuzzy), at this score or more. */
  minScore?: number
  filters: EntityFilters
  sort: { column: EntitySortColumn; desc: boolean }[]
}

/** The Entities table as it opens without a kept view: no search, filter or sort. */
export const PLAIN_ENTITY_QUERY: EntityQueryState = { search: '', filters: {}, sort: [], minScore: 100 }

/** One page of a query; facets are counted for the first page only (scrolling does not change them). */
export function entityPageInput(query: EntityQueryState, offset: number): ApiInput<'queryEntities'> {
  return {
    search: query.search,
    minScore: query.minScore ?? 100,
    // Facet values come from the store's own facet counts, so their types are valid by construction.
    filters: query.filters as ApiInput<'queryEntities'>['filters'],
    sort: query.sort,
    offset,
    limit: PAGE_SIZE,
    facets: offset === 0,
  }
}

import type { ApiInput, EntityViewQuery } from '../../../shared/contract'

// About four screens of rows: enough to scroll on while the next page loads, few enough that a keystroke's
// page is read and explained (why each row matched) quickly (docs/performance.md).
export const PAGE_SIZE = 50

/** The Entities table as it opens without a kept view: no search, filter or sort. */
export const PLAIN_ENTITY_QUERY: EntityViewQuery = { search: '', filters: {}, sort: [], minScore: 100 }

/** One page of a query; facets are counted for the first page only (scrolling does not change them). */
export function entityPageInput(query: EntityViewQuery, offset: number): ApiInput<'queryEntities'> {
  return {
    search: query.search,
    minScore: query.minScore ?? 100,
    filters: query.filters,
    sort: query.sort,
    offset,
    limit: PAGE_SIZE,
    facets: offset === 0,
  }
}

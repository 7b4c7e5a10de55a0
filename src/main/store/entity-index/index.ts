/**
 * The Entities table's in-memory index: its shape (model), how it is built from the store (build), how
 * a query filters, counts and pages it (query), and how it is built off the main thread and cached per
 * store (worker-client).
 */
export { byFacetOrder, programmePairs, type EntityIndex } from './model'
export { buildIndex, nameSortKey } from './build'
export { queryIndex, type IndexAnswer, type IndexQuery } from './query'
export {
  entityIndex,
  entityIndexIsCurrent,
  packIndex,
  prepareEntityIndex,
  unpackIndex,
} from './worker-client'
export { readRoundLabels } from '../round-label'

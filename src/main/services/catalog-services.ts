import type {
  AppInfo,
  EntityDetail,
  EntitySummary,
  Reaction,
  RoundDetail,
  RoundSummary,
  SearchHit,
  Stats,
} from '../../shared/domain'
import { getMeta } from '../store/meta'
import { LATEST_STORE_VERSION } from '../store/migrations'
import type { Store } from '../store/open-store'
import * as records from '../store/read-records'
import { searchIndex } from '../store/search-index'
import { entityIndexIsCurrent, prepareEntityIndex } from '../store/entity-index'
import { isPlainFirstPage, plainFirstPage } from '../store/entity-first-page'
import { loadPinyin } from '../store/pinyin-text'
import { noteEntityQuery, warmSearchWhenQuiet } from './search-warm-up'
import { queryEntities as queryEntityPage, type EntityQuery } from '../store/entity-query'
import type { EntityPage } from '../../shared/entity-query'
import { APP_VERSION } from './app-version'

/** Read services over the store: one plain function per API call, no transport concerns. */
export function appInfo(store: Store): AppInfo {
  return {
    appVersion: APP_VERSION,
    storeVersion: LATEST_STORE_VERSION,
    dataAsOf: getMeta(store.db, 'data_as_of'),
    datasetVersion: getMeta(store.db, 'dataset_version'),
    storePath: store.path,
  }
}

export function stats(store: Store): Stats {
  return records.readStats(store.db)
}

export function listEntities(store: Store): EntitySummary[] {
  return records.listEntities(store.db)
}

/** A pause after the plain first page before the background work starts: the page is drawing it. */
const AFTER_FIRST_PAGE_MS = 400
const preparing = new WeakSet<Store>()

/**
 * What a long-running host does once the first view is up (or soon after start, should none be asked
 * for): build the entity index in its worker, then warm the search; check the store's integrity in
 * another. Once per store.
 */
export function prepareInBackground(store: Store): void {
  if (preparing.has(store)) return
  preparing.add(store)
  try {
    store.checkIntegrity()
    void prepareEntityIndex(store.db, store.path).then(() => warmSearchWhenQuiet(store))
    // While the worker builds the index this thread is free: the first search explains its matches
    // with pinyin-pro, which takes 0.1–0.2 s to load (less later, when a reviewer may be typing).
    setImmediate(loadPinyin).unref()
  } catch {
    // The store was closed already (a short-lived command or test): nothing to prepare.
  }
}

export async function queryEntities(store: Store, query: EntityQuery): Promise<EntityPage> {
  noteEntityQuery(store)
  if (!entityIndexIsCurrent(store.db) && isPlainFirstPage(query)) {
    // The first view at start need not wait for the index: SQLite answers it alone. The index is
    // built after, and the store's integrity checked, so that neither slows this answer down, nor
    // the page drawing it (two cores).
    const page = plainFirstPage(store.db, query)
    setTimeout(() => prepareInBackground(store), AFTER_FIRST_PAGE_MS).unref()
    return page
  }
  // Waits for the entity index when a worker is building it (at start, after an import).
  await prepareEntityIndex(store.db, store.path)
  const page = queryEntityPage(store.db, query)
  warmSearchWhenQuiet(store)
  return page
}

export function getEntity(store: Store, id: string): EntityDetail | null {
  return records.getEntity(store.db, id)
}

export function listRounds(store: Store): RoundSummary[] {
  return records.listRounds(store.db)
}

export function getRound(store: Store, id: string): RoundDetail | null {
  return records.getRound(store.db, id)
}

export function listReactions(store: Store): Reaction[] {
  return records.listReactions(store.db)
}

export const DEFAULT_SEARCH_LIMIT = 50

export function search(
  store: Store,
  query: string,
  limit: number = DEFAULT_SEARCH_LIMIT,
  minScore = 100,
): SearchHit[] {
  return searchIndex(store.db, query, limit, minScore)
}

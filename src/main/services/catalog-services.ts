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
import { keepLastView, lastView } from '../store/app-state'
import type { ViewName } from '../../shared/app-commands'
import { LATEST_STORE_VERSION } from '../store/migrations'
import type { Store } from '../store/open-store'
import * as records from '../store/read-records'
import { searchIndex } from '../store/search-index'
import { entityIndexIsCurrent, prepareEntityIndex } from '../store/entity-index'
import { prepareFuzzyNameIndex } from '../store/fuzzy-index'
import { isPlainFirstPage, plainFirstPage } from '../store/entity-first-page'
import { noteEntityQuery, prepareInBackground } from './background-work'
import {
  queryEntities as queryEntityPage,
  queryEntityScope,
  type EntityQuery,
  type EntityScope,
} from '../store/entity-query'
import type { EntityPage } from '../../shared/entity-query'
import { APP_VERSION } from './app-version'
import { parseApiInput } from '../../shared/contract'
import { loadViews } from '../store/saved-views'

/** Read services over the store: one plain function per API call, no transport concerns. */
export function appInfo(store: Store): AppInfo {
  return {
    appVersion: APP_VERSION,
    storeVersion: LATEST_STORE_VERSION,
    dataAsOf: getMeta(store.db, 'data_as_of'),
    datasetVersion: getMeta(store.db, 'dataset_version'),
    storePath: store.path,
    readOnly: store.readOnly,
    lastView: lastView(store.db),
  }
}

/** Keeps the view the app shows, where it opens next time. */
export function rememberView(store: Store, view: ViewName): null {
  keepLastView(store.db, view)
  return null
}

export function stats(store: Store): Stats {
  return records.readStats(store.db)
}

export function listEntities(store: Store): EntitySummary[] {
  return records.listEntities(store.db)
}

/** A pause after the plain first page before the background work starts: the page is drawing it. */
const AFTER_FIRST_PAGE_MS = 400

export async function queryEntities(store: Store, query: EntityQuery): Promise<EntityPage> {
  noteEntityQuery(store)
  try {
    return await answerEntityQuery(store, query)
  } finally {
    noteEntityQuery(store)
  }
}

/** A page of entities and which entities its whole view holds (the Overview of a view), from the index. */
export async function entityScope(store: Store, query: EntityQuery): Promise<EntityScope> {
  noteEntityQuery(store)
  try {
    await prepareEntityIndex(store.db, store.path)
    await fuzzyIndexReady(store, query.minScore)
    return queryEntityScope(store.db, query)
  } finally {
    noteEntityQuery(store)
  }
}

async function answerEntityQuery(store: Store, query: EntityQuery): Promise<EntityPage> {
  if (!entityIndexIsCurrent(store.db) && isPlainFirstPage(query)) {
    // The first view at start need not wait for the index: SQLite answers it alone. The background
    // work starts after, so that it slows neither this answer nor the page drawing it (two cores).
    const page = plainFirstPage(store.db, query)
    setTimeout(() => prepareInBackground(store), AFTER_FIRST_PAGE_MS).unref()
    return page
  }
  // Waits for the entity index when a worker is building it (at start, after an import).
  await prepareEntityIndex(store.db, store.path)
  await fuzzyIndexReady(store, query.minScore)
  const page = queryEntityPage(store.db, query)
  prepareInBackground(store)
  return page
}

/**
 * Runs, once and for nothing, what a window asks first (the renderer's early-first-page.ts: the plain
 * first page, the kept views, the app's information): each call's first input check compiles its
 * validator, and the store's first read of the first page brings its pages from disk. Called as the
 * host comes up, while the page is still loading its script, rather than when the page's requests
 * arrive and the page and the host share the two cores. Only a head start: should it fail, the host
 * says so on stderr and goes on (the page's own requests then meet the problem and report it).
 */
export function warmFirstView(store: Store): void {
  // A short-lived command may have closed the store before this turn came: nothing to warm then.
  if (!store.db.open) return
  try {
    const query = parseApiInput('queryEntities', {
      search: '',
      filters: {},
      sort: [],
      offset: 0,
      limit: 50,
      facets: true,
    })
    plainFirstPage(store.db, query)
    parseApiInput('loadViews', { table: 'entities' })
    loadViews(store.db, 'entities')
    parseApiInput('appInfo', {})
    appInfo(store)
  } catch (error) {
    process.emitWarning(`Warming the first view failed: ${(error as Error).message}`)
  }
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

/** The same, for a host: a fuzzy search waits for the index a worker is building (see below). */
export async function searchWhenReady(
  store: Store,
  query: string,
  limit: number = DEFAULT_SEARCH_LIMIT,
  minScore = 100,
): Promise<SearchHit[]> {
  await fuzzyIndexReady(store, minScore)
  return search(store, query, limit, minScore)
}

/**
 * Below score 100 a query reads the fuzzy name index: a host waits for the one its worker is building
 * (at start, after an import) rather than building another in this thread, which would hold every
 * other request for as long.
 */
async function fuzzyIndexReady(store: Store, minScore = 100): Promise<void> {
  if (minScore < 100) await prepareFuzzyNameIndex(store.db, store.path)
}

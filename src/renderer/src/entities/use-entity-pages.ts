import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { EntityFacet, EntityMatch, EntityPage, FacetValue } from '../../../shared/entity-query'
import type { EntitySummary } from '../../../shared/domain'
import { useApi } from '../api/use-api'
import { queryCacheOf, type QueryCache } from '../api/query-cache'
import { entityPageInput } from './entity-page-input'
import type { EntityViewQuery } from '../../../shared/contract'

interface Loaded {
  key: string
  rows: EntitySummary[]
  total: number
  grandTotal: number
  facets: Record<EntityFacet, FacetValue[]> | null
  /** Why each loaded row matched the search, by entity id (empty without a search). */
  matches: Record<string, EntityMatch>
  error: string | null
}

function requestPage(cache: QueryCache, query: EntityViewQuery, offset: number): Promise<EntityPage> {
  return cache.read('queryEntities', entityPageInput(query, offset))
}

function loadedPage(key: string, page: EntityPage): Loaded {
  return {
    key,
    rows: page.rows,
    total: page.total,
    grandTotal: page.grandTotal,
    facets: page.facets,
    matches: page.matches ?? {},
    error: null,
  }
}

/**
 * Rows of the Entities table, fetched from the store a page at a time: the first page whenever the
 * query changes, further pages as the user scrolls. Answers to an outdated query are dropped.
 */
export function useEntityPages(query: EntityViewQuery) {
  const cache = queryCacheOf(useApi())
  const key = JSON.stringify(query)
  // The first page, when it came with the page's first requests: the first render shows its rows.
  const [loaded, setLoaded] = useState<Loaded | null>(() => {
    const page = cache.peek('queryEntities', entityPageInput(query, 0))
    return page ? loadedPage(key, page) : null
  })
  const loadingMore = useRef(false)

  const fetchPage = useCallback(
    (offset: number): Promise<EntityPage> => requestPage(cache, query, offset),
    // The key captures the whole query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cache, key],
  )
  // The query whose first page was last asked for ahead (see `prefetch`): only its answer may be shown.
  const ahead = useRef<string | null>(null)
  /**
   * Sends a query's first-page request now, from the input event, rather than after React has rendered
   * the new query (the query cache keeps it for that render's request). Its answer is kept as the loaded
   * page as soon as it arrives; a caller that makes the query current when the returned promise settles
   * (the search box) then draws the new query once, with its rows, instead of once without them and again
   * when they come (on two cores, that first drawing held up the answer's arrival). Only the latest such
   * request may become the loaded page.
   */
  const prefetch = useCallback(
    (next: EntityViewQuery): Promise<EntityPage> => {
      const nextKey = JSON.stringify(next)
      const request = cache.prefetch('queryEntities', entityPageInput(next, 0))
      ahead.current = nextKey
      // A request overtaken by the next keystroke is simply dropped, its failure too.
      request.then(
        (page) => {
          if (ahead.current === nextKey) setLoaded(loadedPage(nextKey, page))
        },
        () => undefined,
      )
      return request
    },
    [cache],
  )

  // A layout effect: the request leaves as soon as the new query is committed, not a frame later.
  useLayoutEffect(() => {
    let current = true
    // Any other query asked for ahead is outdated now (the view moved on, say a "Clear" while a search was
    // on its way): its answer must not become the loaded page. This one's, asked ahead, the cache hands on.
    ahead.current = null
    fetchPage(0).then(
      // Already there when it came ahead (see `prefetch`): then nothing changes.
      (page) =>
        current && setLoaded((previous) => (previous?.key === key ? previous : loadedPage(key, page))),
      (error: unknown) =>
        current &&
        setLoaded({
          key,
          rows: [],
          total: 0,
          grandTotal: 0,
          facets: null,
          matches: {},
          error: (error as Error).message,
        }),
    )
    return () => {
      current = false
    }
  }, [fetchPage, key])

  /**
   * Loads the next page of the current query. One function for the hook's whole life (it reads the
   * latest state through a ref), so the table, which takes it as a prop, is not redrawn for a new one
   * on every keystroke.
   */
  const latest = useRef({ fetchPage, key, loaded })
  useLayoutEffect(() => {
    latest.current = { fetchPage, key, loaded }
  })
  const loadMore = useCallback(() => {
    const { fetchPage, key, loaded } = latest.current
    if (!loaded || loaded.key !== key || loadingMore.current || loaded.rows.length >= loaded.total) return
    loadingMore.current = true
    fetchPage(loaded.rows.length)
      .then((page) =>
        setLoaded((previous) =>
          previous && previous.key === key
            ? {
                ...previous,
                rows: [...previous.rows, ...page.rows],
                matches: { ...previous.matches, ...(page.matches ?? {}) },
              }
            : previous,
        ),
      )
      .finally(() => {
        loadingMore.current = false
      })
  }, [])

  const current = loaded && loaded.key === key ? loaded : null
  return { page: current, stale: loaded, loadMore, prefetch }
}

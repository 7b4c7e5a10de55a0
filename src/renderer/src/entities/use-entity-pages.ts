import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { EntityFacet, EntityMatch, EntityPage, FacetValue } from '../../../shared/entity-query'
import type { EntitySummary } from '../../../shared/domain'
import type { BriefingApi } from '../../../shared/contract'
import { useApi } from '../api/use-api'
import { entityPageInput, type EntityQueryState } from './entity-page-input'

export type { EntityQueryState }

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

function requestPage(api: BriefingApi, query: EntityQueryState, offset: number): Promise<EntityPage> {
  return api.queryEntities(entityPageInput(query, offset))
}

/**
 * Rows of the Entities table, fetched from the store a page at a time: the first page whenever the
 * query changes, further pages as the user scrolls. Answers to an outdated query are dropped.
 */
export function useEntityPages(query: EntityQueryState) {
  const api = useApi()
  const key = JSON.stringify(query)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const loadingMore = useRef(false)

  const fetchPage = useCallback(
    (offset: number): Promise<EntityPage> => requestPage(api, query, offset),
    // The key captures the whole query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  )
  // A first page asked for ahead of the render that shows it (see `prefetch`), by query key.
  const early = useRef(new Map<string, Promise<EntityPage>>())
  /**
   * Sends a query's first-page request now, from the input event, rather than after React has rendered
   * the new query: the render and the request then overlap. Only the latest such request is kept.
   */
  const prefetch = useCallback(
    (next: EntityQueryState) => {
      const nextKey = JSON.stringify(next)
      if (early.current.has(nextKey)) return
      const request = requestPage(api, next, 0)
      // A request overtaken by the next keystroke is simply dropped, its failure too.
      request.catch(() => undefined)
      early.current = new Map([[nextKey, request]])
    },
    [api],
  )

  // A layout effect: the request leaves as soon as the new query is committed, not a frame later.
  useLayoutEffect(() => {
    let current = true
    const ahead = early.current.get(key)
    early.current.delete(key)
    ;(ahead ?? fetchPage(0)).then(
      (page) =>
        current &&
        setLoaded({
          key,
          rows: page.rows,
          total: page.total,
          grandTotal: page.grandTotal,
          facets: page.facets,
          matches: page.matches ?? {},
          error: null,
        }),
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

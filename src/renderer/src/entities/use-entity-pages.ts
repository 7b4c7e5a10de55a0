import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { EntityFacet, EntityMatch, EntityPage, FacetValue } from '../../../shared/entity-query'
import type { EntitySummary } from '../../../shared/domain'
import { useApi } from '../api/use-api'
import { queryCacheOf } from '../api/query-cache'
import { useRead, type ReadOutcome } from '../api/use-read'
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

/** Pages after the first, for the query they were loaded for. */
interface MorePages {
  key: string
  /** The first page's read they follow (see useRead): the last rows shown keep them too. */
  firstKey: string
  rows: EntitySummary[]
  matches: Record<string, EntityMatch>
}

/**
 * Rows of the Entities table, fetched from the store a page at a time: the first page whenever the
 * query changes (through the query cache: one asked for ahead, or by the early script, is shown by the
 * render that needs it), further pages as the user scrolls. Answers to an outdated query are dropped;
 * meanwhile the last rows shown stay (`stale`).
 */
export function useEntityPages(query: EntityViewQuery) {
  const cache = queryCacheOf(useApi())
  const key = JSON.stringify(query)
  const first = useRead('queryEntities', entityPageInput(query, 0))
  const [more, setMore] = useState<MorePages | null>(null)
  const loadingMore = useRef(false)

  /**
   * Sends a query's first-page request now, from the input event, rather than after React has rendered
   * the new query; the render that makes it current is then drawn once, with its rows (see useRead).
   * A caller that makes the query current when the returned promise settles (the search box) so avoids
   * drawing it once without them and again when they come (on two cores, that first drawing held up the
   * answer's arrival).
   */
  const prefetch = useCallback(
    (next: EntityViewQuery): Promise<EntityPage> => cache.prefetch('queryEntities', entityPageInput(next, 0)),
    [cache],
  )

  const current = first.current
  const extra = more?.key === key ? more : null
  const page = useMemo(() => (current ? loadedFrom(key, current, extra) : null), [key, current, extra])
  const previous = first.previous
  const stale = useMemo(
    () =>
      previous === current
        ? page
        : previous
          ? loadedFrom(previous.key, previous, more?.firstKey === previous.key ? more : null)
          : null,
    [previous, current, page, more],
  )

  /**
   * Loads the next page of the current query. One function for the hook's whole life (it reads the
   * latest state through a ref), so the table, which takes it as a prop, is not redrawn for a new one
   * on every keystroke.
   */
  const firstKey = current?.key ?? ''
  const latest = useRef({ cache, query, key, firstKey, page })
  useLayoutEffect(() => {
    latest.current = { cache, query, key, firstKey, page }
  })
  const loadMore = useCallback(() => {
    const { cache, query, key, firstKey, page } = latest.current
    if (!page || page.error || loadingMore.current || page.rows.length >= page.total) return
    loadingMore.current = true
    cache
      .read('queryEntities', entityPageInput(query, page.rows.length))
      .then((next) =>
        setMore((kept) => {
          // Dropped when the query has changed since it was asked for.
          if (latest.current.key !== key) return kept
          const before = kept?.key === key ? kept : { rows: [], matches: {} }
          return {
            key,
            firstKey,
            rows: [...before.rows, ...next.rows],
            matches: { ...before.matches, ...(next.matches ?? {}) },
          }
        }),
      )
      .finally(() => {
        loadingMore.current = false
      })
  }, [])

  return { page, stale, loadMore, prefetch }
}

function loadedFrom(key: string, outcome: ReadOutcome<'queryEntities'>, more: MorePages | null): Loaded {
  if (outcome.error !== null)
    return { key, rows: [], total: 0, grandTotal: 0, facets: null, matches: {}, error: outcome.error }
  const page = loadedPage(key, outcome.value)
  return more
    ? { ...page, rows: [...page.rows, ...more.rows], matches: { ...page.matches, ...more.matches } }
    : page
}

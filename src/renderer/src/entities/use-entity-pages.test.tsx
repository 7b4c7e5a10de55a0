// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { BriefingApi, EntityViewQuery } from '../../../shared/contract'
import type { EntityPage } from '../../../shared/entity-query'
import { ApiContext } from '../api/use-api'
import { PLAIN_ENTITY_QUERY } from './entity-page-input'
import { useEntityPages } from './use-entity-pages'

/** A host whose answers the test gives, one request at a time, in any order. */
function controlledHost() {
  const waiting: { search: string; offset: number; answer(page: EntityPage): void }[] = []
  const api = {
    queryEntities: (input: { search?: string; offset?: number }) =>
      new Promise<EntityPage>((resolve) =>
        waiting.push({ search: input.search ?? '', offset: input.offset ?? 0, answer: resolve }),
      ),
  } as unknown as BriefingApi
  const page = (search: string, ids: string[], total = ids.length): EntityPage => ({
    rows: ids.map((id) => ({ id, primaryName: `${search} ${id}` }) as EntityPage['rows'][number]),
    total,
    grandTotal: 100,
    facets: null,
    matches: null,
  })
  /** Answers the oldest request still waiting for this search and offset. */
  const answer = async (search: string, ids: string[], { offset = 0, total = ids.length } = {}) => {
    const at = waiting.findIndex((request) => request.search === search && request.offset === offset)
    if (at < 0) throw new Error(`no request for "${search}" at ${offset}`)
    const [request] = waiting.splice(at, 1)
    await act(async () => request.answer(page(search, ids, total)))
  }
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
  )
  return { waiting, answer, wrapper }
}

const query = (search: string): EntityViewQuery => ({ ...PLAIN_ENTITY_QUERY, search })
const ids = (page: EntityPage | null | undefined) => page?.rows.map((row) => row.id) ?? null

describe('useEntityPages', () => {
  it('never shows the answer to a query the table has moved on from', async () => {
    const host = controlledHost()
    const { result, rerender } = renderHook(({ q }) => useEntityPages(q), {
      initialProps: { q: query('hik') },
      wrapper: host.wrapper,
    })
    rerender({ q: query('hikv') })
    // The newer query's answer comes first, the older one's after it.
    await host.answer('hikv', ['hikvision'])
    await host.answer('hik', ['hikvision', 'hikari'])
    expect(ids(result.current.page)).toEqual(['hikvision'])
    expect(result.current.page?.key).toBe(JSON.stringify(query('hikv')))
  })

  it('keeps the last rows as stale while a new query loads, and no page of its own', async () => {
    const host = controlledHost()
    const { result, rerender } = renderHook(({ q }) => useEntityPages(q), {
      initialProps: { q: query('da') },
      wrapper: host.wrapper,
    })
    await host.answer('da', ['dahua'])
    rerender({ q: query('dah') })
    expect(result.current.page).toBeNull()
    expect(ids(result.current.stale)).toEqual(['dahua'])
  })

  it('takes a first page asked for ahead without asking again, and drops one overtaken by a Clear', async () => {
    const host = controlledHost()
    const { result, rerender } = renderHook(({ q }) => useEntityPages(q), {
      initialProps: { q: query('') },
      wrapper: host.wrapper,
    })
    await host.answer('', ['a', 'b'])
    // A keystroke asks for its rows before the table takes the new search.
    let ahead: Promise<EntityPage> | undefined
    act(() => {
      ahead = result.current.prefetch(query('sense'))
    })
    await host.answer('sense', ['sensetime'])
    await act(async () => {
      await ahead
    })
    rerender({ q: query('sense') })
    expect(host.waiting).toEqual([])
    expect(ids(result.current.page)).toEqual(['sensetime'])

    // Another keystroke's request is on its way when the search is cleared: its answer must not show.
    act(() => void result.current.prefetch(query('senset')))
    rerender({ q: query('') })
    await host.answer('senset', ['overtaken'])
    expect(ids(result.current.stale)).not.toEqual(['overtaken'])
    await host.answer('', ['a', 'b'])
    expect(ids(result.current.page)).toEqual(['a', 'b'])
  })

  it('keeps every page loaded as the stale rows while the next query loads', async () => {
    const host = controlledHost()
    const { result, rerender } = renderHook(({ q }) => useEntityPages(q), {
      initialProps: { q: query('ho') },
      wrapper: host.wrapper,
    })
    await host.answer('ho', ['h1', 'h2'], { total: 3 })
    act(() => result.current.loadMore())
    await host.answer('ho', ['h3'], { offset: 2, total: 3 })
    rerender({ q: query('hol') })
    expect(result.current.page).toBeNull()
    expect(ids(result.current.stale)).toEqual(['h1', 'h2', 'h3'])
  })

  it('loads the next page once however often the end is reached, and drops it for an older query', async () => {
    const host = controlledHost()
    const { result, rerender } = renderHook(({ q }) => useEntityPages(q), {
      initialProps: { q: query('co') },
      wrapper: host.wrapper,
    })
    await host.answer('co', ['c1', 'c2'], { total: 4 })
    act(() => {
      result.current.loadMore()
      result.current.loadMore()
    })
    expect(host.waiting.map((request) => request.offset)).toEqual([2])
    await host.answer('co', ['c3', 'c4'], { offset: 2, total: 4 })
    expect(ids(result.current.page)).toEqual(['c1', 'c2', 'c3', 'c4'])

    // A next page still on its way when the query changes is not added to the new query's rows.
    rerender({ q: query('cou') })
    await host.answer('cou', ['u1', 'u2'], { total: 4 })
    act(() => result.current.loadMore())
    rerender({ q: query('coun') })
    await host.answer('cou', ['u3', 'u4'], { offset: 2, total: 4 })
    await host.answer('coun', ['n1'])
    expect(ids(result.current.page)).toEqual(['n1'])
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BriefingApi } from '../../../shared/contract'
import { callKey, QueryCache } from './query-cache'

/** A host that counts the calls it gets and answers each with its number, or fails it. */
function countingHost() {
  const calls: string[] = []
  const answer = (name: string) => (input: unknown) => {
    calls.push(`${name} ${JSON.stringify(input)}`)
    return (input as { fail?: boolean }).fail
      ? Promise.reject(new Error('refused'))
      : Promise.resolve({ answer: calls.length })
  }
  const api = new Proxy({}, { get: (_, name: string) => answer(name) }) as BriefingApi
  return { api, calls }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('QueryCache', () => {
  it('knows a call by its input’s content, whatever the order of its keys', () => {
    expect(callKey('queryEntities', { search: 'a', offset: 0, filters: { b: 1, a: [2] } })).toBe(
      callKey('queryEntities', { filters: { a: [2], b: 1 }, offset: 0, search: 'a', ignored: undefined }),
    )
    expect(callKey('queryEntities', { search: 'a' })).not.toBe(callKey('queryEntities', { search: 'b' }))
  })

  it('shares a read already on its way, and asks again once it has been answered', async () => {
    const host = countingHost()
    const client = new QueryCache().connect(host.api)
    const [a, b] = await Promise.all([client.stats({}), client.stats({})])
    expect(a).toBe(b)
    expect(host.calls).toHaveLength(1)
    await client.stats({})
    expect(host.calls).toHaveLength(2)
  })

  it('hands a read asked for ahead to the request that needs it, once', async () => {
    const host = countingHost()
    const cache = new QueryCache()
    const client = cache.connect(host.api)
    const ahead = cache.prefetch('queryEntities', { search: 'sense', offset: 0 })
    expect(await ahead).toEqual({ answer: 1 })
    expect(cache.peek('queryEntities', { offset: 0, search: 'sense' })).toEqual({ answer: 1 })
    expect(await client.queryEntities({ offset: 0, search: 'sense' })).toEqual({ answer: 1 })
    expect(host.calls).toHaveLength(1)
    expect(cache.peek('queryEntities', { offset: 0, search: 'sense' })).toBeUndefined()
    expect(await client.queryEntities({ offset: 0, search: 'sense' })).toEqual({ answer: 2 })
  })

  it('gives a seeded early answer to the first request, and take leaves none for a second', async () => {
    const host = countingHost()
    const cache = new QueryCache()
    cache.seed('appInfo', {}, Promise.resolve({ early: true }))
    cache.seed('loadViews', { table: 'entities' }, Promise.resolve({ views: [] }))
    await cache.untakenArrived(1000)
    expect(cache.take('appInfo', {})).toEqual({ early: true })
    expect(cache.take('appInfo', {})).toBeUndefined()
    const client = cache.connect(host.api)
    expect(await client.loadViews({ table: 'entities' })).toEqual({ views: [] })
    expect(host.calls).toEqual([])
  })

  it('forgets what a write may have changed, and only that', async () => {
    const host = countingHost()
    const cache = new QueryCache()
    const client = cache.connect(host.api)
    await cache.prefetch('queryEntities', { search: 'x' })
    await cache.prefetch('loadViews', { table: 'entities' })
    await client.saveView({ table: 'entities' } as never)
    expect(cache.peek('loadViews', { table: 'entities' })).toBeUndefined()
    expect(cache.peek('queryEntities', { search: 'x' })).toEqual({ answer: 1 })
    await client.undoLastImport({ importId: 1 } as never)
    expect(cache.peek('queryEntities', { search: 'x' })).toBeUndefined()
  })

  it('drops an answer left untaken for ten seconds', async () => {
    vi.useFakeTimers()
    const host = countingHost()
    const cache = new QueryCache()
    const client = cache.connect(host.api)
    await cache.prefetch('stats', {})
    vi.advanceTimersByTime(10_001)
    expect(cache.peek('stats', {})).toBeUndefined()
    expect(await client.stats({})).toEqual({ answer: 2 })
  })

  it('hands a failed read to its request, and a failure nobody asks for goes unnoticed', async () => {
    const host = countingHost()
    const cache = new QueryCache()
    const client = cache.connect(host.api)
    void cache.prefetch('stats', { fail: true }).catch(() => undefined)
    await expect(client.stats({ fail: true } as never)).rejects.toThrow('refused')
    cache.seed('appInfo', {}, Promise.reject(new Error('never asked for')))
    await cache.untakenArrived(1000)
    expect(cache.peek('appInfo', {})).toBeUndefined()
  })
})

import { describe, expect, it, vi } from 'vitest'
import { API_CALL_NAMES, ipcChannel } from './api-names'
import { ApiInputError, contract, LIMITS, parseApiInput } from './contract'
import { createApiHandlers, dispatchApiCall } from '../main/services/api-handlers'
import type { ApiHandlers } from './contract'
import type { ApiCallName } from './api-names'
import { openDefaultStore } from '../main/test-support/default-store'
import { useTempDir } from '../main/test-support/temp-dir'

const tempDir = useTempDir()

describe('the API contract', () => {
  it('lists exactly the calls the contract defines', () => {
    expect(Object.keys(contract).sort()).toEqual([...API_CALL_NAMES].sort())
  })

  it('routes each read call to the service that answers it, on a real store', async () => {
    const store = openDefaultStore(tempDir())
    try {
      const handlers = createApiHandlers(store)
      const call = (name: ApiCallName, input: unknown = {}) => dispatchApiCall(handlers, name, input)
      expect(await call('stats')).toMatchObject({ entities: 38, rounds: 3, reactions: 30 })
      expect(await call('appInfo')).toMatchObject({ readOnly: null })
      expect(await call('listEntities')).toHaveLength(38)
      expect(await call('getEntity', { id: 'hikvision' })).toMatchObject({ id: 'hikvision' })
      expect(await call('getRound', { id: 'el-2019-10-84fr54002' })).toMatchObject({ declaredCount: 28 })
      expect(await call('listRounds')).toHaveLength(3)
      expect(await call('listReactions')).toHaveLength(30)
      expect(((await call('search', { query: 'Hikvision' })) as { id: string }[])[0].id).toBe('hikvision')
      const page = (await call('queryEntities', { filters: { round: ['el-2020-06-85fr34503'] } })) as {
        total: number
      }
      expect(page.total).toBe(9)
      for (const name of ['importHistory', 'listTrustedKeys', 'listJudgements', 'listBriefings'] as const)
        expect(await call(name)).toEqual([])
      expect(await call('loadViews', { table: 'entities' })).toMatchObject({ saved: [] })
    } finally {
      store.close()
    }
  })

  it.each([
    ['getEntity', {}, 'id'],
    ['getEntity', { id: 42 }, 'id'],
    ['getEntity', { id: 'x'.repeat(LIMITS.idLength + 1) }, 'id'],
    ['search', { query: 'a', limit: 0 }, 'limit'],
    ['search', { query: 'q'.repeat(LIMITS.queryLength + 1) }, 'query'],
    ['stats', { unexpected: true }, 'unexpected'],
  ] as const)('rejects %s(%j) naming %s', (name, input, field) => {
    expect(() => parseApiInput(name, input)).toThrowError(ApiInputError)
    expect(() => parseApiInput(name, input)).toThrowError(new RegExp(field))
  })

  it('rejects invalid input before any service runs', async () => {
    const spy = vi.fn()
    const handlers = Object.fromEntries(API_CALL_NAMES.map((name) => [name, spy])) as unknown as ApiHandlers
    await expect(dispatchApiCall(handlers, 'search', { query: 5 })).rejects.toBeInstanceOf(ApiInputError)
    expect(spy).not.toHaveBeenCalled()
    await dispatchApiCall(handlers, 'search', { query: 'ok' })
    expect(spy).toHaveBeenCalledWith({ query: 'ok' })
  })

  it('spells one channel per call', () => {
    const channels = API_CALL_NAMES.map(ipcChannel)
    expect(new Set(channels).size).toBe(API_CALL_NAMES.length)
  })
})

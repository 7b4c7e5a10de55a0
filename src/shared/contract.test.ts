import { describe, expect, it, vi } from 'vitest'
import { API_CALL_NAMES, ipcChannel } from './api-names'
import { ApiInputError, contract, LIMITS, parseApiInput } from './contract'
import { createApiHandlers, dispatchApiCall } from '../main/services/api-handlers'
import type { ApiHandlers } from './contract'

describe('the API contract', () => {
  it('lists exactly the calls the contract defines', () => {
    expect(Object.keys(contract).sort()).toEqual([...API_CALL_NAMES].sort())
  })

  it('has a service handler for every entry', () => {
    const fakeStore = {
      db: {} as never,
      path: '/x',
      readOnly: null,
      close: () => {},
      integrity: Promise.resolve(),
      checkIntegrity: () => {},
      checkpointInBackground: () => Promise.resolve(),
    }
    const handlers = createApiHandlers(fakeStore)
    expect(Object.keys(handlers).sort()).toEqual([...API_CALL_NAMES].sort())
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

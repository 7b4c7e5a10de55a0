import { describe, expect, it, vi } from 'vitest'
import { API_CALL_NAMES, ipcChannel } from '../shared/api-names'

const exposed = new Map<string, unknown>()
const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  // eslint-disable-next-line no-restricted-syntax -- the mocked electron module must name it
  ipcRenderer: { invoke },
}))

describe('preload', () => {
  it('exposes one member per contract call under window.briefing, and nothing else', async () => {
    await import('./index')
    expect([...exposed.keys()]).toEqual(['briefing'])
    const api = exposed.get('briefing') as Record<string, (input: unknown) => Promise<unknown>>
    expect(Object.keys(api).sort()).toEqual([...API_CALL_NAMES].sort())
    expect(Object.isFrozen(api)).toBe(true)
    for (const name of API_CALL_NAMES) {
      await expect(api[name]({ probe: name })).resolves.toEqual({
        channel: ipcChannel(name),
        input: { probe: name },
      })
    }
  })
})

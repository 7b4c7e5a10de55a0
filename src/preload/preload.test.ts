import { describe, expect, it, vi } from 'vitest'
import { API_CALL_NAMES, ipcChannel } from '../shared/api-names'
import { APP_COMMAND_CHANNEL, type AppEvents } from '../shared/app-commands'

const exposed = new Map<string, unknown>()
const invoke = vi.fn(async (channel: string, input: unknown) => ({ channel, input }))
const listeners = new Map<string, (event: unknown, payload: unknown) => void>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  // eslint-disable-next-line no-restricted-syntax -- the mocked electron module must name it
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}))

describe('preload', () => {
  it('exposes one member per contract call under window.briefing, and nothing else', async () => {
    await import('./index')
    expect([...exposed.keys()]).toEqual(['briefing', 'briefingEvents'])
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

  it('passes on only well-formed shell commands, and can unsubscribe', async () => {
    await import('./index')
    const events = exposed.get('briefingEvents') as AppEvents
    expect(Object.keys(events)).toEqual(['onCommand'])
    const received: unknown[] = []
    const unsubscribe = events.onCommand((command) => received.push(command))
    const send = listeners.get(APP_COMMAND_CHANNEL)!
    send({}, { type: 'show-view', view: 'Rounds' })
    send({}, { type: 'show-view', view: 'Secrets' })
    send({}, { type: 'run', command: 'rm -rf /' })
    send({}, 'show-view')
    expect(received).toEqual([{ type: 'show-view', view: 'Rounds' }])
    unsubscribe()
    expect(listeners.has(APP_COMMAND_CHANNEL)).toBe(false)
  })
})

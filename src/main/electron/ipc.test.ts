import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { API_CALL_NAMES, ipcChannel } from '../../shared/api-names'
import type { ApiHandlers } from '../../shared/contract'
import { isAppFrame, registerIpcHandlers } from './ipc'

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      handlers.set(channel, listener)
    },
  }
}

const fromApp = { senderFrame: { url: 'app://bundle/index.html' } } as unknown as IpcMainInvokeEvent
const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent

function handlersWith(stats = vi.fn(() => ({ entities: 1 }))): ApiHandlers {
  return Object.fromEntries(
    API_CALL_NAMES.map((name) => [name, name === 'stats' ? stats : vi.fn()]),
  ) as unknown as ApiHandlers
}

describe('IPC registration', () => {
  it('registers one handler per contract entry and no other channel', () => {
    const ipc = fakeIpcMain()
    registerIpcHandlers(ipc as never, handlersWith())
    expect([...ipc.handlers.keys()].sort()).toEqual(API_CALL_NAMES.map(ipcChannel).sort())
  })

  it('refuses a call from a frame that is not the app', async () => {
    const ipc = fakeIpcMain()
    const stats = vi.fn()
    registerIpcHandlers(ipc as never, handlersWith(stats))
    await expect(ipc.handlers.get(ipcChannel('stats'))!(fromElsewhere, {})).rejects.toThrow(
      /did not come from the app/,
    )
    expect(stats).not.toHaveBeenCalled()
  })

  it('validates input and rejects a wrong type or a huge string with a short reason', async () => {
    const ipc = fakeIpcMain()
    registerIpcHandlers(ipc as never, handlersWith())
    const search = ipc.handlers.get(ipcChannel('search'))!
    await expect(search(fromApp, { query: 12 })).rejects.toThrow(/query/)
    const huge = search(fromApp, { query: 'x'.repeat(100 * 1024 * 1024) })
    await expect(huge).rejects.toThrow(/query/)
    await huge.catch((error: Error) => expect(error.message.length).toBeLessThanOrEqual(500))
  })

  it('runs the service for a valid call from the app', async () => {
    const ipc = fakeIpcMain()
    registerIpcHandlers(ipc as never, handlersWith())
    await expect(ipc.handlers.get(ipcChannel('stats'))!(fromApp, {})).resolves.toEqual({ entities: 1 })
  })

  it('recognises only app://bundle frames as the app', () => {
    expect(isAppFrame(fromApp)).toBe(true)
    expect(isAppFrame(fromElsewhere)).toBe(false)
    expect(isAppFrame({ senderFrame: { url: 'file:///etc/passwd' } } as never)).toBe(false)
    expect(isAppFrame({ senderFrame: null } as never)).toBe(false)
  })
})

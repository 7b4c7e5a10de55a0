import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { API_CALL_NAMES, ipcChannel } from '../../shared/api-names'
import { ApiInputError, type ApiHandlers } from '../../shared/contract'
import { dispatchApiCall } from '../services/api-handlers'
import { isAppUrl } from './security-policy'

/** Decides whether an IPC message comes from one of the app's own frames. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

/** Accepts only frames loaded from the app's own app:// origin. */
export function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isAppUrl(url)
}

/**
 * One handler per contract entry, and nothing else: a channel not in the contract has no handler, so
 * an unknown call is rejected by Electron itself. Each handler checks the sender, then validates.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  isTrusted: SenderCheck = isAppFrame,
) {
  for (const name of API_CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown) => {
      if (!isTrusted(event))
        throw new Error(`Refused "${name}": the request did not come from the app's own window.`)
      try {
        return await dispatchApiCall(handlers, name, input)
      } catch (error) {
        // Electron only carries the message across; keep it short and free of stack traces.
        if (error instanceof ApiInputError) throw new Error(error.message.slice(0, 500))
        throw new Error(((error as Error).message ?? String(error)).slice(0, 500))
      }
    })
  }
}

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannel } from '../shared/api-names'
import { APP_COMMAND_CHANNEL, isAppCommand, type AppCommand, type AppEvents } from '../shared/app-commands'
import { buildApiClient } from '../shared/build-api'
import type { BriefingApi } from '../shared/contract'

// Exposes only the contract's calls and the one command feed: no generic invoke, no ipcRenderer, no process.
const api = buildApiClient<BriefingApi>((name, input) =>
  ipcRenderer.invoke(ipcChannel(name), input),
) satisfies BriefingApi

const events: AppEvents = {
  onCommand(listener: (command: AppCommand) => void) {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isAppCommand(command)) listener(command)
    }
    ipcRenderer.on(APP_COMMAND_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(APP_COMMAND_CHANNEL, handler)
    }
  },
}

contextBridge.exposeInMainWorld('briefing', api)
contextBridge.exposeInMainWorld('briefingEvents', Object.freeze(events))

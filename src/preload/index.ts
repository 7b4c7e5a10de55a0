import { contextBridge, ipcRenderer } from 'electron'
import { ipcChannel } from '../shared/api-names'
import { buildApiClient } from '../shared/build-api'
import type { BriefingApi } from '../shared/contract'

// Exposes only the contract's calls: no generic invoke, no ipcRenderer, no process.
const api = buildApiClient<BriefingApi>((name, input) =>
  ipcRenderer.invoke(ipcChannel(name), input),
) satisfies BriefingApi

contextBridge.exposeInMainWorld('briefing', api)

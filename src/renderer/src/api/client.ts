import type { BriefingApi } from '../../../shared/contract'
import { createHttpClient } from './http-client'
import { queryCache } from './query-cache'
import { takeTokenFromLocation } from './token'

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload. */
    briefing?: BriefingApi
  }
}

/**
 * The desktop bridge when running in Electron, else the loopback host in browser mode; either way its
 * reads go through the query cache.
 */
export function createClient(): BriefingApi | null {
  const token = window.briefing ? null : takeTokenFromLocation()
  const transport = window.briefing ?? (token ? createHttpClient(token) : null)
  return transport && queryCache.connect(transport)
}

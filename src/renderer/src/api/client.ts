import type { BriefingApi } from '../../../shared/contract'
import { createHttpClient } from './http-client'
import { takeTokenFromLocation } from './token'

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload. */
    briefing?: BriefingApi
  }
}

/** The desktop bridge when running in Electron, else the loopback host in browser mode. */
export function createClient(): BriefingApi | null {
  if (window.briefing) return window.briefing
  const token = takeTokenFromLocation()
  return token ? createHttpClient(token) : null
}

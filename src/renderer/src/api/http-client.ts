import type { ApiCallName } from '../../../shared/api-names'
import { buildApiClient } from '../../../shared/build-api'
import type { BriefingApi } from '../../../shared/contract'

const TOKEN_KEY = 'sanctions-briefing-token'

/**
 * Browser mode: the token arrives in the URL fragment (never sent to a server, never in a Referer).
 * It is moved to sessionStorage and removed from the address bar, so a reload still works and a
 * screenshot or shared screen does not show it.
 */
export function takeTokenFromLocation(): string | null {
  const match = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return match[1]
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/** The same client interface as the desktop preload, over fetch to the loopback host. */
export function createHttpClient(token: string): BriefingApi {
  return buildApiClient<BriefingApi>(async (name: ApiCallName, input: unknown) => {
    const response = await fetch(`/rpc/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    })
    const body = (await response.json()) as { result?: unknown; error?: { message: string } }
    if (!response.ok || body.error) throw new Error(body.error?.message ?? `HTTP ${response.status}`)
    return body.result
  })
}

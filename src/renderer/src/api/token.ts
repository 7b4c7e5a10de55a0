/** Browser mode's access token to the loopback host. */
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

import { readFontFile } from './briefing-fonts'

/**
 * The made-up origin a briefing is printed from. Neither printer touches the network: each answers
 * requests to this origin itself (Playwright routes, an Electron protocol handler) and refuses the rest.
 * ".invalid" is reserved (RFC 2606), so the name can never reach a real server.
 */
export const PRINT_ORIGIN = 'http://briefing.invalid'
export const PRINT_URL = `${PRINT_ORIGIN}/briefing.html`

export interface PrintResponse {
  status: number
  contentType: string
  body: Buffer
}

/** Answers one request of the page being printed: the briefing itself, or one of our fonts. */
export function answerPrintRequest(url: string, html: string): PrintResponse {
  const parsed = new URL(url)
  if (parsed.origin !== PRINT_ORIGIN) {
    return { status: 403, contentType: 'text/plain', body: Buffer.from('not part of the briefing') }
  }
  if (parsed.pathname === '/briefing.html') {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: Buffer.from(html, 'utf8') }
  }
  const font = readFontFile(parsed.pathname)
  if (font) return { status: 200, contentType: 'font/woff2', body: font }
  return { status: 404, contentType: 'text/plain', body: Buffer.from('not found') }
}

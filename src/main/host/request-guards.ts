import crypto from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

/** Host names the loopback host answers to; anything else is a DNS-rebinding attempt or a mistake. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost']

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false
  return LOOPBACK_NAMES.some((name) => hostHeader.toLowerCase() === `${name}:${port}`)
}

/** A missing Origin is a same-origin navigation or a non-browser client; a present one must be ours. */
export function isAllowedOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true
  return LOOPBACK_NAMES.some((name) => originHeader.toLowerCase() === `http://${name}:${port}`)
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** Constant-time check of "Authorization: Bearer <token>". */
export function hasValidToken(headers: IncomingHttpHeaders, token: string): boolean {
  const header = headers.authorization
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false
  const given = Buffer.from(header.slice('Bearer '.length))
  const expected = Buffer.from(token)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

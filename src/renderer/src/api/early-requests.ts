import type { ApiCallName } from '../../../shared/api-names'
import { takeTokenFromLocation } from './token'

/** A call to the loopback host, sent as the HTTP client sends it. */
export function postCall(token: string, name: ApiCallName, body: string): Promise<Response> {
  return fetch(`/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body,
  })
}

/** Calls sent before the app was ready to make them, by call and body; each answers one request. */
const early = new Map<string, Promise<Response>>()

/**
 * Browser mode: sends a call now, while the rest of the app is still being evaluated and rendered, so
 * the host works on it meanwhile; the HTTP client hands its response to the first identical call.
 * In the desktop app (no token in the page) it does nothing.
 */
export function sendEarly(name: ApiCallName, input: unknown): void {
  if (window.briefing) return
  const token = takeTokenFromLocation()
  if (!token) return
  const body = JSON.stringify(input)
  const response = postCall(token, name, body)
  // Unused (the app asked for something else first), its failure must not surface as unhandled.
  response.catch(() => undefined)
  early.set(`${name} ${body}`, response)
}

/** The response to a call sent early with exactly this body, once; undefined otherwise. */
export function takeEarlyResponse(name: ApiCallName, body: string): Promise<Response> | undefined {
  const key = `${name} ${body}`
  const response = early.get(key)
  early.delete(key)
  return response
}

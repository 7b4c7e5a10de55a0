import type { ApiCallName } from '../../../shared/api-names'
import { queryCache } from './query-cache'
import { takeTokenFromLocation } from './token'

/** A call to the loopback host, sent as the HTTP client sends it. */
export function postCall(token: string, name: ApiCallName, body: string): Promise<Response> {
  return fetch(`/rpc/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body,
  })
}

/** The host's answer to a call: its status and its JSON envelope. */
export interface Answer {
  ok: boolean
  status: number
  envelope: { result?: unknown; error?: { message: string } }
}

export async function readAnswer(response: Promise<Response>): Promise<Answer> {
  const settled = await response
  return { ok: settled.ok, status: settled.status, envelope: (await settled.json()) as Answer['envelope'] }
}

/**
 * Browser mode: sends a call now, while the rest of the app is still being evaluated and rendered, so
 * the host works on it meanwhile; the query cache hands its answer to the first identical request.
 * In the desktop app (no token in the page) it does nothing.
 */
export function sendEarly(name: ApiCallName, input: unknown): void {
  if (window.briefing) return
  const token = takeTokenFromLocation()
  if (!token) return
  queryCache.seed(name, input, resultOf(readAnswer(postCall(token, name, JSON.stringify(input)))))
}

/** An answer's result, or its error thrown as the client throws it. */
export async function resultOf(answer: Promise<Answer>): Promise<unknown> {
  const { ok, status, envelope } = await answer
  if (!ok || envelope.error) throw new Error(envelope.error?.message ?? `HTTP ${status}`)
  return envelope.result
}

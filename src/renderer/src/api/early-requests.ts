import type { ApiCallName } from '../../../shared/api-names'
import type { ApiOutput } from '../../../shared/contract'
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

/** Calls sent before the app was ready to make them, by call and body; each answers one request. */
const early = new Map<string, Promise<Answer>>()
/** Their answers, once arrived (see earlyResult). */
const arrived = new Map<string, Answer>()

const keyOf = (name: ApiCallName, body: string) => `${name} ${body}`

/**
 * Browser mode: sends a call now, while the rest of the app is still being evaluated and rendered, so
 * the host works on it meanwhile; the HTTP client hands its answer to the first identical call.
 * In the desktop app (no token in the page) it does nothing.
 */
export function sendEarly(name: ApiCallName, input: unknown): void {
  if (window.briefing) return
  const token = takeTokenFromLocation()
  if (!token) return
  const body = JSON.stringify(input)
  const answer = readAnswer(postCall(token, name, body))
  // Unused (the app asked for something else first), its failure must not surface as unhandled.
  answer.then((settled) => arrived.set(keyOf(name, body), settled)).catch(() => undefined)
  early.set(keyOf(name, body), answer)
}

/** The answer to a call sent early with exactly this body, once; undefined otherwise. */
export function takeEarlyAnswer(name: ApiCallName, body: string): Promise<Answer> | undefined {
  const key = keyOf(name, body)
  const answer = early.get(key)
  early.delete(key)
  arrived.delete(key)
  return answer
}

/**
 * The result of a call sent early with this input, if it has arrived and succeeded and no request has
 * taken it yet: what a view's first render can show at once (see waitForEarlyAnswers). Looking does
 * not take it: the view's own request for the same data then takes it without asking the host again.
 */
export function earlyResult<N extends ApiCallName>(name: N, input: unknown): ApiOutput<N> | undefined {
  const key = keyOf(name, JSON.stringify(input))
  const answer = early.has(key) ? arrived.get(key) : undefined
  return answer?.ok && !answer.envelope.error ? (answer.envelope.result as ApiOutput<N>) : undefined
}

/** As earlyResult, taking it: for a caller that shows it instead of asking (later calls ask the host). */
export function takeEarlyResult<N extends ApiCallName>(name: N, input: unknown): ApiOutput<N> | undefined {
  const result = earlyResult(name, input)
  if (result !== undefined) takeEarlyAnswer(name, JSON.stringify(input))
  return result
}

/**
 * Settles when every call sent early has been answered, or after `atMostMs`: the app's first render
 * waits for them, so that it draws the first view with its rows (one render instead of three: the
 * frame, then the table once its kept state came, then its rows). They usually arrive while the app's
 * script is still being compiled; a slow host only delays the first render by `atMostMs`.
 */
export function waitForEarlyAnswers(atMostMs: number): Promise<void> {
  if (early.size === 0) return Promise.resolve()
  return Promise.race([
    Promise.allSettled([...early.values()]).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, atMostMs)),
  ])
}

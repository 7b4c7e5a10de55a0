import { READ_CALL_NAMES, type ApiCallName } from '../../../shared/api-names'
import { buildApiClient } from '../../../shared/build-api'
import type { ApiOutput, BriefingApi } from '../../../shared/contract'

const READ_CALLS: ReadonlySet<ApiCallName> = new Set(READ_CALL_NAMES)

/**
 * The reads each write may change, where not all of them: answers kept from before it must not answer a
 * request after it. A call named nowhere (a new one) is taken to change everything.
 */
const CHANGED_BY: Partial<Record<ApiCallName, ApiCallName[]>> = {
  stageUpdate: [],
  previewUpdate: [],
  discardUpdate: [],
  renderBriefing: [],
  exportBriefing: [],
  exportEntitiesCsv: [],
  openSourceLink: [],
  addTrustedKey: ['listTrustedKeys'],
  removeTrustedKey: ['listTrustedKeys'],
  revokeJudgement: ['listJudgements'],
  saveBriefing: ['listBriefings'],
  deleteBriefing: ['listBriefings'],
  saveView: ['loadViews'],
  deleteView: ['loadViews'],
  rememberView: ['appInfo'],
}

/** Answers asked for ahead and never taken are dropped past this many (the oldest first). */
const UNTAKEN_KEPT_AT_MOST = 20
/**
 * How long an answer that has arrived waits for its request: the first view's and a keystroke's are
 * taken well within it; one taken later could show records another process has changed since.
 */
const UNTAKEN_KEPT_FOR_MS = 10_000

type Send = (name: ApiCallName, input: unknown) => Promise<unknown>

interface Entry {
  answer: Promise<unknown>
  /** Its value once it has arrived; null when it failed; undefined while it is on its way. */
  arrived: { value: unknown; at: number } | null | undefined
  /** A request has it: it is dropped once it arrives, so the next request asks the host again. */
  taken: boolean
}

/**
 * A call and its input as one key: objects compared by content, whatever the order of their keys (the
 * early script and a view build the same input in their own ways).
 */
export function callKey(name: ApiCallName, input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    )
  }
  return `${name} ${JSON.stringify(canonical(input))}`
}

const sendTo =
  (api: BriefingApi): Send =>
  (name, input) =>
    (api[name] as (input: unknown) => Promise<unknown>)(input)

/**
 * The renderer's one cache of answers to the host's read calls. It owns what makes the first view and
 * each keystroke quick:
 * - early answers: calls the early script sent before the app ran (`seed`); a first render may show
 *   one that has arrived (`peek`), and the first request for it takes it instead of asking again;
 * - de-duplication: a request for a call already on its way shares it;
 * - prefetch: a call sent ahead of the render that needs it (a keystroke's rows) is taken by that render.
 * An answer serves one request: once taken and arrived it is dropped, so is one left untaken for ten
 * seconds, and so is everything a write may have changed: no request is answered with records from
 * before a write, or from long before it was made.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>()
  private send: Send | null

  constructor(api?: BriefingApi) {
    this.send = api ? sendTo(api) : null
  }

  /** The client the app uses: reads through this cache, every other call straight to `api`. */
  connect(api: BriefingApi): BriefingApi {
    const send = sendTo(api)
    this.send = send
    const client = buildApiClient<BriefingApi>((name, input) =>
      READ_CALLS.has(name) ? this.read(name, input) : this.written(name, send(name, input)),
    )
    cacheOfClient.set(client, this)
    return client
  }

  /** The answer to a read: one on its way or kept for it, else asked for now. */
  read<N extends ApiCallName>(name: N, input: unknown): Promise<ApiOutput<N>> {
    const key = callKey(name, input)
    const entry = this.kept(key) ?? this.ask(key, name, input)
    entry.taken = true
    if (entry.arrived !== undefined) this.entries.delete(key)
    return entry.answer as Promise<ApiOutput<N>>
  }

  /** Asks now for a read a coming render will make; that render's request then takes the answer. */
  prefetch<N extends ApiCallName>(name: N, input: unknown): Promise<ApiOutput<N>> {
    const key = callKey(name, input)
    return (this.kept(key) ?? this.ask(key, name, input)).answer as Promise<ApiOutput<N>>
  }

  /** Keeps an answer sent before there was a client (the early script), for the first request for it. */
  seed(name: ApiCallName, input: unknown, answer: Promise<unknown>): void {
    this.keep(callKey(name, input), answer)
  }

  /** An answer kept and arrived, not taken: what a first render can show at once. */
  peek<N extends ApiCallName>(name: N, input: unknown): ApiOutput<N> | undefined {
    const entry = this.kept(callKey(name, input))
    return entry && !entry.taken && entry.arrived ? (entry.arrived.value as ApiOutput<N>) : undefined
  }

  /** As peek, taking it: for a caller that shows it instead of asking (its next request asks the host). */
  take<N extends ApiCallName>(name: N, input: unknown): ApiOutput<N> | undefined {
    const value = this.peek(name, input)
    if (value !== undefined) this.entries.delete(callKey(name, input))
    return value
  }

  /** Settles when every answer kept untaken has arrived, or after `atMostMs`. */
  untakenArrived(atMostMs: number): Promise<void> {
    const waiting = [...this.entries.values()].filter((entry) => !entry.taken && entry.arrived === undefined)
    if (waiting.length === 0) return Promise.resolve()
    return Promise.race([
      Promise.allSettled(waiting.map((entry) => entry.answer)).then(() => undefined),
      new Promise<void>((resolve) => setTimeout(resolve, atMostMs)),
    ])
  }

  /** The entry for `key`, unless it waited too long for its request (then it is dropped). */
  private kept(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry?.arrived && !entry.taken && Date.now() - entry.arrived.at > UNTAKEN_KEPT_FOR_MS) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  private ask(key: string, name: ApiCallName, input: unknown): Entry {
    if (!this.send) throw new Error('The app is not connected to its data.')
    return this.keep(key, this.send(name, input))
  }

  private keep(key: string, answer: Promise<unknown>): Entry {
    const entry: Entry = { answer, arrived: undefined, taken: false }
    this.entries.set(key, entry)
    const arrive = (arrived: Entry['arrived']) => {
      entry.arrived = arrived
      if (entry.taken && this.entries.get(key) === entry) this.entries.delete(key)
    }
    // An answer nobody takes (the app asked for something else first) must not fail unhandled.
    answer.then(
      (value) => arrive({ value, at: Date.now() }),
      () => arrive(null),
    )
    this.dropOldUntaken()
    return entry
  }

  private dropOldUntaken(): void {
    const untaken = [...this.entries].filter(([, entry]) => !entry.taken)
    for (const [key] of untaken.slice(0, Math.max(0, untaken.length - UNTAKEN_KEPT_AT_MOST)))
      this.entries.delete(key)
  }

  /** After a write, nothing kept that it may have changed answers a later request. */
  private written<T>(name: ApiCallName, answer: Promise<T>): Promise<T> {
    const changed = CHANGED_BY[name]
    const forget = () => {
      for (const key of [...this.entries.keys()])
        if (!changed || changed.some((read) => key.startsWith(`${read} `))) this.entries.delete(key)
    }
    answer.then(forget, forget)
    return answer
  }
}

const cacheOfClient = new WeakMap<BriefingApi, QueryCache>()

/** The renderer's cache: the early script seeds it, main.tsx connects it to the client. */
export const queryCache = new QueryCache()

/** The cache `api`'s reads go through; a client made without one (a test's) is given its own. */
export function queryCacheOf(api: BriefingApi): QueryCache {
  let cache = cacheOfClient.get(api)
  if (!cache) {
    cache = new QueryCache(api)
    cacheOfClient.set(api, cache)
  }
  return cache
}

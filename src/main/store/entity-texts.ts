import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { builtWorkerScript } from '../built-worker'
import {
  decodeDerivedNames,
  entityIndexTexts,
  type DerivedNames,
  type EntityNames,
  type IndexTexts,
} from './index-texts'

/** Below this many entities in one write, their texts are computed in this thread (a worker's start costs). */
const OFF_THREAD_FROM = 2_000
/** Entities per message to and from the worker: at 1,000 the messages waiting raised the peak by 45 MB. */
const BATCH = 250
/** How long to wait for one batch of texts before computing the rest here (a worker that died). */
const STALLED_MS = 10_000

/**
 * The index texts of the entities a bulk write adds. Most of an entity's indexing time is deriving the
 * pinyin of its Chinese names (pinyin-pro is slow), and none of it needs the database: past OFF_THREAD_FROM entities, a worker thread (out/main/entity-texts-worker.js) derives
 * them on the other core while this thread writes the records, and the deferred index writes take them
 * in order. The answers wait as one short string per batch (whole texts as objects held much more
 * memory). Without the build (the tests), or should the worker fail, they are derived here.
 */
export class EntityTexts {
  private requests = 0
  private stopped = false
  /** Null until many entities came (or were announced), and for good without the build. */
  private offThread: OffThreadTexts | null = null

  /** With many entities announced, the worker starts at once and this thread never loads pinyin-pro. */
  constructor(private readonly expected = 0) {
    if (expected >= OFF_THREAD_FROM) this.startOffThread()
  }

  /** Asks for an entity's texts; the function returned gives them (waiting for the worker if needed). */
  request(names: EntityNames): () => IndexTexts {
    if (++this.requests === OFF_THREAD_FROM) this.startOffThread()
    const offThread = this.offThread
    if (!offThread) return () => entityIndexTexts(names)
    const ticket = offThread.request(names)
    return () => entityIndexTexts(names, offThread.take(ticket) ?? undefined)
  }

  /**
   * Stops the worker once the texts of every announced entity are taken: its heap holds tens of
   * megabytes of garbage between collections, which an idle worker never collects, while the rest of
   * the import goes on. Any entity after that is derived in this thread.
   */
  stopWhenAllTaken(): void {
    if (!this.offThread || this.expected === 0 || this.requests < this.expected) return
    if (!this.offThread.allTaken()) return
    this.offThread.close()
    this.offThread = null
    this.stopped = true
  }

  private startOffThread(): void {
    // Once only: counting on past the threshold never starts a second worker.
    this.requests = Math.max(this.requests, OFF_THREAD_FROM)
    if (!this.stopped) this.offThread ??= OffThreadTexts.start()
  }

  close(): void {
    this.offThread?.close()
  }
}

/** Shared with the worker: [batches answered, 1 once it failed]. */
const ANSWERED = 0
const FAILED = 1

class OffThreadTexts {
  private outgoing: EntityNames[] = []
  private sent = 0
  private readonly answers = new Map<number, DerivedNames>()
  private answered = 0
  private broken = false

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
  ) {}

  static start(): OffThreadTexts | null {
    const script = builtWorkerScript('entity-texts-worker.js', import.meta.url)
    if (!script) return null
    const { port1, port2 } = new MessageChannel()
    const signal = new Int32Array(new SharedArrayBuffer(8))
    const worker = new Worker(script, {
      workerData: { port: port2, signal },
      transferList: [port2],
      // A small young generation: its garbage (pinyin-pro makes much) is collected sooner, lowering the peak.
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    })
    worker.unref()
    // Errors reach this thread only between its tasks; take() notices a failure by FAILED or silence.
    worker.on('error', () => undefined)
    return new OffThreadTexts(worker, port1, signal)
  }

  /** Every answer asked for has come and been taken. */
  allTaken(): boolean {
    return this.outgoing.length === 0 && this.answers.size === 0 && this.answered === this.sent
  }

  request(names: EntityNames): number {
    this.outgoing.push(names)
    if (this.outgoing.length === BATCH) this.send()
    return this.sent + this.outgoing.length - 1
  }

  /** What the worker derived for `ticket`, or null when it cannot say (the caller derives it). */
  take(ticket: number): DerivedNames | null {
    if (ticket >= this.sent) this.send()
    while (!this.answers.has(ticket) && !this.broken) this.receive()
    const derived = this.answers.get(ticket) ?? null
    this.answers.delete(ticket)
    return derived
  }

  close(): void {
    this.port.close()
    void this.worker.terminate()
  }

  private send(): void {
    if (this.outgoing.length === 0) return
    this.port.postMessage(this.outgoing)
    this.sent += this.outgoing.length
    this.outgoing = []
  }

  /** Waits (blocking: this thread is inside a transaction) for the worker's next batch of texts. */
  private receive(): void {
    const seen = Atomics.load(this.signal, ANSWERED)
    const message = receiveMessageOnPort(this.port)
    if (message) {
      for (const derived of decodeDerivedNames(message.message as string))
        this.answers.set(this.answered++, derived)
      return
    }
    if (Atomics.load(this.signal, FAILED) === 1) this.broken = true
    else if (Atomics.wait(this.signal, ANSWERED, seen, STALLED_MS) === 'timed-out') this.broken = true
  }
}

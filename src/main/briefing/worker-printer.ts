import { once } from 'node:events'
import { Worker } from 'node:worker_threads'
import type { PaperSize } from '../../shared/briefing'
import { builtWorkerScript } from '../built-worker'
import { BriefingError } from './briefing-error'
import { ChromiumPrinter, type ChromiumPrinterOptions } from './chromium-printer'
import type { PdfPrinter } from './pdf-printer'

export interface PrintWorkerData extends ChromiumPrinterOptions {
  env: NodeJS.ProcessEnv
}

export type PrintWorkerRequest =
  { kind: 'print'; id: number; html: string; paper: PaperSize } | { kind: 'close' }

export type PrintWorkerReply =
  | { kind: 'printed'; id: number; pdf: Uint8Array }
  | { kind: 'failed'; id: number; name: string; message: string }

interface PendingPrint {
  resolve(pdf: Buffer): void
  reject(error: Error): void
}

/** The error as the main thread would have thrown it: a BriefingError stays one (the CLI names it). */
function rebuildError(name: string, message: string): Error {
  if (name === 'BriefingError') return new BriefingError(message)
  const error = new Error(message)
  error.name = name
  return error
}

/**
 * A ChromiumPrinter running in a worker thread (print-worker.ts). Importing Playwright and launching
 * Chromium take much CPU; in a worker that runs on the second core while this thread reads the store
 * and renders the HTML (docs/performance.md, "Briefings").
 */
export class WorkerPrinter implements PdfPrinter {
  private readonly worker: Worker
  private readonly pending = new Map<number, PendingPrint>()
  private nextId = 1
  private stopped: Error | null = null

  constructor(script: URL, env: NodeJS.ProcessEnv, options: ChromiumPrinterOptions = {}) {
    const data: PrintWorkerData = { env: { ...env }, ...options }
    this.worker = new Worker(script, { workerData: data })
    this.worker.on('message', (message: PrintWorkerReply) => this.settle(message))
    this.worker.on('error', (error) =>
      this.stop(new BriefingError(`The PDF printer failed: ${error.message}`)),
    )
    this.worker.on('exit', () => this.stop(new BriefingError('The PDF printer stopped before it finished.')))
  }

  private settle(message: PrintWorkerReply): void {
    const waiting = this.pending.get(message.id)
    if (!waiting) return
    this.pending.delete(message.id)
    if (message.kind === 'printed') {
      waiting.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength))
    } else {
      waiting.reject(rebuildError(message.name, message.message))
    }
  }

  private stop(reason: Error): void {
    this.stopped ??= reason
    for (const waiting of this.pending.values()) waiting.reject(reason)
    this.pending.clear()
  }

  /** The worker starts Chromium as soon as it runs; nothing more to do. */
  warmUp(): void {}

  print(html: string, paper: PaperSize): Promise<Buffer> {
    if (this.stopped) return Promise.reject(this.stopped)
    const id = this.nextId++
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const request: PrintWorkerRequest = { kind: 'print', id, html, paper }
      this.worker.postMessage(request)
    })
  }

  async close(): Promise<void> {
    if (this.stopped) return
    const exited = once(this.worker, 'exit')
    const request: PrintWorkerRequest = { kind: 'close' }
    this.worker.postMessage(request)
    await exited
  }
}

/** A printer for this process: in a worker thread when the build holds one (out/main), else in this thread. */
export function startPrinter(env: NodeJS.ProcessEnv, options: ChromiumPrinterOptions = {}): PdfPrinter {
  const script = builtWorkerScript('print-worker.js', import.meta.url)
  return script ? new WorkerPrinter(script, env, options) : new ChromiumPrinter(env, options)
}

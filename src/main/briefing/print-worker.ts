/**
 * Worker thread: a ChromiumPrinter of its own, started the moment the worker is, so that importing
 * Playwright and starting Chromium run beside the main thread's work (opening the store, laying out the
 * briefing) instead of after it. See WorkerPrinter for the other side of the messages.
 */
import process from 'node:process'
import { parentPort, workerData } from 'node:worker_threads'
import { ChromiumPrinter } from './chromium-printer'
import type { PrintWorkerData, PrintWorkerReply, PrintWorkerRequest } from './worker-printer'

const { env, oneShot } = workerData as PrintWorkerData
const printer = new ChromiumPrinter(env, { oneShot })
printer.warmUp()

function reply(message: PrintWorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer)
}

async function handle(request: PrintWorkerRequest): Promise<void> {
  if (request.kind === 'close') {
    // Ending the thread ends Chromium sooner than a graceful close would.
    if (await printer.readyToBeKilled()) process.exit(0)
    await printer.close()
    // Nothing else holds the worker open: with the port closed it ends, and the other side sees 'exit'.
    parentPort!.close()
    return
  }
  try {
    const printed = await printer.print(request.html, request.paper)
    // A view of its own buffer, so transferring it moves only the PDF's bytes.
    const pdf = new Uint8Array(printed)
    reply({ kind: 'printed', id: request.id, pdf }, [pdf.buffer])
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error))
    reply({ kind: 'failed', id: request.id, name, message })
  }
}

parentPort!.on('message', (request: PrintWorkerRequest) => void handle(request))

/**
 * Worker thread: derives the pinyin of entities' Chinese names (see EntityTexts) for batches of names,
 * answering each batch in order, encoded, and counting the answers in a shared counter the waiting
 * thread sleeps on.
 */
import { workerData, type MessagePort } from 'node:worker_threads'
import { deriveNames, encodeDerivedNames, type EntityNames } from './index-texts'

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array }

port.on('message', (batch: EntityNames[]) => {
  try {
    port.postMessage(encodeDerivedNames(batch.map(deriveNames)))
  } catch {
    Atomics.store(signal, 1, 1)
  }
  Atomics.add(signal, 0, 1)
  Atomics.notify(signal, 0)
})

/**
 * Worker thread: SQLite's integrity check of the store through a read-only connection, posting back null
 * or what is wrong. See checkIntegrityInBackground.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { checkIntegrityNow } from './integrity-check'
import { StoreError } from './store-error'

const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string }
try {
  checkIntegrityNow(file, nativeBinding)
  parentPort!.postMessage(null)
} catch (error) {
  const problem =
    error instanceof StoreError
      ? { message: error.message, code: error.code }
      : { message: `Could not check ${file}: ${(error as Error).message}`, code: 'unreadable' }
  parentPort!.postMessage(problem)
}

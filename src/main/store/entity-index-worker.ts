/**
 * Worker thread: reads the entity index from the store through its own read-only connection and posts
 * it back (typed arrays, strings and maps survive the structured clone). See prepareEntityIndex.
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { buildIndex, packIndex } from './entity-index'

const { storePath } = workerData as { storePath: string }
const db = new Database(storePath, { readonly: true, fileMustExist: true })
try {
  const { packed, transfer } = packIndex(buildIndex(db, 'worker'))
  parentPort!.postMessage(packed, transfer)
} finally {
  db.close()
}

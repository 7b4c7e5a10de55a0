/**
 * Worker thread: builds the fuzzy name index from the store through its own read-only connection and
 * posts its parts back (see prepareFuzzyNameIndex).
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { buildFuzzyIndex } from './fuzzy-index'

const { storePath } = workerData as { storePath: string }
const db = new Database(storePath, { readonly: true, fileMustExist: true })
try {
  const { parts, transfer } = buildFuzzyIndex(db).parts()
  parentPort!.postMessage(parts, transfer)
} finally {
  db.close()
}

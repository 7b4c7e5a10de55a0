/**
 * Worker thread: reads the entity index from the store through its own read-only connection and posts
 * it back (typed arrays, strings and maps survive the structured clone), with the hits of every
 * one-letter search: each reads tens of thousands of full-text entries on a large store, and a reviewer's first searches, typed while the index is new, need them (a second word's first
 * letter, "Urumqi H"). See prepareEntityIndex.
 */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { buildIndex, packIndex } from './entity-index'
import { findTermHits, ONE_LETTER_SEARCHES } from './entity-query'
import { ftsTermsFor } from './search-text'

const { storePath } = workerData as { storePath: string }
const db = new Database(storePath, { readonly: true, fileMustExist: true })
try {
  const index = buildIndex(db, 'worker')
  for (const term of ONE_LETTER_SEARCHES.flatMap(ftsTermsFor))
    index.termHits.set(term, findTermHits(db, index.positionOfEntry, index.ids.length, term))
  const { packed, transfer } = packIndex(index)
  parentPort!.postMessage(packed, transfer)
} finally {
  db.close()
}

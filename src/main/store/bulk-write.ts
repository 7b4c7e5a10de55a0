import type Database from 'better-sqlite3'

type Db = Database.Database

/** SQLite's page cache during a bulk write, in KiB: the rest of a large import's memory goes to its records. */
const BULK_WRITE_CACHE_KIB = 4_096

/**
 * Runs `work` (one large write transaction, an import or its undo) with the settings it needs:
 *
 * - No automatic checkpoint at its commit. That checkpoint copies the whole write-ahead log into the
 *   database file before the commit returns, which the user would wait through after a large import. The commit is as durable without it (the log is the committed data); the copy
 *   is made later, when the store is closed (the command line) or off-thread by checkpointInBackground
 *   (the app's hosts). Should another write come first, its commit makes the copy, as before.
 * - A smaller page cache: a bulk write's pages are written once, so beyond a few megabytes the cache
 *   holds only pages waiting to be written; larger caches raised the peak memory and were no faster
 *   (docs/performance.md).
 */
export function asBulkWrite<T>(db: Db, work: () => T): T {
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number
  const cache = db.pragma('cache_size', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  db.pragma(`cache_size = -${BULK_WRITE_CACHE_KIB}`)
  try {
    return work()
  } finally {
    db.pragma(`cache_size = ${cache}`)
    db.pragma(`wal_autocheckpoint = ${checkpoint}`)
  }
}

import type Database from 'better-sqlite3'

type Db = Database.Database

/** SQLite's page cache during a bulk write, in KiB: the rest of a large import's memory goes to its records. */
const BULK_WRITE_CACHE_KIB = 4_096

/**
 * Runs `work` (one large write transaction, an import or its undo) with the settings it needs:
 *
 * - No automatic checkpoint at its commit. That checkpoint copies the whole write-ahead log into the
 *   database file before the commit returns: 0.6 s after an import of 100,000 entities, which the user
 *   would wait through. The commit is as durable without it (the log is the committed data); the copy
 *   is made later, when the store is closed (the command line) or off-thread by checkpointInBackground
 *   (the app's hosts). Should another write come first, its commit makes the copy, as before.
 * - A smaller page cache: a bulk write's pages are written once, so beyond a few megabytes the cache
 *   holds only pages waiting to be written; at 64 MB it added 70 MB to an import's peak memory and
 *   measured no faster than at 16 MB, and 16 MB peaked 15–50 MB above 4 MB, again no faster.
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

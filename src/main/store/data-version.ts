import type Database from 'better-sqlite3'
import { stateOf } from './connection-state'

type Db = Database.Database

/**
 * Called by every path that writes records (dataset load, import apply, undo) once it has finished,
 * committed or not: caches built from the records (the entity facet index) are then rebuilt.
 */
export function noteRecordsWritten(db: Db): void {
  stateOf(db).recordWrites++
}

/**
 * Changes whenever the records may have changed: writes through this connection (counted above) or
 * through any other connection to the same file, such as the command line importing while the app runs
 * (SQLite's data_version).
 */
export function recordsVersion(db: Db): string {
  return `${stateOf(db).recordWrites}:${db.pragma('data_version', { simple: true }) as number}`
}

import type Database from 'better-sqlite3'
import { StoreError } from './store-error'

/**
 * Runs `work` inside a savepoint that is always rolled back (a preview: write, read what changed,
 * undo). When `work` fails, its error is the one reported: on a full disk (or an I/O or memory error)
 * SQLite may already have rolled the whole transaction back, and the savepoint's own "no such
 * savepoint" would otherwise hide the cause.
 */
export function inRolledBackSavepoint<T>(db: Database.Database, name: string, work: () => T): T {
  db.exec(`SAVEPOINT ${name}`)
  const rollBack = () => {
    if (!db.inTransaction) return
    db.exec(`ROLLBACK TO ${name}`)
    db.exec(`RELEASE ${name}`)
  }
  let result: T
  try {
    result = work()
  } catch (error) {
    try {
      rollBack()
    } catch {
      // The first cause is the one to report; the rollback's failure follows from it.
    }
    throw error
  }
  rollBack()
  return result
}

const WRITE_FAILURES: Record<string, string> = {
  SQLITE_FULL: 'the disk is full',
  SQLITE_IOERR: 'the disk reported an input/output error',
  SQLITE_NOMEM: 'the app ran out of memory',
  SQLITE_READONLY: 'the file cannot be written',
}

/**
 * A StoreError a user can act on for an error SQLite gave while writing `file` (a full disk, an I/O
 * error, no memory); any other error is returned as it is.
 */
export function explainWriteFailure(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown })?.code
  if (typeof code !== 'string') return error
  const primary = Object.keys(WRITE_FAILURES).find((known) => code === known || code.startsWith(`${known}_`))
  if (!primary) return error
  return new StoreError(
    `Could not write ${file}: ${WRITE_FAILURES[primary]} (${(error as Error).message}). Nothing was changed.`,
    file,
    'write-failed',
  )
}

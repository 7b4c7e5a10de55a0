import type Database from 'better-sqlite3'
import { asBulkWrite } from './bulk-write'
import { noteRecordsWritten } from './data-version'
import { keepPlainFacets } from './entity-first-page'
import { explainWriteFailure, inRolledBackSavepoint } from './savepoint'
import { withoutIndexWrites } from './search-index'

type Db = Database.Database

// Where the store's transactions begin: outside src/main/store nothing opens one (ESLint refuses it).

/**
 * The one way records are written: the default dataset, an import and its undo. `work` runs in one
 * IMMEDIATE transaction with a bulk write's settings (see asBulkWrite); before it commits, the first
 * view's facet counts are kept from what it wrote; whatever happens, the caches built from records learn
 * that they may be out of date, and a failure is reported by its first cause. Callers remember none of it.
 */
export function writeRecords<T>(db: Db, work: () => T): T {
  try {
    return asBulkWrite(db, () =>
      db
        .transaction(() => {
          const result = work()
          keepPlainFacets(db)
          return result
        })
        .immediate(),
    )
  } catch (error) {
    throw explainWriteFailure(error, db.name)
  } finally {
    noteRecordsWritten(db)
  }
}

/**
 * Writes to see what a write would change, then takes it back: an import's preview. `work` runs with a
 * bulk write's settings in a savepoint that is always rolled back, without the index writes nothing will
 * read; a failure is reported by its first cause.
 */
export function writeAndRollBack<T>(db: Db, work: () => T): T {
  try {
    return asBulkWrite(db, () =>
      inRolledBackSavepoint(db, 'preview_write', () => withoutIndexWrites(db, work)),
    )
  } catch (error) {
    throw explainWriteFailure(error, db.name)
  }
}

/** Reads that must agree with each other (a briefing's sections): one snapshot, whatever writes meanwhile. */
export function readConsistently<T>(db: Db, read: () => T): T {
  return db.transaction(read).deferred()
}

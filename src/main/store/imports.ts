import type Database from 'better-sqlite3'
import type { BundleSummary, ChangeCounts, ImportHistoryEntry } from '../../shared/updates'

type Db = Database.Database

/** The import history: one row per bundle or list applied, with its counts and whether it was undone. */

export function isAlreadyImported(db: Db, bundleId: string): boolean {
  return (
    db.prepare("SELECT 1 FROM imports WHERE bundle_id = ? AND status = 'applied'").get(bundleId) !== undefined
  )
}

/** The highest sequence applied from a publisher, or null when none was. */
export function latestSequence(db: Db, publisher: string): number | null {
  return db
    .prepare("SELECT max(sequence) FROM imports WHERE publisher = ? AND status = 'applied'")
    .pluck()
    .get(publisher) as number | null
}

/** A new history row, before the import's changes (each journaled change carries its id). */
export function insertImport(db: Db, summary: BundleSummary, importedAt: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO imports (bundle_id, file_name, publisher, key_id, sequence, created, data_as_of, imported_at, counts, status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', 'applied')`,
      )
      .run(
        summary.bundleId,
        summary.fileName,
        summary.publisher,
        summary.keyId,
        summary.sequence,
        summary.created,
        summary.dataAsOf,
        importedAt,
      ).lastInsertRowid,
  )
}

export function setImportCounts(db: Db, importId: number, counts: ChangeCounts[]): void {
  db.prepare('UPDATE imports SET counts = ? WHERE id = ?').run(JSON.stringify(counts), importId)
}

export function markImportUndone(db: Db, importId: number, undoneAt: string): void {
  db.prepare("UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?").run(undoneAt, importId)
}

interface ImportRow {
  id: number
  bundle_id: string
  file_name: string | null
  publisher: string
  key_id: string
  sequence: number
  data_as_of: string
  imported_at: string
  counts: string
  status: 'applied' | 'undone'
  undone_at: string | null
}

function toEntry(row: ImportRow): ImportHistoryEntry {
  return {
    id: row.id,
    bundleId: row.bundle_id,
    fileName: row.file_name,
    publisher: row.publisher,
    keyId: row.key_id,
    sequence: row.sequence,
    dataAsOf: row.data_as_of,
    importedAt: row.imported_at,
    counts: JSON.parse(row.counts) as ImportHistoryEntry['counts'],
    status: row.status,
    undoneAt: row.undone_at,
  }
}

export function readHistoryEntry(db: Db, id: number): ImportHistoryEntry {
  return toEntry(db.prepare('SELECT * FROM imports WHERE id = ?').get(id) as ImportRow)
}

export function importHistory(db: Db): ImportHistoryEntry[] {
  return (db.prepare('SELECT * FROM imports ORDER BY id DESC').all() as ImportRow[]).map(toEntry)
}

/** The import that undo would reverse: the newest one still applied. */
export function latestAppliedImport(db: Db): ImportHistoryEntry | null {
  const row = db.prepare("SELECT * FROM imports WHERE status = 'applied' ORDER BY id DESC LIMIT 1").get() as
    ImportRow | undefined
  return row ? toEntry(row) : null
}

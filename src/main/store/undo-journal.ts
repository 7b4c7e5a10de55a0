import type Database from 'better-sqlite3'
import { indexEntity, indexReaction, withDeferredIndexing } from './search-index'
import { statement } from './statement-cache'

type Db = Database.Database

/**
 * Every table an import may change. Temporary triggers on these write each row's before-image to
 * import_journal; undo replays the journal backwards. The FTS index is rebuilt for the records touched.
 */
export const JOURNALED_TABLES = [
  'meta',
  'origins',
  'sources',
  'entities',
  'entity_aliases',
  'entity_addresses',
  'entity_sectors',
  'entity_sources',
  'entity_identifiers',
  'entity_reported_names',
  'rounds',
  'round_citations',
  'round_sources',
  'designations',
  'reactions',
  'reaction_rounds',
  'reaction_entities',
  'notes',
  'judgements',
] as const

function columnsOf(db: Db, table: string): string[] {
  return statement(db, `SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
}

function jsonOf(prefix: 'OLD', columns: string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${prefix}."${c}"`).join(', ')})`
}

/**
 * Starts journaling on this connection under `importId`; call inside the import's transaction.
 *
 * Rows the import adds need no journal entry: each table's highest rowid before the import is kept as
 * its watermark, and undo deletes every row above it in one statement. Only rows that existed before
 * (at or under the watermark) are journaled when changed, deleted, or — a rowid SQLite reused after a
 * delete — inserted. A large import adds millions of rows, and journaling each one would slow it down.
 */
export function startJournal(db: Db, importId: number): void {
  if (!Number.isSafeInteger(importId)) throw new Error('import ids are integers')
  for (const table of JOURNALED_TABLES) {
    const columns = columnsOf(db, table)
    const watermark = statement(db, `SELECT coalesce(max(rowid), 0) FROM main."${table}"`)
      .pluck()
      .get() as number
    statement(db, 'INSERT INTO import_watermarks (import_id, tbl, max_rowid) VALUES (?, ?, ?)').run(
      importId,
      table,
      watermark,
    )
    const log = (action: string, rowId: string, oldRow: string) =>
      `INSERT INTO main.import_journal (import_id, tbl, action, row_id, old_row) VALUES (${importId}, '${table}', '${action}', ${rowId}, ${oldRow});`
    db.exec(`
      CREATE TEMP TRIGGER journal_${table}_insert AFTER INSERT ON main."${table}" WHEN NEW.rowid <= ${watermark}
        BEGIN ${log('insert', 'NEW.rowid', 'NULL')} END;
      CREATE TEMP TRIGGER journal_${table}_update BEFORE UPDATE ON main."${table}" WHEN OLD.rowid <= ${watermark}
        BEGIN ${log('update', 'OLD.rowid', jsonOf('OLD', columns))} END;
      CREATE TEMP TRIGGER journal_${table}_delete BEFORE DELETE ON main."${table}" WHEN OLD.rowid <= ${watermark}
        BEGIN ${log('delete', 'OLD.rowid', jsonOf('OLD', columns))} END;
    `)
  }
}

/** Stops journaling. */
export function finishJournal(db: Db): void {
  for (const table of JOURNALED_TABLES) {
    for (const action of ['insert', 'update', 'delete'])
      db.exec(`DROP TRIGGER IF EXISTS temp.journal_${table}_${action}`)
  }
}

interface JournalRow {
  tbl: string
  action: 'insert' | 'update' | 'delete'
  row_id: number
  old_row: string | null
}

/** The column of a `table` row naming the entity or reaction it belongs to; null for other tables. */
function ownerColumn(table: string): 'id' | 'entity_id' | null {
  if (table === 'entities' || table === 'reactions') return 'id'
  return table.startsWith('entity_') ? 'entity_id' : null
}

/** Records whose search-index rows an undo must rebuild, noted from the rows it removes or restores. */
class TouchedRecords {
  readonly entities = new Set<string>()
  readonly reactions = new Set<string>()

  note(table: string, row: Record<string, unknown> | undefined): void {
    const owner = ownerColumn(table)
    if (!row || !owner) return
    ;(table === 'reactions' ? this.reactions : this.entities).add(row[owner] as string)
  }
}

function checkJournaledTable(table: string): void {
  if (!(JOURNALED_TABLES as readonly string[]).includes(table))
    throw new Error(`Unexpected journal table ${table}`)
}

/** Deletes the rows the import added: those above each table's watermark (see startJournal). */
function removeAddedRows(db: Db, importId: number, touched: TouchedRecords): void {
  const watermarks = statement(db, 'SELECT tbl, max_rowid FROM import_watermarks WHERE import_id = ?').all(
    importId,
  ) as { tbl: string; max_rowid: number }[]
  for (const { tbl: table, max_rowid: watermark } of watermarks) {
    checkJournaledTable(table)
    const owner = ownerColumn(table)
    if (owner) {
      const ids = statement(db, `SELECT DISTINCT "${owner}" FROM "${table}" WHERE rowid > ?`)
        .pluck()
        .all(watermark)
      for (const id of ids) touched.note(table, { [owner]: id })
    }
    statement(db, `DELETE FROM "${table}" WHERE rowid > ?`).run(watermark)
  }
}

/**
 * Puts every row an import touched back as it was: first the rows it added go, then the journal is
 * replayed newest change first. Call inside a transaction with deferred foreign keys: children may come
 * back before their parents within the replay.
 */
export function replayJournalBackwards(db: Db, importId: number): void {
  // Rows come back one at a time, a reference before what it refers to: checked when the undo commits.
  db.pragma('defer_foreign_keys = ON')
  const touched = new TouchedRecords()
  // First, so that a record the import re-created under a new rowid is gone before its old row returns.
  removeAddedRows(db, importId, touched)
  const rows = statement(
    db,
    'SELECT tbl, action, row_id, old_row FROM import_journal WHERE import_id = ? ORDER BY seq DESC',
  ).all(importId) as JournalRow[]
  const columns = new Map<string, string[]>()
  for (const entry of rows) {
    checkJournaledTable(entry.tbl)
    const table = entry.tbl
    if (!columns.has(table)) columns.set(table, columnsOf(db, table))
    const cols = columns.get(table)!
    if (entry.action === 'insert') {
      touched.note(
        table,
        statement(db, `SELECT * FROM "${table}" WHERE rowid = ?`).get(entry.row_id) as Record<
          string,
          unknown
        >,
      )
      statement(db, `DELETE FROM "${table}" WHERE rowid = ?`).run(entry.row_id)
      continue
    }
    const old = JSON.parse(entry.old_row!) as Record<string, unknown>
    touched.note(table, old)
    const values = cols.map((c) => old[c] ?? null)
    if (entry.action === 'delete') {
      statement(
        db,
        `INSERT INTO "${table}" (rowid, ${cols.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`,
      ).run(entry.row_id, ...values)
    } else {
      statement(db, `UPDATE "${table}" SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE rowid = ?`).run(
        ...values,
        entry.row_id,
      )
    }
  }
  withDeferredIndexing(db, () => {
    for (const id of touched.entities) indexEntity(db, id)
    for (const id of touched.reactions) indexReaction(db, id)
  })
}

/** Forgets an undone import's journal and watermarks. */
export function discardJournal(db: Db, importId: number): void {
  statement(db, 'DELETE FROM import_journal WHERE import_id = ?').run(importId)
  statement(db, 'DELETE FROM import_watermarks WHERE import_id = ?').run(importId)
}

import type Database from 'better-sqlite3'
import { indexEntity, indexReaction, withDeferredIndexing } from '../store/search-index'
import { statement } from '../store/statement-cache'

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
  'rounds',
  'round_citations',
  'round_sources',
  'designations',
  'reactions',
  'reaction_rounds',
  'reaction_entities',
] as const

function columnsOf(db: Db, table: string): string[] {
  return statement(db, `SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]
}

function jsonOf(prefix: 'OLD', columns: string[]): string {
  return `json_object(${columns.map((c) => `'${c}', ${prefix}."${c}"`).join(', ')})`
}

/** Starts journaling on this connection under `importId`; call inside the import's transaction. */
export function startJournal(db: Db, importId: number): void {
  if (!Number.isSafeInteger(importId)) throw new Error('import ids are integers')
  for (const table of JOURNALED_TABLES) {
    const columns = columnsOf(db, table)
    const log = (action: string, rowId: string, oldRow: string) =>
      `INSERT INTO main.import_journal (import_id, tbl, action, row_id, old_row) VALUES (${importId}, '${table}', '${action}', ${rowId}, ${oldRow});`
    db.exec(`
      CREATE TEMP TRIGGER journal_${table}_insert AFTER INSERT ON main."${table}"
        BEGIN ${log('insert', 'NEW.rowid', 'NULL')} END;
      CREATE TEMP TRIGGER journal_${table}_update BEFORE UPDATE ON main."${table}"
        BEGIN ${log('update', 'OLD.rowid', jsonOf('OLD', columns))} END;
      CREATE TEMP TRIGGER journal_${table}_delete BEFORE DELETE ON main."${table}"
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

/**
 * Puts every row an import touched back as it was, newest change first. Call inside a transaction
 * with deferred foreign keys: children may come back before their parents within the replay.
 */
export function replayJournalBackwards(db: Db, importId: number): void {
  const rows = statement(
    db,
    'SELECT tbl, action, row_id, old_row FROM import_journal WHERE import_id = ? ORDER BY seq DESC',
  ).all(importId) as JournalRow[]
  const columns = new Map<string, string[]>()
  const touchedEntities = new Set<string>()
  const touchedReactions = new Set<string>()
  const note = (table: string, row: Record<string, unknown> | undefined) => {
    if (!row) return
    if (table === 'entities') touchedEntities.add(row.id as string)
    if (table.startsWith('entity_')) touchedEntities.add(row.entity_id as string)
    if (table === 'reactions') touchedReactions.add(row.id as string)
  }
  for (const entry of rows) {
    if (!(JOURNALED_TABLES as readonly string[]).includes(entry.tbl))
      throw new Error(`Unexpected journal table ${entry.tbl}`)
    const table = entry.tbl
    if (!columns.has(table)) columns.set(table, columnsOf(db, table))
    const cols = columns.get(table)!
    if (entry.action === 'insert') {
      note(
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
    note(table, old)
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
    for (const id of touchedEntities) indexEntity(db, id)
    for (const id of touchedReactions) indexReaction(db, id)
  })
}

import type Database from 'better-sqlite3'
import { tableViewStateSchema } from '../../shared/contract'
import type { TableViewState, TableViews } from '../../shared/entity-query'

type Db = Database.Database

/** Re-checked when read: a state kept by an older version that no longer fits is dropped, not half-used. */
function parseState(json: string): TableViewState | null {
  const parsed = tableViewStateSchema.safeParse(JSON.parse(json))
  return parsed.success ? (parsed.data as TableViewState) : null
}

export function loadViews(db: Db, table: string): TableViews {
  const rows = db
    .prepare(
      'SELECT name, state, updated_at FROM saved_views WHERE table_name = ? ORDER BY name COLLATE NOCASE',
    )
    .all(table) as { name: string; state: string; updated_at: string }[]
  const current = rows.find((row) => row.name === '')
  return {
    current: current ? parseState(current.state) : null,
    saved: rows
      .filter((row) => row.name !== '')
      .map((row) => ({ name: row.name, state: parseState(row.state), updatedAt: row.updated_at }))
      .filter((view): view is TableViews['saved'][number] => view.state !== null),
  }
}

/** Keeps a view: '' for the table as it is now, else under the reviewer's name (replacing one so named). */
export function saveView(db: Db, table: string, name: string, state: TableViewState, now = new Date()): void {
  db.prepare(
    `INSERT INTO saved_views (table_name, name, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_name, name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  ).run(table, name, JSON.stringify(state), now.toISOString())
}

export function deleteView(db: Db, table: string, name: string): void {
  db.prepare('DELETE FROM saved_views WHERE table_name = ? AND name = ?').run(table, name)
}

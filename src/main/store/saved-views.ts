import type Database from 'better-sqlite3'
import type { z } from 'zod'
import { listViewStateSchema, tableViewStateSchema } from '../../shared/contract'
import type { ListViewState, TableViews, TableViewState } from '../../shared/entity-query'

type Db = Database.Database
type ViewTable = 'entities' | 'rounds' | 'reactions'
type ViewState = TableViewState | ListViewState

/** The Entities table keeps a store query; the Rounds and Reactions tables an in-memory one. */
function schemaOf(table: ViewTable): z.ZodType<ViewState> {
  return (table === 'entities'
    ? tableViewStateSchema
    : listViewStateSchema) as unknown as z.ZodType<ViewState>
}

/** Re-checked when read: a state kept by an older version that no longer fits is dropped, not half-used. */
function parseState(table: ViewTable, json: string): ViewState | null {
  const parsed = schemaOf(table).safeParse(JSON.parse(json))
  return parsed.success ? parsed.data : null
}

export function loadViews(db: Db, table: ViewTable): TableViews<ViewState> {
  const rows = db
    .prepare(
      'SELECT name, state, updated_at FROM saved_views WHERE table_name = ? ORDER BY name COLLATE NOCASE',
    )
    .all(table) as { name: string; state: string; updated_at: string }[]
  const current = rows.find((row) => row.name === '')
  return {
    current: current ? parseState(table, current.state) : null,
    saved: rows
      .filter((row) => row.name !== '')
      .map((row) => ({ name: row.name, state: parseState(table, row.state), updatedAt: row.updated_at }))
      .filter((view): view is TableViews<ViewState>['saved'][number] => view.state !== null),
  }
}

/** Keeps a view: '' for the table as it is now, else under the reviewer's name (replacing one so named). */
export function saveView(db: Db, table: ViewTable, name: string, state: ViewState, now = new Date()): void {
  db.prepare(
    `INSERT INTO saved_views (table_name, name, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_name, name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  ).run(table, name, JSON.stringify(state), now.toISOString())
}

export function deleteView(db: Db, table: ViewTable, name: string): void {
  db.prepare('DELETE FROM saved_views WHERE table_name = ? AND name = ?').run(table, name)
}

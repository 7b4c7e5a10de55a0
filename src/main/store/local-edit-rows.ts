import type Database from 'better-sqlite3'
import type { LocalEdit } from '../../shared/local-edits'
import type { ChangeCounts } from '../../shared/updates'
import { statement } from './statement-cache'

type Db = Database.Database

/** What keeps a local edit: who wrote it, what it was, and its operations (see migration 19). */
export interface LocalEditRow {
  importId: number
  originId: number
  author: string
  writtenAt: string
  description: string
  operations: string
  redoneFrom: number | null
}

export function insertLocalEdit(db: Db, row: LocalEditRow): void {
  statement(
    db,
    `INSERT INTO local_edits (import_id, origin_id, author, written_at, description, operations, redone_from)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.importId,
    row.originId,
    row.author,
    row.writtenAt,
    row.description,
    row.operations,
    row.redoneFrom,
  )
}

const SELECT_EDITS = `SELECT l.import_id AS id, i.imported_at AS at, l.written_at AS writtenAt, l.author,
  l.description, i.status,
  i.undone_at AS undoneAt, i.counts, l.redone_from AS redoneFrom
  FROM local_edits l JOIN imports i ON i.id = l.import_id`

type EditRow = Omit<LocalEdit, 'counts'> & { counts: string }

const toEdit = (row: EditRow): LocalEdit => ({ ...row, counts: JSON.parse(row.counts) as ChangeCounts[] })

/** Every local edit, newest first. */
export function listLocalEdits(db: Db): LocalEdit[] {
  return (statement(db, `${SELECT_EDITS} ORDER BY l.import_id DESC`).all() as EditRow[]).map(toEdit)
}

export function readLocalEdit(db: Db, importId: number): LocalEdit | null {
  const row = statement(db, `${SELECT_EDITS} WHERE l.import_id = ?`).get(importId) as EditRow | undefined
  return row ? toEdit(row) : null
}

type KeptEdit = Pick<LocalEditRow, 'author' | 'writtenAt' | 'description' | 'operations'>

/** What redo needs of an edit: who wrote it, when, what it was and its operations. */
export function keptLocalEdit(db: Db, importId: number): KeptEdit | null {
  return (
    (statement(
      db,
      'SELECT author, written_at AS writtenAt, description, operations FROM local_edits WHERE import_id = ?',
    ).get(importId) as KeptEdit | undefined) ?? null
  )
}

/**
 * The edit redo would apply again: the one undone last, provided no import but a redo was applied
 * since and no redo has already applied it again (undoing B then A redoes A, then B).
 */
export function redoableEdit(db: Db): number | null {
  return (
    (statement(
      db,
      `SELECT l.import_id FROM local_edits l JOIN imports i ON i.id = l.import_id
       WHERE i.status = 'undone'
         AND NOT EXISTS (SELECT 1 FROM local_edits redo WHERE redo.redone_from = l.import_id)
         AND NOT EXISTS (SELECT 1 FROM imports later
           WHERE later.status = 'applied' AND later.imported_at >= i.undone_at
             AND later.id NOT IN (SELECT import_id FROM local_edits WHERE redone_from IS NOT NULL))
       ORDER BY i.undone_at DESC, l.import_id ASC LIMIT 1`,
    )
      .pluck()
      .get() as number | undefined) ?? null
  )
}

import { randomBytes, randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { LocalEdit } from '../../shared/local-edits'
import { operationSchema, type LocatedOperation, type Operation } from '../bundles/bundle-format'
import { applyPending, LOCAL_EDIT_KEY, type PendingUpdate } from '../bundles/import-bundle'
import { OperationSpool } from '../bundles/operation-spool'
import { getMeta } from '../store/meta'
import {
  insertLocalEdit,
  listLocalEdits,
  keptLocalEdit,
  readLocalEdit,
  redoableEdit,
} from '../store/local-edit-rows'
import { UserError } from '../user-error'

type Db = Database.Database

export interface LocalEditRequest {
  author: string
  /** What the edit does, as the edits list and the import history name it ("Added a reaction by …"). */
  description: string
  operations: Operation[]
}

/** The file name operations of a local edit are located in, for messages ("local edit line 2"). */
const EDIT_FILE = 'local edit'

/**
 * Applies an edit written in the app as an import of its own: one transaction, journaled for undo, its
 * changes recorded for the Changes view and histories, its records carrying an origin marked local.
 */
export function applyLocalEdit(
  db: Db,
  request: LocalEditRequest,
  now: Date = new Date(),
  redo: { of: number; writtenAt: string } | null = null,
): LocalEdit {
  const operations = request.operations.map((operation, index): LocatedOperation => {
    const parsed = operationSchema.safeParse(operation)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new UserError(
        `The edit is invalid at ${issue.path.join('.') || 'its operation'}: ${issue.message}. Nothing was changed.`,
        'invalid',
      )
    }
    return { operation: parsed.data, file: EDIT_FILE, line: index + 1 }
  })
  const update: PendingUpdate = {
    summary: {
      signed: false,
      format: 'local',
      bundleId: `local:${randomUUID()}`,
      fileName: null,
      publisher: `Local edit by ${request.author}`,
      keyId: LOCAL_EDIT_KEY,
      sequence: 0,
      created: now.toISOString(),
      expires: '',
      // An edit does not make the data newer: the store keeps the date its lists are as of.
      dataAsOf: getMeta(db, 'data_as_of') ?? now.toISOString().slice(0, 10),
      expired: false,
      operations: operations.length,
    },
    operations: OperationSpool.of(operations),
    warnings: [],
    confirmations: [],
    origin: { kind: 'import', label: `Local edit by ${request.author}` },
    matching: null,
  }
  let importId = 0
  try {
    applyPending(db, update, {
      now,
      originAt: redo ? new Date(redo.writtenAt) : undefined,
      confirmed: true,
      whileApplying: (applied) => {
        importId = applied.importId
        insertLocalEdit(db, {
          importId: applied.importId,
          originId: applied.originId,
          author: request.author,
          writtenAt: redo?.writtenAt ?? now.toISOString(),
          description: request.description,
          operations: JSON.stringify(request.operations),
          redoneFrom: redo?.of ?? null,
        })
      },
    })
  } finally {
    update.operations.discard()
  }
  return readLocalEdit(db, importId)!
}

/** Applies again the edit undone last (see redoableEdit); refused when there is none. */
export function redoLocalEdit(db: Db, expectedId: number, now: Date = new Date()): LocalEdit {
  const redoable = redoableEdit(db)
  if (redoable !== expectedId) {
    throw new UserError(
      redoable === null
        ? 'There is no undone edit to redo (an import since the undo, or a redo, ends what can be redone). Nothing was changed.'
        : `Edit ${expectedId} cannot be redone now; edit ${redoable} is the one undone last. Nothing was changed.`,
      'conflict',
      'NothingToRedo',
    )
  }
  const kept = keptLocalEdit(db, redoable)!
  return applyLocalEdit(
    db,
    {
      author: kept.author,
      description: kept.description,
      operations: JSON.parse(kept.operations) as Operation[],
    },
    now,
    { of: redoable, writtenAt: kept.writtenAt },
  )
}

/** A new record id for something written in the app: local, the day it was written, and unique. */
export function newLocalId(kind: string, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '')
  return `local-${kind}-${day}-${randomBytes(5).toString('hex')}`
}

export { listLocalEdits, redoableEdit }

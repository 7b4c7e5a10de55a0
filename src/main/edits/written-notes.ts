import type Database from 'better-sqlite3'
import type { LocalEditResult, WrittenNote } from '../../shared/local-edits'
import type { Operation } from '../bundles/bundle-format'
import { recordIdOf } from '../bundles/operation-spool'
import { readRecord } from '../store/read-record'
import { UserError } from '../user-error'
import { applyLocalEdit, newLocalId } from './local-edits'
import { ownLocalSource, writtenSourceOperation } from './local-sources'

type Db = Database.Database

/** What the note is on: its kind, id and the name a reader knows it by; refused if not in the store. */
function subjectOf(db: Db, note: WrittenNote): { type: 'entity' | 'round'; id: string; name: string } {
  const [type, id] = note.entity ? (['entity', note.entity] as const) : (['round', note.round!] as const)
  const record = readRecord(db, type, id)
  if (!record)
    throw new UserError(`${type}: there is no ${type} "${id}" in the store. Nothing was written.`, 'invalid')
  const name = 'name' in record ? record.name : ((record as { title: string | null }).title ?? id)
  return { type, id, name }
}

/**
 * The records a written note becomes: its source (`sourceId`, when it has one) first, then the note.
 * `released`: a source of its own it no longer cites (an assessment now), retired after it.
 */
function noteOperations(
  note: WrittenNote,
  noteId: string,
  sourceId: string | null,
  released: string | null,
): Operation[] {
  return [
    ...(note.source && sourceId ? [writtenSourceOperation(sourceId, note.source, true)] : []),
    {
      op: 'upsert',
      type: 'note',
      record: {
        id: noteId,
        entity: note.entity ?? null,
        round: note.round ?? null,
        text: note.text,
        source: note.source ? sourceId : null,
        assessment: note.assessment,
      },
    },
    ...(released
      ? [{ op: 'retire', type: 'source', id: released, reason: 'its note no longer cites it' }]
      : []),
  ] as Operation[]
}

const kindOf = (note: WrittenNote) => (note.assessment ? 'note (own assessment)' : 'note')

/** Records a note on an entity or a round (with its source, or as the writer's assessment) as one local edit. */
export function addWrittenNote(
  db: Db,
  note: WrittenNote,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  const subject = subjectOf(db, note)
  const operations = noteOperations(
    note,
    newLocalId('note', now),
    note.source ? newLocalId('source', now) : null,
    null,
  )
  const edit = applyLocalEdit(
    db,
    { author, description: `Added a ${kindOf(note)} on ${subject.name}`, operations },
    now,
  )
  return { edit, recordIds: operations.map(recordIdOf) }
}

/** Rewrites a note (its text, source or assessment); a source of its own is rewritten, not added. */
export function editWrittenNote(
  db: Db,
  noteId: string,
  note: WrittenNote,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  const before = readRecord(db, 'note', noteId)
  if (!before)
    throw new UserError(`There is no note "${noteId}" in the store. Nothing was written.`, 'not-found')
  const subject = subjectOf(db, note)
  const own = ownLocalSource(db, before.source)
  const sourceId = note.source ? (own ?? newLocalId('source', now)) : null
  const operations = noteOperations(note, noteId, sourceId, own && !note.source ? own : null)
  const edit = applyLocalEdit(
    db,
    { author, description: `Edited the ${kindOf(note)} on ${subject.name}`, operations },
    now,
  )
  return { edit, recordIds: operations.map(recordIdOf) }
}

/** Removes a note (and its own local source): undo brings it back. */
export function deleteNote(db: Db, noteId: string, author: string, now: Date = new Date()): LocalEditResult {
  const note = readRecord(db, 'note', noteId)
  if (!note)
    throw new UserError(`There is no note "${noteId}" in the store. Nothing was changed.`, 'not-found')
  const source = ownLocalSource(db, note.source)
  const operations: Operation[] = [
    { op: 'retire', type: 'note', id: noteId, reason: 'deleted in the app' },
    ...(source
      ? [{ op: 'retire' as const, type: 'source' as const, id: source, reason: 'its note was deleted' }]
      : []),
  ]
  const edit = applyLocalEdit(db, { author, description: `Deleted note ${noteId}`, operations }, now)
  return { edit, recordIds: operations.map(recordIdOf) }
}

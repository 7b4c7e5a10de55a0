import type Database from 'better-sqlite3'
import type { LocalEditResult, WrittenNote } from '../../shared/local-edits'
import type { Operation } from '../bundles/bundle-format'
import { recordIdOf } from '../bundles/operation-spool'
import { readRecord } from '../store/read-record'
import { UserError } from '../user-error'
import { applyLocalEdit, newLocalId } from './local-edits'
import { ownLocalSource, writtenSourceOperation } from './local-sources'

type Db = Database.Database

/** Records a note on an entity or a round (with its source, or as the writer's assessment) as one local edit. */
export function addWrittenNote(
  db: Db,
  note: WrittenNote,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  const [type, subject] = note.entity ? (['entity', note.entity] as const) : (['round', note.round!] as const)
  const record = readRecord(db, type, subject)
  if (!record)
    throw new UserError(
      `${type}: there is no ${type} "${subject}" in the store. Nothing was written.`,
      'invalid',
    )
  const sourceId = note.source ? newLocalId('source', now) : null
  const operations = [
    ...(note.source && sourceId ? [writtenSourceOperation(sourceId, note.source, true)] : []),
    {
      op: 'upsert',
      type: 'note',
      record: {
        id: newLocalId('note', now),
        entity: note.entity ?? null,
        round: note.round ?? null,
        text: note.text,
        source: sourceId,
        assessment: note.assessment,
      },
    },
  ] as Operation[]
  const on =
    type === 'entity'
      ? (record as { name: string }).name
      : ((record as { title: string | null }).title ?? subject)
  const edit = applyLocalEdit(
    db,
    {
      author,
      description: `Added a ${note.assessment ? 'note (own assessment)' : 'note'} on ${on}`,
      operations,
    },
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

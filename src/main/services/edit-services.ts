import type {
  FieldCorrection,
  LocalEdit,
  LocalEditResult,
  LocalEdits,
  WrittenNote,
  WrittenReaction,
} from '../../shared/local-edits'
import { correctField } from '../edits/field-corrections'
import { listLocalEdits, redoableEdit, redoLocalEdit } from '../edits/local-edits'
import { addWrittenNote, deleteNote, editWrittenNote } from '../edits/written-notes'
import { addWrittenReaction, deleteReaction, editWrittenReaction } from '../edits/written-reactions'
import { authorName, setAuthorName } from '../store/app-state'
import type { Store } from '../store/open-store'
import { UserError } from '../user-error'

/** The name edits are marked with; writing is refused until the user has set one. */
function author(store: Store, given?: string): string {
  const name = given?.trim() || authorName(store.db)
  if (!name)
    throw new UserError(
      'Set your name before writing (Updates view, "Your name"; on the command line --author NAME): every local edit is marked with it. Nothing was written.',
      'invalid',
      'AuthorNotSet',
    )
  return name
}

export function localEdits(store: Store): LocalEdits {
  return { edits: listLocalEdits(store.db), redoable: redoableEdit(store.db), author: authorName(store.db) }
}

export function rememberAuthor(store: Store, name: string): void {
  setAuthorName(store.db, name)
}

export function addReaction(store: Store, reaction: WrittenReaction, authorGiven?: string): LocalEditResult {
  return addWrittenReaction(store.db, reaction, author(store, authorGiven))
}

export function editReaction(store: Store, id: string, reaction: WrittenReaction): LocalEditResult {
  return editWrittenReaction(store.db, id, reaction, author(store))
}

export function removeReaction(store: Store, id: string, authorGiven?: string): LocalEditResult {
  return deleteReaction(store.db, id, author(store, authorGiven))
}

export function correct(store: Store, correction: FieldCorrection, authorGiven?: string): LocalEditResult {
  return correctField(store.db, correction, author(store, authorGiven))
}

export function addNote(store: Store, note: WrittenNote, authorGiven?: string): LocalEditResult {
  return addWrittenNote(store.db, note, author(store, authorGiven))
}

export function editNote(store: Store, id: string, note: WrittenNote, authorGiven?: string): LocalEditResult {
  return editWrittenNote(store.db, id, note, author(store, authorGiven))
}

export function removeNote(store: Store, id: string, authorGiven?: string): LocalEditResult {
  return deleteNote(store.db, id, author(store, authorGiven))
}

export function redo(store: Store, importId: number): LocalEdit {
  return redoLocalEdit(store.db, importId)
}

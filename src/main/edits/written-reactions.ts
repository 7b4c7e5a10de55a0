import type Database from 'better-sqlite3'
import { today, type LocalEditResult, type WrittenReaction } from '../../shared/local-edits'
import type { Operation } from '../bundles/bundle-format'
import { recordIdOf } from '../bundles/operation-spool'
import { readRecord, recordExists } from '../store/read-record'
import { ownLocalSource, writtenSourceOperation } from './local-sources'
import { UserError } from '../user-error'
import { applyLocalEdit, newLocalId } from './local-edits'

type Db = Database.Database

/** Who said it, as an edit's description names it. */
function speakerOf(reaction: WrittenReaction): string {
  return [reaction.speaker, reaction.organisation].filter(Boolean).join(', ') || 'an unnamed speaker'
}

/** The source and reaction records a written reaction becomes, the source first (the reaction cites it). */
function reactionOperations(
  reaction: WrittenReaction,
  reactionId: string,
  now: Date,
  sourceId: string = newLocalId('source', now),
): Operation[] {
  const { source } = reaction
  return [
    writtenSourceOperation(sourceId, source),
    {
      op: 'upsert',
      type: 'reaction',
      record: {
        id: reactionId,
        speaker: reaction.speaker,
        speakerRole: reaction.speakerRole,
        organisation: reaction.organisation,
        organisationKind: reaction.organisationKind,
        stance: reaction.stance,
        text: reaction.text,
        textKind: reaction.textKind,
        context: reaction.context,
        language: reaction.language,
        dateSaid: reaction.dateSaid,
        notes: reaction.notes,
        rounds: reaction.rounds,
        entities: reaction.entities,
        source: sourceId,
        sourceExcerpt: source.excerpt,
        // The writer checked the text against the passage as they wrote it down.
        excerptCheckedOn: source.excerpt ? today(now) : null,
      },
    },
  ] as Operation[]
}

/** Refuses a round or entity the store does not have, naming the field and the id. */
function checkReferences(db: Db, reaction: WrittenReaction): void {
  for (const [field, type, ids] of [
    ['rounds', 'round', reaction.rounds],
    ['entities', 'entity', reaction.entities],
  ] as const) {
    ids.forEach((id, index) => {
      if (!recordExists(db, type, id))
        throw new UserError(
          `${field}.${index}: there is no ${type} "${id}" in the store. Nothing was written.`,
          'invalid',
        )
    })
  }
}

/** Records a reaction written in the app, with its source, as one local edit. */
export function addWrittenReaction(
  db: Db,
  reaction: WrittenReaction,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  checkReferences(db, reaction)
  const reactionId = newLocalId('reaction', now)
  const operations = reactionOperations(reaction, reactionId, now)
  const edit = applyLocalEdit(
    db,
    { author, description: `Added a reaction by ${speakerOf(reaction)}`, operations },
    now,
  )
  return { edit, recordIds: operations.map(recordIdOf) }
}

/** Replaces a reaction's text, speaker, links and source with what the writer corrected. */
export function editWrittenReaction(
  db: Db,
  reactionId: string,
  reaction: WrittenReaction,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  if (!recordExists(db, 'reaction', reactionId))
    throw new UserError(
      `There is no reaction "${reactionId}" in the store. Nothing was written.`,
      'not-found',
    )
  checkReferences(db, reaction)
  const operations = reactionOperations(
    reaction,
    reactionId,
    now,
    ownLocalSource(db, readRecord(db, 'reaction', reactionId)?.source ?? null) ?? undefined,
  )
  const edit = applyLocalEdit(
    db,
    { author, description: `Edited the reaction by ${speakerOf(reaction)}`, operations },
    now,
  )
  return { edit, recordIds: operations.map(recordIdOf) }
}

/** Removes a reaction (retires it): undo brings it back. */
export function deleteReaction(
  db: Db,
  reactionId: string,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  if (!recordExists(db, 'reaction', reactionId))
    throw new UserError(
      `There is no reaction "${reactionId}" in the store. Nothing was changed.`,
      'not-found',
    )
  const source = ownLocalSource(db, readRecord(db, 'reaction', reactionId)?.source ?? null)
  const operations: Operation[] = [
    { op: 'retire', type: 'reaction', id: reactionId, reason: 'deleted in the app' },
    ...(source
      ? [{ op: 'retire' as const, type: 'source' as const, id: source, reason: 'its reaction was deleted' }]
      : []),
  ]
  const edit = applyLocalEdit(db, { author, description: `Deleted reaction ${reactionId}`, operations }, now)
  return { edit, recordIds: operations.map(recordIdOf) }
}

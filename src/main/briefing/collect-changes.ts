import type Database from 'better-sqlite3'
import type { StoredChange } from '../../shared/changes'
import type { BriefingChangesScope } from '../../shared/contract'
import { queryChanges } from '../store/changes-query'
import { readCitationsOf } from '../store/read-records'
import { readRoundLabels } from '../store/round-label'
import { BriefingError } from './briefing-error'
import type { SourceNumbering } from './source-numbering'
import { longDate } from './document/parts'

/** A changes briefing lists at most this many changes: past it, a week's note is a table, not prose. */
export const MAX_BRIEFED_CHANGES = 2_000

/** One change as a briefing prints it, with the numbers of the record's sources where it still exists. */
export interface BriefedChange {
  change: StoredChange
  roundLabels: string[]
  sourceNumbers: number[]
}

export interface BriefingChanges {
  /** "since 1 March 2026", "in import 3": what the title and the section say the briefing covers. */
  covers: string
  imports: { id: number; importedAt: string; label: string }[]
  newListings: BriefedChange[]
  endedOrRemoved: BriefedChange[]
  changedEntries: BriefedChange[]
  /** New reactions, read in full (text, speaker, source). */
  newReactionIds: string[]
}

function coversOf(scope: BriefingChangesScope): string {
  if (scope.importId !== undefined) return `in import ${scope.importId}`
  return `since ${longDate(scope.since!) ?? scope.since}`
}

/**
 * What imports changed in the scope, sorted into the sections of a weekly note: new listings (new
 * designations, and new entities no new designation lists), ended and removed listings and records,
 * changed entries (each field before → after) and new reactions. Sources are numbered as cited.
 */
export function collectChanges(
  db: Database.Database,
  scope: BriefingChangesScope,
  numbering: SourceNumbering,
): BriefingChanges {
  const page = queryChanges(db, {
    scope: scope.importId !== undefined ? { importId: scope.importId } : { since: scope.since },
    filters: {},
    offset: 0,
    limit: MAX_BRIEFED_CHANGES + 1,
  })
  const covers = coversOf(scope)
  if (scope.importId !== undefined && page.imports.length === 0)
    throw new BriefingError(`There is no applied import ${scope.importId}: the history lists the imports.`)
  if (page.total === 0) throw new BriefingError(`Nothing changed ${covers}: there is nothing to brief.`)
  if (page.total > MAX_BRIEFED_CHANGES) {
    throw new BriefingError(
      `${page.total.toLocaleString('en-US')} records changed ${covers}; a changes briefing takes at most ` +
        `${MAX_BRIEFED_CHANGES.toLocaleString('en-US')}. Brief one import, or a shorter period.`,
    )
  }
  const changes = page.rows
  const labels = readRoundLabels(db)
  const entityIds = [...new Set(changes.flatMap((c) => (c.entityId ? [c.entityId] : [])))]
  const citations = readCitationsOf(db, 'entity', entityIds)
  const roundCitations = readCitationsOf(
    db,
    'round',
    changes.filter((c) => c.type === 'round').map((c) => c.recordId),
  )
  const briefed = (change: StoredChange): BriefedChange => {
    const cited =
      change.kind === 'retired'
        ? []
        : change.type === 'round'
          ? (roundCitations.get(change.recordId) ?? [])
          : change.entityId
            ? (citations.get(change.entityId) ?? [])
            : []
    return {
      change,
      roundLabels: change.rounds.map((round) => labels.get(round) ?? round),
      sourceNumbers: cited.map((citation) => numbering.publication(citation.source)),
    }
  }
  const listedAnew = new Set(
    changes.filter((c) => c.type === 'designation' && c.kind === 'new').map((c) => c.entityId),
  )
  const newListings = changes.filter(
    (c) =>
      c.kind === 'new' && (c.type === 'designation' || (c.type === 'entity' && !listedAnew.has(c.recordId))),
  )
  const endedOrRemoved = changes.filter(
    (c) => (c.kind === 'ended' || c.kind === 'retired') && c.type !== 'source',
  )
  const changedEntries = changes.filter((c) => c.kind === 'changed' && c.type !== 'source')
  const newReactionIds = changes
    .filter((c) => c.type === 'reaction' && c.kind === 'new')
    .map((c) => c.recordId)
  return {
    covers,
    imports: page.imports,
    newListings: newListings.map(briefed),
    endedOrRemoved: endedOrRemoved.map(briefed),
    changedEntries: changedEntries.map(briefed),
    newReactionIds,
  }
}

import { entityIdsInRounds, roundIdsOfEntities } from '../store/briefing-queries'
import { reactionIdsAbout } from '../store/reaction-facts'
import { storedIdsAmong } from '../store/read-record'
import type Database from 'better-sqlite3'
import { BRIEFING_LIMITS, DEFAULT_BRIEFING_SETTINGS, type BriefingSettings } from '../../shared/briefing'
import type {
  Citation,
  Designation,
  ReportedName,
  EntitySummary,
  OfficeNote,
  Reaction,
  RoundSummary,
  SourceRef,
} from '../../shared/domain'
import { queryEntityIds } from '../store/entity-query'
import { getMeta } from '../store/meta'
import { LocalHoldings } from '../store/local-holdings'
import {
  listOfficeNotes,
  listReactions,
  listRounds,
  readCitationsOf,
  readDesignationsOf,
  readReportedNames,
  readEntitySummaries,
} from '../store/read-records'
import { BriefingError } from './briefing-error'
import { readConsistently } from '../store/transactions'
import { SourceNumbering, type NumberedSource } from './source-numbering'
import { collectChanges, type BriefingChanges } from './collect-changes'
import type { BriefingChangesScope } from '../../shared/contract'

type Db = Database.Database

export interface BriefingRound extends RoundSummary {
  /** Numbers of the sources behind this round: its Federal Register citations, then its other sources. */
  sourceNumbers: number[]
  /** How many of this round's entities the briefing covers (all of them for a round scope). */
  entitiesInScope: number
}

export interface BriefingEntity extends EntitySummary {
  designations: Designation[]
  /** Fields of it corrected in this app (their new values are printed; the office should know). */
  correctedHere: boolean
  /** Names sources give it that are not names it is listed under: printed as "also reported as". */
  reportedNames: ReportedName[]
  sourceNumbers: number[]
}

export interface BriefingReaction extends Reaction {
  sourceNumber: number
}

/** A note an office wrote on an entity or a round in scope, with what it is on and its source's number. */
export interface BriefingNote {
  on: string
  note: OfficeNote
  sourceNumber: number | null
}

/** Everything one briefing shows, read from the store in one consistent snapshot. */
export interface BriefingData {
  settings: BriefingSettings
  /** The date printed on the briefing (the writer's, else today's). */
  date: string
  /** When the store's data was last updated (the default dataset's date or the latest import). */
  dataAsOf: string | null
  rounds: BriefingRound[]
  entities: BriefingEntity[]
  reactions: BriefingReaction[]
  /** Notes on the entities and rounds in scope (with the entities section). */
  notes: BriefingNote[]
  sources: NumberedSource[]
  /** For a briefing of changes: what changed, in its sections; null for every other scope. */
  changes: BriefingChanges | null
}

function entityIdsInScope(db: Db, settings: BriefingSettings): string[] {
  const { scope } = settings
  if (scope.kind === 'changes') return []
  if (scope.kind === 'query') return queryEntityIds(db, scope)
  if (scope.kind === 'entities') {
    const known = new Set(storedIdsAmong(db, 'entity', scope.entityIds))
    const unknown = scope.entityIds.filter((id) => !known.has(id))
    if (unknown.length > 0) {
      throw new BriefingError(
        `No entity with the id ${unknown
          .slice(0, 5)
          .map((id) => `"${id}"`)
          .join(', ')}.`,
      )
    }
    return [...new Set(scope.entityIds)]
  }
  return entityIdsInRounds(db, scope.roundIds)
}

function roundsInScope(db: Db, settings: BriefingSettings, entityIds: string[]): RoundSummary[] {
  const all = listRounds(db)
  const { scope } = settings
  if (scope.kind === 'rounds') {
    const unknown = scope.roundIds.filter((id) => !all.some((round) => round.id === id))
    if (unknown.length > 0) {
      throw new BriefingError(`No round with the id ${unknown.map((id) => `"${id}"`).join(', ')}.`)
    }
    return all.filter((round) => scope.roundIds.includes(round.id))
  }
  const designated = new Set(roundIdsOfEntities(db, entityIds))
  return all.filter((round) => designated.has(round.id))
}

function whereScopeLooked(settings: BriefingSettings): string {
  const { scope } = settings
  if (scope.kind === 'rounds')
    return scope.roundIds.length === 0 ? '— no round is chosen' : 'in the chosen rounds'
  if (scope.kind === 'entities')
    return scope.entityIds.length === 0 ? '— no entity is picked' : 'among the picked entities'
  return 'for the search and filters'
}

function checkScopeSize(settings: BriefingSettings, entityCount: number, reactionCount: number): void {
  if (entityCount === 0 && reactionCount === 0) {
    throw new BriefingError(
      `The briefing's scope is empty: there are no entities and no reactions ${whereScopeLooked(settings)}. ` +
        'Choose at least one round or entity, or widen the filters.',
    )
  }
  if (entityCount > BRIEFING_LIMITS.maxEntities) {
    throw new BriefingError(
      `The briefing's scope holds ${entityCount.toLocaleString('en-US')} entities; a briefing takes at most ` +
        `${BRIEFING_LIMITS.maxEntities.toLocaleString('en-US')}. Narrow the scope with filters or fewer rounds.`,
    )
  }
  if (reactionCount > BRIEFING_LIMITS.maxReactions) {
    throw new BriefingError(
      `The briefing's scope holds ${reactionCount.toLocaleString('en-US')} reactions; a briefing takes at most ` +
        `${BRIEFING_LIMITS.maxReactions.toLocaleString('en-US')}. Narrow the scope.`,
    )
  }
}

function citationSources(citations: Citation[] | undefined): SourceRef[] {
  return (citations ?? []).map((citation) => citation.source)
}

/**
 * Reads what a briefing shows. Sources are numbered in the order the document first cites them
 * (overview, then entities, then reactions), so "[3]" in the text is the third entry of the list.
 */
/**
 * The briefing's title: the writer's own, or, where they kept the default (or left it empty), one
 * that names the lists in scope: "Entity List additions" only for the Entity List.
 */
export function briefingTitle(title: string, rounds: { list: string }[]): string {
  if (title.trim() && title !== DEFAULT_BRIEFING_SETTINGS.title) return title
  const lists = [...new Set(rounds.map((round) => round.list))].sort()
  if (lists.length === 0 || (lists.length === 1 && lists[0] === 'US BIS Entity List'))
    return DEFAULT_BRIEFING_SETTINGS.title
  if (lists.length === 1) return `${lists[0]}: listings`
  if (lists.length <= 3) return `Listings on the ${lists.slice(0, -1).join(', ')} and ${lists.at(-1)}`
  return `Listings on ${lists.length} lists (${lists.slice(0, 3).join(', ')} …)`
}

/** A briefing of what imports changed: its own sections, the new reactions in full, and the sources. */
function collectChangesBriefing(
  db: Db,
  settings: BriefingSettings,
  scope: BriefingChangesScope,
  today: string,
): BriefingData {
  const numbering = new SourceNumbering()
  const changes = collectChanges(db, scope, numbering)
  const reactions = listReactions(db, { ids: changes.newReactionIds }).map((reaction) => ({
    ...reaction,
    sourceNumber: numbering.publication(reaction.source),
  }))
  const kept = settings.title.trim() !== '' && settings.title !== DEFAULT_BRIEFING_SETTINGS.title
  return {
    settings: { ...settings, title: kept ? settings.title : `Changes ${changes.covers}` },
    date: settings.date || today,
    dataAsOf: getMeta(db, 'data_as_of'),
    notes: [],
    rounds: [],
    entities: [],
    reactions,
    sources: numbering.list(),
    changes,
  }
}

export function collectBriefing(db: Db, settings: BriefingSettings, today: string): BriefingData {
  return readConsistently(db, () => {
    const { scope } = settings
    if (scope.kind === 'changes') return collectChangesBriefing(db, settings, scope, today)
    const entityIds = entityIdsInScope(db, settings)
    const rounds = roundsInScope(db, settings, entityIds)
    const reactionIds = reactionIdsAbout(
      db,
      entityIds,
      rounds.map((round) => round.id),
    )
    checkScopeSize(settings, entityIds.length, reactionIds.length)

    const numbering = new SourceNumbering()
    const include = new Set(settings.sections)
    const entityIdSet = new Set(entityIds)
    const designations = readDesignationsOf(db, entityIds)
    const roundCitations = readCitationsOf(
      db,
      'round',
      rounds.map((round) => round.id),
    )
    const briefingRounds: BriefingRound[] = rounds.map((round) => ({
      ...round,
      sourceNumbers: include.has('overview')
        ? [
            ...round.citations.map((citation) => numbering.federalRegister(citation, round.published)),
            ...citationSources(roundCitations.get(round.id)).map((source) => numbering.publication(source)),
          ]
        : [],
      entitiesInScope: new Set(
        designations
          .filter((d) => d.roundId === round.id && entityIdSet.has(d.entityId))
          .map((d) => d.entityId),
      ).size,
    }))

    const entityCitations = readCitationsOf(db, 'entity', entityIds)
    const designationsByEntity = new Map<string, Designation[]>()
    for (const designation of designations) {
      const list = designationsByEntity.get(designation.entityId) ?? []
      list.push(designation)
      designationsByEntity.set(designation.entityId, list)
    }
    const reported = readReportedNames(db, entityIds)
    const holdings = LocalHoldings.read(db)
    const entities: BriefingEntity[] = readEntitySummaries(db, entityIds).map((entity) => ({
      ...entity,
      correctedHere: holdings.holdsFieldsOf('entity', entity.id),
      designations: designationsByEntity.get(entity.id) ?? [],
      reportedNames: reported.get(entity.id) ?? [],
      sourceNumbers: include.has('entities')
        ? citationSources(entityCitations.get(entity.id)).map((source) => numbering.publication(source))
        : [],
    }))

    const notes: BriefingNote[] = !include.has('entities')
      ? []
      : [
          ...entities.flatMap((entity) =>
            listOfficeNotes(db, { entityId: entity.id }).map((note) => ({ on: entity.primaryName, note })),
          ),
          ...rounds.flatMap((round) =>
            listOfficeNotes(db, { roundId: round.id }).map((note) => ({
              on: round.citations[0] ?? round.title ?? round.id,
              note,
            })),
          ),
        ].map(({ on, note }) => ({
          on,
          note,
          sourceNumber: note.source ? numbering.publication(note.source) : null,
        }))

    const reactions: BriefingReaction[] = listReactions(db, { ids: reactionIds }).map((reaction) => ({
      ...reaction,
      sourceNumber: include.has('reactions') ? numbering.publication(reaction.source) : 0,
    }))

    return {
      settings: { ...settings, title: briefingTitle(settings.title, rounds) },
      date: settings.date || today,
      dataAsOf: getMeta(db, 'data_as_of'),
      rounds: briefingRounds,
      entities,
      reactions,
      notes,
      sources: numbering.list(),
      changes: null,
    }
  })
}

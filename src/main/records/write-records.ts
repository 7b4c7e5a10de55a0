import type Database from 'better-sqlite3'
import type { OriginKind } from '../../shared/domain'
import { indexEntityText, indexReaction } from '../store/search-index'
import { statement } from '../store/statement-cache'
import type {
  CitationRef,
  DesignationRecord,
  EntityRecord,
  ReactionRecord,
  RoundRecord,
  SourceRecord,
} from './record-schemas'

type Db = Database.Database

/**
 * Upserts of validated records. None of these opens a transaction: callers wrap a whole batch in one,
 * so a batch lands entirely or not at all.
 */
export function createOrigin(
  db: Db,
  kind: OriginKind,
  label: string,
  at: string = new Date().toISOString(),
): number {
  return Number(
    statement(db, 'INSERT INTO origins (kind, label, at) VALUES (?, ?, ?)').run(kind, label, at)
      .lastInsertRowid,
  )
}

export function upsertSource(db: Db, source: SourceRecord, originId: number): void {
  statement(
    db,
    `INSERT INTO sources (id, publication, title, date, url, reliability, note, origin_id)
     VALUES (@id, @publication, @title, @date, @url, @reliability, @note, @originId)
     ON CONFLICT(id) DO UPDATE SET publication = excluded.publication, title = excluded.title,
       date = excluded.date, url = excluded.url, reliability = excluded.reliability, note = excluded.note,
       origin_id = excluded.origin_id`,
  ).run({ ...source, originId })
}

function replaceList(
  db: Db,
  table: string,
  ownerColumn: string,
  valueColumn: string,
  ownerId: string,
  values: string[],
  isNew: boolean,
) {
  if (!isNew) statement(db, `DELETE FROM ${table} WHERE ${ownerColumn} = ?`).run(ownerId)
  const insert = statement(
    db,
    `INSERT INTO ${table} (${ownerColumn}, position, ${valueColumn}) VALUES (?, ?, ?)`,
  )
  values.forEach((value, position) => insert.run(ownerId, position, value))
}

function replaceCitations(
  db: Db,
  table: string,
  ownerColumn: string,
  ownerId: string,
  citations: CitationRef[],
  isNew: boolean,
) {
  if (!isNew) statement(db, `DELETE FROM ${table} WHERE ${ownerColumn} = ?`).run(ownerId)
  const insert = statement(
    db,
    `INSERT INTO ${table} (${ownerColumn}, position, source_id, supports) VALUES (?, ?, ?, ?)`,
  )
  citations.forEach((citation, position) => insert.run(ownerId, position, citation.source, citation.supports))
}

/**
 * `isNew` says the caller has just checked the record does not exist yet: its child rows then need
 * no clearing, which matters when a bundle adds a hundred thousand entities.
 */
export function upsertEntity(db: Db, entity: EntityRecord, originId: number, isNew = false): void {
  statement(
    db,
    `INSERT INTO entities (id, primary_name, original_name, original_name_note, type, country, notes, origin_id)
     VALUES (@id, @name, @originalName, @originalNameNote, @type, @country, @notes, @originId)
     ON CONFLICT(id) DO UPDATE SET primary_name = excluded.primary_name, original_name = excluded.original_name,
       original_name_note = excluded.original_name_note, type = excluded.type, country = excluded.country,
       notes = excluded.notes, origin_id = excluded.origin_id`,
  ).run({
    id: entity.id,
    name: entity.name,
    originalName: entity.originalName,
    originalNameNote: entity.originalNameNote,
    type: entity.type,
    country: entity.country,
    notes: entity.notes,
    originId,
  })
  replaceList(db, 'entity_aliases', 'entity_id', 'alias', entity.id, entity.aliases, isNew)
  replaceList(db, 'entity_addresses', 'entity_id', 'address', entity.id, entity.addresses, isNew)
  if (!isNew) statement(db, 'DELETE FROM entity_sectors WHERE entity_id = ?').run(entity.id)
  const insertSector = statement(db, 'INSERT OR IGNORE INTO entity_sectors (entity_id, sector) VALUES (?, ?)')
  for (const sector of entity.sectors) insertSector.run(entity.id, sector)
  replaceCitations(db, 'entity_sources', 'entity_id', entity.id, entity.sources, isNew)
  indexEntityText(db, entity.id, entity.name, entity.originalName, entity.aliases)
}

export function upsertRound(db: Db, round: RoundRecord, originId: number, isNew = false): void {
  statement(
    db,
    `INSERT INTO rounds (id, list_name, title, fr_doc_number, docket, rin, announced_date, published_date,
       effective_date, basis, declared_count, notes, origin_id)
     VALUES (@id, @list, @title, @frDocNumber, @docket, @rin, @announced, @published, @effective, @basis,
       @declaredCount, @notes, @originId)
     ON CONFLICT(id) DO UPDATE SET list_name = excluded.list_name, title = excluded.title,
       fr_doc_number = excluded.fr_doc_number, docket = excluded.docket, rin = excluded.rin,
       announced_date = excluded.announced_date, published_date = excluded.published_date,
       effective_date = excluded.effective_date, basis = excluded.basis,
       declared_count = excluded.declared_count, notes = excluded.notes, origin_id = excluded.origin_id`,
  ).run({
    id: round.id,
    list: round.list,
    title: round.title,
    frDocNumber: round.frDocNumber,
    docket: round.docket,
    rin: round.rin,
    announced: round.announced,
    published: round.published,
    effective: round.effective,
    basis: round.basis,
    declaredCount: round.declaredCount,
    notes: round.notes,
    originId,
  })
  replaceList(db, 'round_citations', 'round_id', 'citation', round.id, round.citations, isNew)
  replaceCitations(db, 'round_sources', 'round_id', round.id, round.sources, isNew)
}

export function upsertDesignation(db: Db, designation: DesignationRecord, originId: number): void {
  statement(
    db,
    `INSERT INTO designations (id, entity_id, round_id, action, action_date, license_requirement,
       license_policy, citation, source_id, origin_id)
     VALUES (@id, @entity, @round, @action, @date, @licenseRequirement, @licensePolicy, @citation, @source, @originId)
     ON CONFLICT(id) DO UPDATE SET entity_id = excluded.entity_id, round_id = excluded.round_id,
       action = excluded.action, action_date = excluded.action_date,
       license_requirement = excluded.license_requirement, license_policy = excluded.license_policy,
       citation = excluded.citation, source_id = excluded.source_id, origin_id = excluded.origin_id`,
  ).run({ ...designation, originId })
}

export function upsertReaction(db: Db, reaction: ReactionRecord, originId: number, isNew = false): void {
  statement(
    db,
    `INSERT INTO reactions (id, speaker, speaker_role, organisation, organisation_kind, stance, text, text_kind,
       context, language, date_said, notes, source_id, origin_id)
     VALUES (@id, @speaker, @speakerRole, @organisation, @organisationKind, @stance, @text, @textKind, @context,
       @language, @dateSaid, @notes, @source, @originId)
     ON CONFLICT(id) DO UPDATE SET speaker = excluded.speaker, speaker_role = excluded.speaker_role,
       organisation = excluded.organisation, organisation_kind = excluded.organisation_kind,
       stance = excluded.stance, text = excluded.text, text_kind = excluded.text_kind,
       context = excluded.context, language = excluded.language, date_said = excluded.date_said,
       notes = excluded.notes, source_id = excluded.source_id, origin_id = excluded.origin_id`,
  ).run({
    id: reaction.id,
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
    source: reaction.source,
    originId,
  })
  if (!isNew) statement(db, 'DELETE FROM reaction_rounds WHERE reaction_id = ?').run(reaction.id)
  const insertRound = statement(db, 'INSERT INTO reaction_rounds (reaction_id, round_id) VALUES (?, ?)')
  for (const roundId of new Set(reaction.rounds)) insertRound.run(reaction.id, roundId)
  if (!isNew) statement(db, 'DELETE FROM reaction_entities WHERE reaction_id = ?').run(reaction.id)
  const insertEntity = statement(db, 'INSERT INTO reaction_entities (reaction_id, entity_id) VALUES (?, ?)')
  for (const entityId of new Set(reaction.entities)) insertEntity.run(reaction.id, entityId)
  indexReaction(db, reaction.id)
}

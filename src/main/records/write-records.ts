import type Database from 'better-sqlite3'
import type { OriginKind } from '../../shared/domain'
import { indexEntityText, indexReactionText } from '../store/search-index'
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

/**
 * How one record type's main row is written: its table, and its columns besides id and origin_id with
 * the values a record gives them, in order. A record known to be new gets a plain INSERT; SQLite's
 * upsert costs a fifth more per row, which shows across a hundred thousand rows.
 */
class MainRow<R extends { id: string }> {
  readonly insertSql: string
  readonly upsertSql: string

  constructor(
    table: string,
    columns: string[],
    readonly values: (record: R) => unknown[],
  ) {
    const all = ['id', ...columns, 'origin_id']
    this.insertSql = `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`
    this.upsertSql = `${this.insertSql} ON CONFLICT(id) DO UPDATE SET ${all
      .slice(1)
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')}`
  }

  write(db: Db, record: R, originId: number, isNew: boolean): void {
    statement(db, isNew ? this.insertSql : this.upsertSql).run(record.id, ...this.values(record), originId)
  }
}

const sourceRow = new MainRow<SourceRecord>(
  'sources',
  ['publication', 'title', 'date', 'url', 'reliability', 'note'],
  (s) => [s.publication, s.title, s.date, s.url, s.reliability, s.note],
)

export function upsertSource(db: Db, source: SourceRecord, originId: number): void {
  sourceRow.write(db, source, originId, false)
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
const entityRow = new MainRow<EntityRecord>(
  'entities',
  ['primary_name', 'original_name', 'original_name_note', 'type', 'country', 'notes'],
  (e) => [e.name, e.originalName, e.originalNameNote, e.type, e.country, e.notes],
)

export function upsertEntity(db: Db, entity: EntityRecord, originId: number, isNew = false): void {
  entityRow.write(db, entity, originId, isNew)
  replaceList(db, 'entity_aliases', 'entity_id', 'alias', entity.id, entity.aliases, isNew)
  replaceList(db, 'entity_addresses', 'entity_id', 'address', entity.id, entity.addresses, isNew)
  if (!isNew) statement(db, 'DELETE FROM entity_sectors WHERE entity_id = ?').run(entity.id)
  const insertSector = statement(db, 'INSERT OR IGNORE INTO entity_sectors (entity_id, sector) VALUES (?, ?)')
  for (const sector of entity.sectors) insertSector.run(entity.id, sector)
  replaceCitations(db, 'entity_sources', 'entity_id', entity.id, entity.sources, isNew)
  indexEntityText(
    db,
    entity.id,
    { name: entity.name, original: entity.originalName, aliases: entity.aliases },
    isNew,
  )
}

const roundRow = new MainRow<RoundRecord>(
  'rounds',
  [
    'list_name',
    'title',
    'fr_doc_number',
    'docket',
    'rin',
    'announced_date',
    'published_date',
    'effective_date',
    'basis',
    'declared_count',
    'notes',
  ],
  (r) => [
    r.list,
    r.title,
    r.frDocNumber,
    r.docket,
    r.rin,
    r.announced,
    r.published,
    r.effective,
    r.basis,
    r.declaredCount,
    r.notes,
  ],
)

export function upsertRound(db: Db, round: RoundRecord, originId: number, isNew = false): void {
  roundRow.write(db, round, originId, isNew)
  replaceList(db, 'round_citations', 'round_id', 'citation', round.id, round.citations, isNew)
  replaceCitations(db, 'round_sources', 'round_id', round.id, round.sources, isNew)
}

const designationRow = new MainRow<DesignationRecord>(
  'designations',
  [
    'entity_id',
    'round_id',
    'action',
    'action_date',
    'license_requirement',
    'license_policy',
    'citation',
    'source_id',
  ],
  (d) => [d.entity, d.round, d.action, d.date, d.licenseRequirement, d.licensePolicy, d.citation, d.source],
)

export function upsertDesignation(
  db: Db,
  designation: DesignationRecord,
  originId: number,
  isNew = false,
): void {
  designationRow.write(db, designation, originId, isNew)
}

const reactionRow = new MainRow<ReactionRecord>(
  'reactions',
  [
    'speaker',
    'speaker_role',
    'organisation',
    'organisation_kind',
    'stance',
    'text',
    'text_kind',
    'context',
    'language',
    'date_said',
    'notes',
    'source_id',
  ],
  (r) => [
    r.speaker,
    r.speakerRole,
    r.organisation,
    r.organisationKind,
    r.stance,
    r.text,
    r.textKind,
    r.context,
    r.language,
    r.dateSaid,
    r.notes,
    r.source,
  ],
)

export function upsertReaction(db: Db, reaction: ReactionRecord, originId: number, isNew = false): void {
  reactionRow.write(db, reaction, originId, isNew)
  if (!isNew) statement(db, 'DELETE FROM reaction_rounds WHERE reaction_id = ?').run(reaction.id)
  const insertRound = statement(db, 'INSERT INTO reaction_rounds (reaction_id, round_id) VALUES (?, ?)')
  for (const roundId of new Set(reaction.rounds)) insertRound.run(reaction.id, roundId)
  if (!isNew) statement(db, 'DELETE FROM reaction_entities WHERE reaction_id = ?').run(reaction.id)
  const insertEntity = statement(db, 'INSERT INTO reaction_entities (reaction_id, entity_id) VALUES (?, ?)')
  for (const entityId of new Set(reaction.entities)) insertEntity.run(reaction.id, entityId)
  indexReactionText(db, reaction.id, reaction, isNew)
}

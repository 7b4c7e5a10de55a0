import type Database from 'better-sqlite3'
import type { OriginKind } from '../../shared/domain'
import { indexEntityText, indexReactionText } from './search-index'
import { statement } from './statement-cache'
import { flushRowBatches, insertRow, RowTable } from './row-batches'
import type {
  CitationRef,
  DesignationRecord,
  EntityRecord,
  NoteRecord,
  ReactionRecord,
  RoundRecord,
  SourceRecord,
} from '../records/record-schemas'

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
 * the values a record gives them, in order. A record known to be new gets a plain INSERT (batched, see
 * row-batches.ts); SQLite's upsert costs a fifth more per row, which shows across a hundred thousand rows.
 */
class MainRow<R extends { id: string }> {
  readonly rows: RowTable
  readonly upsertSql: string

  constructor(
    table: string,
    columns: string[],
    rank: number,
    readonly values: (record: R) => unknown[],
  ) {
    const all = ['id', ...columns, 'origin_id']
    this.rows = new RowTable(table, all, rank)
    this.upsertSql = `${this.rows.sql(1)} ON CONFLICT(id) DO UPDATE SET ${all
      .slice(1)
      .map((column) => `${column} = excluded.${column}`)
      .join(', ')}`
  }

  write(db: Db, record: R, originId: number, isNew: boolean): void {
    const row = [record.id, ...this.values(record), originId]
    if (isNew) insertRow(db, this.rows, row, true)
    else {
      // What this record refers to may still be waiting in a batch.
      flushRowBatches(db)
      statement(db, this.upsertSql).run(row)
    }
  }
}

const sourceRow = new MainRow<SourceRecord>(
  'sources',
  ['publication', 'title', 'date', 'url', 'reliability', 'note'],
  0,
  (s) => [s.publication, s.title, s.date, s.url, s.reliability, s.note],
)

export function upsertSource(db: Db, source: SourceRecord, originId: number): void {
  sourceRow.write(db, source, originId, false)
}

/** A list kept in rows of its own (an entity's aliases): owner, position and the item's values. */
class ListRows {
  readonly rows: RowTable

  constructor(
    readonly table: string,
    readonly ownerColumn: string,
    valueColumns: string[],
    rank: number,
  ) {
    this.rows = new RowTable(table, [ownerColumn, 'position', ...valueColumns], rank)
  }

  /** `isNew`: the owner was just written for the first time, so it has no rows to clear. */
  replace(db: Db, ownerId: string, items: unknown[][], isNew: boolean): void {
    if (!isNew) statement(db, `DELETE FROM ${this.table} WHERE ${this.ownerColumn} = ?`).run(ownerId)
    items.forEach((values, position) => insertRow(db, this.rows, [ownerId, position, ...values], isNew))
  }
}

const citationItems = (citations: CitationRef[]) => citations.map((c) => [c.source, c.supports])
const plainItems = (values: string[]) => values.map((value) => [value])

/**
 * `isNew` says the caller has just checked the record does not exist yet: its child rows then need
 * no clearing, which matters when a bundle adds a hundred thousand entities.
 */
const entityRow = new MainRow<EntityRecord>(
  'entities',
  ['primary_name', 'original_name', 'original_name_note', 'type', 'country', 'notes'],
  3,
  (e) => [e.name, e.originalName, e.originalNameNote, e.type, e.country, e.notes],
)

const entityAliases = new ListRows('entity_aliases', 'entity_id', ['alias'], 4)
const entityAddresses = new ListRows('entity_addresses', 'entity_id', ['address'], 4)
const entitySources = new ListRows('entity_sources', 'entity_id', ['source_id', 'supports'], 4)
const entityIdentifiers = new ListRows('entity_identifiers', 'entity_id', ['scheme', 'value'], 4)
const entityReportedNames = new ListRows(
  'entity_reported_names',
  'entity_id',
  ['name', 'source_id', 'note'],
  4,
)
// A list may name a sector twice; the store keeps it once.
const entitySectors = new RowTable('entity_sectors', ['entity_id', 'sector'], 4, 'INSERT OR IGNORE')

export function upsertEntity(db: Db, entity: EntityRecord, originId: number, isNew = false): void {
  entityRow.write(db, entity, originId, isNew)
  entityAliases.replace(db, entity.id, plainItems(entity.aliases), isNew)
  entityAddresses.replace(db, entity.id, plainItems(entity.addresses), isNew)
  if (!isNew) statement(db, 'DELETE FROM entity_sectors WHERE entity_id = ?').run(entity.id)
  for (const sector of entity.sectors) insertRow(db, entitySectors, [entity.id, sector], isNew)
  entitySources.replace(db, entity.id, citationItems(entity.sources), isNew)
  entityReportedNames.replace(
    db,
    entity.id,
    entity.reportedNames.map((reported) => [reported.name, reported.source, reported.note]),
    isNew,
  )
  entityIdentifiers.replace(
    db,
    entity.id,
    entity.identifiers.map((identifier) => [identifier.scheme, identifier.value]),
    isNew,
  )
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
  1,
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

const roundCitations = new ListRows('round_citations', 'round_id', ['citation'], 2)
const roundSources = new ListRows('round_sources', 'round_id', ['source_id', 'supports'], 2)

export function upsertRound(db: Db, round: RoundRecord, originId: number, isNew = false): void {
  roundRow.write(db, round, originId, isNew)
  roundCitations.replace(db, round.id, plainItems(round.citations), isNew)
  roundSources.replace(db, round.id, citationItems(round.sources), isNew)
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
    'ended_date',
    'programs',
  ],
  5,
  (d) => [
    d.entity,
    d.round,
    d.action,
    d.date,
    d.licenseRequirement,
    d.licensePolicy,
    d.citation,
    d.source,
    d.ended,
    d.programs,
  ],
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
    'source_excerpt',
    'excerpt_checked_on',
  ],
  6,
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
    r.sourceExcerpt,
    r.excerptCheckedOn,
  ],
)

const reactionRounds = new RowTable('reaction_rounds', ['reaction_id', 'round_id'], 7)
const reactionEntities = new RowTable('reaction_entities', ['reaction_id', 'entity_id'], 7)

export function upsertReaction(db: Db, reaction: ReactionRecord, originId: number, isNew = false): void {
  reactionRow.write(db, reaction, originId, isNew)
  if (!isNew) statement(db, 'DELETE FROM reaction_rounds WHERE reaction_id = ?').run(reaction.id)
  for (const roundId of new Set(reaction.rounds)) insertRow(db, reactionRounds, [reaction.id, roundId], isNew)
  if (!isNew) statement(db, 'DELETE FROM reaction_entities WHERE reaction_id = ?').run(reaction.id)
  for (const entityId of new Set(reaction.entities))
    insertRow(db, reactionEntities, [reaction.id, entityId], isNew)
  indexReactionText(db, reaction.id, reaction, isNew)
}

const noteRow = new MainRow<NoteRecord>(
  'notes',
  ['entity_id', 'round_id', 'text', 'source_id', 'assessment'],
  8,
  (n) => [n.entity, n.round, n.text, n.source, n.assessment ? 1 : 0],
)

export function upsertNote(db: Db, note: NoteRecord, originId: number, isNew = false): void {
  noteRow.write(db, note, originId, isNew)
}

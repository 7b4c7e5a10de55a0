import { statement } from './statement-cache'
import type Database from 'better-sqlite3'
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
 * Reads one record back in exactly the shape a bundle carries it, so a preview can compare "before"
 * and "after" field by field and a correction can change one field of it.
 */
export interface RecordsByType {
  source: SourceRecord
  round: RoundRecord
  entity: EntityRecord
  designation: DesignationRecord
  reaction: ReactionRecord
  note: NoteRecord
}

function list(db: Db, sql: string, id: string): string[] {
  return statement(db, sql).pluck().all(id) as string[]
}

function citations(db: Db, table: string, owner: string, id: string): CitationRef[] {
  return statement(
    db,
    `SELECT source_id AS source, supports FROM ${table} WHERE ${owner} = ? ORDER BY position`,
  ).all(id) as CitationRef[]
}

const readers: { [T in keyof RecordsByType]: (db: Db, id: string) => RecordsByType[T] | null } = {
  source: (db, id) =>
    (statement(
      db,
      'SELECT id, publication, title, date, url, reliability, note FROM sources WHERE id = ?',
    ).get(id) as SourceRecord | undefined) ?? null,
  round: (db, id) => {
    const row = statement(
      db,
      `SELECT id, list_name AS list, title, fr_doc_number AS frDocNumber, docket, rin, announced_date AS announced,
           published_date AS published, effective_date AS effective, basis, declared_count AS declaredCount, notes
         FROM rounds WHERE id = ?`,
    ).get(id) as Omit<RoundRecord, 'citations' | 'sources'> | undefined
    if (!row) return null
    return {
      ...row,
      citations: list(db, 'SELECT citation FROM round_citations WHERE round_id = ? ORDER BY position', id),
      sources: citations(db, 'round_sources', 'round_id', id),
    }
  },
  entity: (db, id) => {
    const row = statement(
      db,
      `SELECT id, primary_name AS name, original_name AS originalName, original_name_note AS originalNameNote,
           type, country, notes FROM entities WHERE id = ?`,
    ).get(id) as Omit<EntityRecord, 'sectors' | 'aliases' | 'addresses' | 'sources'> | undefined
    if (!row) return null
    return {
      id: row.id,
      name: row.name,
      originalName: row.originalName,
      originalNameNote: row.originalNameNote,
      type: row.type,
      country: row.country,
      sectors: list(db, 'SELECT sector FROM entity_sectors WHERE entity_id = ? ORDER BY sector', id),
      aliases: list(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position', id),
      addresses: list(db, 'SELECT address FROM entity_addresses WHERE entity_id = ? ORDER BY position', id),
      notes: row.notes,
      sources: citations(db, 'entity_sources', 'entity_id', id),
      reportedNames: statement(
        db,
        'SELECT name, source_id AS source, note FROM entity_reported_names WHERE entity_id = ? ORDER BY position',
      ).all(id) as EntityRecord['reportedNames'],
      identifiers: statement(
        db,
        'SELECT scheme, value FROM entity_identifiers WHERE entity_id = ? ORDER BY position',
      ).all(id) as EntityRecord['identifiers'],
    }
  },
  designation: (db, id) =>
    (statement(
      db,
      `SELECT id, entity_id AS entity, round_id AS round, action, action_date AS date,
           license_requirement AS licenseRequirement, license_policy AS licensePolicy, citation, source_id AS source,
           ended_date AS ended, programs
         FROM designations WHERE id = ?`,
    ).get(id) as DesignationRecord | undefined) ?? null,
  reaction: (db, id) => {
    const row = statement(
      db,
      `SELECT id, speaker, speaker_role AS speakerRole, organisation, organisation_kind AS organisationKind, stance,
           text, text_kind AS textKind, context, language, date_said AS dateSaid, notes, source_id AS source,
           source_excerpt AS sourceExcerpt, excerpt_checked_on AS excerptCheckedOn
         FROM reactions WHERE id = ?`,
    ).get(id) as Omit<ReactionRecord, 'rounds' | 'entities'> | undefined
    if (!row) return null
    return {
      id: row.id,
      speaker: row.speaker,
      speakerRole: row.speakerRole,
      organisation: row.organisation,
      organisationKind: row.organisationKind,
      stance: row.stance,
      text: row.text,
      textKind: row.textKind,
      context: row.context,
      language: row.language,
      dateSaid: row.dateSaid,
      notes: row.notes,
      rounds: list(db, 'SELECT round_id FROM reaction_rounds WHERE reaction_id = ? ORDER BY round_id', id),
      entities: list(
        db,
        'SELECT entity_id FROM reaction_entities WHERE reaction_id = ? ORDER BY entity_id',
        id,
      ),
      source: row.source,
      sourceExcerpt: row.sourceExcerpt,
      excerptCheckedOn: row.excerptCheckedOn,
    }
  },
  note: (db, id) => {
    const row = statement(
      db,
      `SELECT id, entity_id AS entity, round_id AS round, text, source_id AS source, assessment
       FROM notes WHERE id = ?`,
    ).get(id) as (Omit<NoteRecord, 'assessment'> & { assessment: number }) | undefined
    return row ? { ...row, assessment: row.assessment === 1 } : null
  },
}

export function readRecord<T extends keyof RecordsByType>(
  db: Db,
  type: T,
  id: string,
): RecordsByType[T] | null {
  return readers[type](db, id)
}

/** The table each record type lives in (for retiring). */
export const RECORD_TABLES: { [T in keyof RecordsByType]: string } = {
  source: 'sources',
  round: 'rounds',
  entity: 'entities',
  designation: 'designations',
  reaction: 'reactions',
  note: 'notes',
}

/** Whether a record of this type and id is in the store. */
export function recordExists(db: Database.Database, type: keyof typeof RECORD_TABLES, id: string): boolean {
  return statement(db, `SELECT 1 FROM ${RECORD_TABLES[type]} WHERE id = ?`).get(id) !== undefined
}

/** Deletes one record's main row (its child rows go with it: ON DELETE CASCADE). */
export function deleteRecord(db: Database.Database, type: keyof typeof RECORD_TABLES, id: string): void {
  db.prepare(`DELETE FROM ${RECORD_TABLES[type]} WHERE id = ?`).run(id)
}

const ID_CHUNK = 10_000

/** Which of these ids the store has for the type, asked many ids at a time. */
export function* storedIdsAmong(
  db: Database.Database,
  type: keyof typeof RECORD_TABLES,
  ids: readonly string[],
): Generator<string> {
  const lookup = statement(
    db,
    `SELECT id FROM ${RECORD_TABLES[type]} WHERE id IN (SELECT value FROM json_each(?))`,
  ).pluck()
  for (let start = 0; start < ids.length; start += ID_CHUNK)
    yield* lookup.all(JSON.stringify(ids.slice(start, start + ID_CHUNK))) as string[]
}

/** Every id of a record type in the store. */
export function allIds(db: Database.Database, type: keyof typeof RECORD_TABLES): string[] {
  return db.prepare(`SELECT id FROM ${RECORD_TABLES[type]}`).pluck().all() as string[]
}

/** Every table whose rows cite a source. */
const CITING_TABLES = [
  'reactions',
  'designations',
  'entity_sources',
  'round_sources',
  'entity_reported_names',
  'notes',
] as const

/** How many rows of the store cite a source. */
export function citationsOf(db: Database.Database, sourceId: string): number {
  return CITING_TABLES.reduce(
    (count, table) =>
      count +
      (statement(db, `SELECT count(*) FROM ${table} WHERE source_id = ?`).pluck().get(sourceId) as number),
    0,
  )
}

import type Database from 'better-sqlite3'
import type { FieldChange } from '../../shared/updates'
import { statement } from './statement-cache'

type Db = Database.Database

/** What local edits hold of one record: fields whose latest change was a local edit's. */
interface Holding {
  fields: Set<string>
  /** Created by a local edit: every field is the writer's, but those changed since by an import. */
  created: boolean
  changedSince: Set<string>
}

/**
 * Which fields of which records are the user's own: changed last by a local edit still applied. An
 * import that changes one of them, or retires such a record, is in conflict with the user's edit
 * (import-bundle.ts asks keep mine / take theirs). Read once per import, from the change record of
 * the records local edits touched, from the first local edit on.
 */
export class LocalHoldings {
  private constructor(
    private readonly holdings: Map<string, Holding>,
    /** Entities and rounds ("entity:ID") the user wrote notes on, with those notes' ids. */
    private readonly annotated: Map<string, string[]> = new Map(),
  ) {}

  /** Nothing held: what a local edit meets (the user's own edits do not conflict with each other). */
  static none(): LocalHoldings {
    return new LocalHoldings(new Map())
  }

  static read(db: Db): LocalHoldings {
    const anyEdit = statement(
      db,
      "SELECT EXISTS (SELECT 1 FROM local_edits l JOIN imports i ON i.id = l.import_id WHERE i.status = 'applied')",
    )
      .pluck()
      .get() as number
    if (!anyEdit) return LocalHoldings.none()
    const rows = statement(
      db,
      `WITH edits AS (
         SELECT l.import_id FROM local_edits l JOIN imports i ON i.id = l.import_id WHERE i.status = 'applied'),
       touched AS (
         SELECT DISTINCT record_type, record_id FROM record_changes WHERE import_id IN (SELECT import_id FROM edits))
       SELECT rc.record_type AS type, rc.record_id AS id, rc.kind, rc.fields,
         rc.import_id IN (SELECT import_id FROM edits) AS local
       FROM record_changes rc JOIN imports i ON i.id = rc.import_id AND i.status = 'applied'
       WHERE rc.import_id >= (SELECT coalesce(min(import_id), 0) FROM edits)
         AND (rc.record_type, rc.record_id) IN (SELECT record_type, record_id FROM touched)
       ORDER BY rc.import_id DESC, rc.seq DESC`,
    ).all() as { type: string; id: string; kind: string; fields: string | null; local: number }[]
    const holdings = new Map<string, Holding>()
    const seen = new Map<string, Set<string>>()
    // Newest first: a field a later import changed is no longer the user's.
    for (const row of rows) {
      const key = `${row.type}:${row.id}`
      const later = seen.get(key) ?? new Set<string>()
      seen.set(key, later)
      const fields = row.fields === null ? [] : (JSON.parse(row.fields) as FieldChange[]).map((f) => f.field)
      if (row.local) {
        const holding = holdings.get(key) ?? { fields: new Set(), created: false, changedSince: new Set() }
        holdings.set(key, holding)
        if (row.kind === 'new') {
          holding.created = true
          holding.changedSince = new Set(later)
        }
        for (const field of fields) if (!later.has(field)) holding.fields.add(field)
      }
      for (const field of fields) later.add(field)
    }
    const annotated = new Map<string, string[]>()
    const notes = statement(
      db,
      `SELECT n.id, CASE WHEN n.entity_id IS NOT NULL THEN 'entity:' || n.entity_id ELSE 'round:' || n.round_id END AS subject
       FROM notes n JOIN local_edits l ON l.origin_id = n.origin_id
         JOIN imports i ON i.id = l.import_id AND i.status = 'applied'`,
    ).all() as { id: string; subject: string }[]
    for (const { id, subject } of notes) annotated.set(subject, [...(annotated.get(subject) ?? []), id])
    return new LocalHoldings(holdings, annotated)
  }

  /** The user's notes on an entity or a round (retiring it takes them with it). */
  notesOn(type: string, id: string): string[] {
    return this.annotated.get(`${type}:${id}`) ?? []
  }

  /** Whether the field's value is the user's own. */
  holds(type: string, id: string, field: string): boolean {
    const holding = this.holdings.get(`${type}:${id}`)
    if (!holding) return false
    return holding.fields.has(field) || (holding.created && !holding.changedSince.has(field))
  }

  /** Whether any of the record is the user's own, or the user annotated it (retiring it would drop a local edit). */
  holdsAny(type: string, id: string): boolean {
    return this.annotated.has(`${type}:${id}`) || this.holdsFieldsOf(type, id)
  }

  /** Whether fields of the record are the user's (corrected or written in the app). */
  holdsFieldsOf(type: string, id: string): boolean {
    const holding = this.holdings.get(`${type}:${id}`)
    return holding !== undefined && (holding.created || holding.fields.size > 0)
  }

  /** The entities the user corrected, wrote or wrote notes on, and still holds something of. */
  entityIds(): string[] {
    const ids = new Set<string>()
    for (const key of [...this.holdings.keys(), ...this.annotated.keys()]) {
      if (!key.startsWith('entity:')) continue
      const id = key.slice('entity:'.length)
      if (this.holdsAny('entity', id)) ids.add(id)
    }
    return [...ids]
  }

  get empty(): boolean {
    return this.holdings.size === 0
  }
}

import type Database from 'better-sqlite3'
import type { StoredChangeKind } from '../../shared/changes'
import type { FieldChange, RecordTypeName } from '../../shared/updates'
import type { RecordsByType } from './read-record'
import { barred } from './barred-list'
import { RowTable } from './row-batches'
import { statement } from './statement-cache'

type Db = Database.Database
type AnyRecord = RecordsByType[RecordTypeName]

const changeRows = new RowTable(
  'record_changes',
  [
    'import_id',
    'seq',
    'record_type',
    'record_id',
    'kind',
    'label',
    'entity_id',
    'country',
    'lists',
    'rounds',
    'fields',
  ],
  9,
)

/** Changes gathered before they are written, many rows per statement. */
const ROWS_PER_WRITE = 500

/**
 * Writes what an import does to each record into record_changes, with what the record was about then
 * (its country, lists and rounds), so the change stays readable after the record goes. The rounds'
 * lists and the entities' countries are learnt from the import's own records as they pass, and read
 * from the store only for records the import does not carry.
 */
export class ChangeRecorder {
  private values: unknown[] = []
  private seq = 0
  private readonly roundLists = new Map<string, string>()
  /** Each entity's name and country, as the import gives them or the store has them. */
  private readonly entities = new Map<string, { name: string; country: string | null }>()

  constructor(
    private readonly db: Db,
    private readonly importId: number,
  ) {}

  /** `record` is the record after the change, or before it when it was retired. */
  record(
    type: RecordTypeName,
    id: string,
    kind: 'new' | 'changed' | 'retired',
    label: string,
    record: AnyRecord,
    fields: FieldChange[],
  ): void {
    if (kind === 'changed' && onlyGainsSources(fields)) return
    let entityId: string | null = null
    let country: string | null = null
    let rounds: string[] = []
    let stored: StoredChangeKind = kind
    let shown = label
    if (type === 'entity') {
      const entity = record as RecordsByType['entity']
      entityId = entity.id
      country = entity.country
      this.entities.set(entity.id, { name: entity.name, country: entity.country })
    } else if (type === 'round') {
      const round = record as RecordsByType['round']
      rounds = [round.id]
      this.roundLists.set(round.id, round.list)
    } else if (type === 'designation') {
      const designation = record as RecordsByType['designation']
      entityId = designation.entity
      const entity = this.entityOf(designation.entity)
      country = entity?.country ?? null
      // A designation is read as the entity it lists.
      shown = entity?.name ?? label
      rounds = [designation.round]
      if (
        kind === 'changed' &&
        fields.some((f) => f.field === 'ended' && f.before === null && f.after !== null)
      )
        stored = 'ended'
    } else if (type === 'note') {
      // A note is read as what it is on: its entity (with its country), or its round.
      const note = record as RecordsByType['note']
      entityId = note.entity
      country = note.entity ? (this.entityOf(note.entity)?.country ?? null) : null
      rounds = note.round ? [note.round] : []
    } else if (type === 'reaction') {
      rounds = (record as RecordsByType['reaction']).rounds
    }
    const lists = new Set(rounds.map((round) => this.listOf(round)).filter((list) => list !== null))
    this.values.push(
      this.importId,
      this.seq++,
      type,
      id,
      stored,
      shown,
      entityId,
      country,
      barred(lists),
      barred(rounds),
      fields.length === 0 ? null : JSON.stringify(fields),
    )
    if (this.values.length >= ROWS_PER_WRITE * changeRows.columns.length) this.flush()
  }

  /**
   * Writes what is left, then gives each entity the lists and rounds it is designated in, now that its
   * designations (which come after it in an import) are written: one statement for the whole import.
   */
  finish(): void {
    this.flush()
    statement(
      this.db,
      `UPDATE record_changes SET
         rounds = coalesce((SELECT '|' || group_concat(round_id, '|') || '|' FROM
           (SELECT DISTINCT round_id FROM designations WHERE entity_id = record_changes.entity_id)), ''),
         lists = coalesce((SELECT '|' || group_concat(list, '|') || '|' FROM
           (SELECT DISTINCT r.list_name AS list FROM designations d JOIN rounds r ON r.id = d.round_id
             WHERE d.entity_id = record_changes.entity_id)), '')
       WHERE import_id = ? AND record_type = 'entity' AND kind != 'retired'`,
    ).run(this.importId)
  }

  private flush(): void {
    if (this.values.length === 0) return
    changeRows.insert(this.db, this.values)
    this.values = []
  }

  private listOf(roundId: string): string | null {
    let list = this.roundLists.get(roundId)
    if (list === undefined) {
      list = statement(this.db, 'SELECT list_name FROM rounds WHERE id = ?').pluck().get(roundId) as
        string | undefined
      if (list === undefined) return null
      this.roundLists.set(roundId, list)
    }
    return list
  }

  private entityOf(entityId: string): { name: string; country: string | null } | undefined {
    let entity = this.entities.get(entityId)
    if (!entity) {
      entity = statement(this.db, 'SELECT primary_name AS name, country FROM entities WHERE id = ?').get(
        entityId,
      ) as { name: string; country: string | null } | undefined
      if (entity) this.entities.set(entityId, entity)
    }
    return entity
  }
}

/**
 * Whether a change only cites one more source (a later edition of a list lists the record again): the
 * record says nothing new, so the Changes view does not list it; its sources show the new citation.
 */
function onlyGainsSources(fields: FieldChange[]): boolean {
  return fields.every((field) => {
    if (field.field !== 'sources') return false
    const before = (field.before as { source: string }[]).map((cited) => JSON.stringify(cited))
    const after = new Set((field.after as { source: string }[]).map((cited) => JSON.stringify(cited)))
    return before.every((cited) => after.has(cited))
  })
}

/** Forgets what an undone import changed. */
export function discardRecordedChanges(db: Db, importId: number): void {
  statement(db, 'DELETE FROM record_changes WHERE import_id = ?').run(importId)
}

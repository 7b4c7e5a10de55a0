import type Database from 'better-sqlite3'
import type { ChangeCounts, EditConflict, FieldChange, RecordChange } from '../../shared/updates'
import {
  deleteRecord,
  readRecord,
  recordExists,
  storedIdsAmong,
  type RecordsByType,
} from '../store/read-record'
import { flushRowBatches, newRecordDone, withRowBatches } from '../store/row-batches'
import * as write from '../store/write-records'
import { indexEntity, indexReaction, withDeferredIndexing } from '../store/search-index'
import type { ChangeRecorder } from '../store/change-recorder'
import type { EditConflicts } from './edit-conflicts'
import { BundleError } from './bundle-error'
import { RECORD_TYPES, recordSchemas, type RecordType } from './bundle-format'
import { recordIdOf, type OperationSpool } from './operation-spool'

type Db = Database.Database
type AnyRecord = RecordsByType[RecordType]

/** Lists whose order carries no meaning are compared and stored sorted. */
function normalise<T extends AnyRecord>(type: RecordType, record: T): T {
  if (type === 'entity') {
    const entity = record as RecordsByType['entity']
    return { ...entity, sectors: [...new Set(entity.sectors)].sort() } as T
  }
  if (type === 'reaction') {
    const reaction = record as RecordsByType['reaction']
    return {
      ...reaction,
      rounds: [...new Set(reaction.rounds)].sort(),
      entities: [...new Set(reaction.entities)].sort(),
    } as T
  }
  return record
}

function labelOf(type: RecordType, record: AnyRecord | null, id: string): string {
  if (!record) return id
  if (type === 'entity') return (record as RecordsByType['entity']).name
  if (type === 'round') {
    const round = record as RecordsByType['round']
    return round.citations[0] ?? round.title ?? id
  }
  if (type === 'source') return (record as RecordsByType['source']).publication
  if (type === 'reaction') {
    const reaction = record as RecordsByType['reaction']
    return [reaction.speaker, reaction.organisation].filter(Boolean).join(', ') || id
  }
  if (type === 'note') {
    const { text } = record as RecordsByType['note']
    return text.length > 60 ? `${text.slice(0, 60)}…` : text
  }
  return id
}

function diff(before: AnyRecord, after: AnyRecord): FieldChange[] {
  const fields: FieldChange[] = []
  for (const key of Object.keys(after) as (keyof AnyRecord)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      fields.push({ field: key, before: before[key], after: after[key] })
  }
  return fields
}

/**
 * Throws for the first thing a record refers to that does not exist now (in the store, or written
 * earlier by this bundle). Called when SQLite refused the record's write for a foreign key, to say which
 * reference it was: every reference is a foreign key, so the store checks them all as it writes, and a
 * lookup of each beforehand (300,000 of them in a bundle of 100,000 entities) would only repeat that.
 */
function explainDanglingReference(db: Db, type: RecordType, record: AnyRecord, where: string): void {
  const need = (refType: RecordType, id: string, field: string) => {
    if (recordExists(db, refType, id)) return
    throw new BundleError(
      'dangling-reference',
      `${where}: ${type} "${record.id}" field ${field} refers to ${refType} "${id}", which is neither in the store nor in this bundle.`,
    )
  }
  if (type === 'entity' || type === 'round') {
    for (const c of (record as RecordsByType['entity' | 'round']).sources) need('source', c.source, 'sources')
  }
  if (type === 'designation') {
    const d = record as RecordsByType['designation']
    need('entity', d.entity, 'entity')
    need('round', d.round, 'round')
    need('source', d.source, 'source')
  }
  if (type === 'note') {
    const n = record as RecordsByType['note']
    if (n.entity) need('entity', n.entity, 'entity')
    if (n.round) need('round', n.round, 'round')
    if (n.source) need('source', n.source, 'source')
  }
  if (type === 'reaction') {
    const r = record as RecordsByType['reaction']
    need('source', r.source, 'source')
    for (const id of r.rounds) need('round', id, 'rounds')
    for (const id of r.entities) need('entity', id, 'entities')
  }
}

/** What a note's schema cannot say: it is on one entity or one round, with a source or as an assessment. */
function checkNote(note: RecordsByType['note'], where: string): void {
  if ((note.entity === null) === (note.round === null))
    throw new BundleError(
      'invalid-payload',
      `${where}: note "${note.id}" must be on one entity or one round.`,
    )
  if ((note.source === null) !== note.assessment)
    throw new BundleError(
      'invalid-payload',
      `${where}: note "${note.id}" needs a source, or to be marked as the writer's own assessment (then without a source).`,
    )
}

/**
 * Writes a record; a reference to nothing is refused with what it refers to and where. A new record's
 * rows may be written later, with a batch (row-batches.ts), which then asks the same question.
 */
function writeRecord(
  db: Db,
  type: RecordType,
  record: AnyRecord,
  originId: number,
  isNew: boolean,
  where: string,
): void {
  if (type === 'note') checkNote(record as RecordsByType['note'], where)
  try {
    writeRecordRows(db, type, record, originId, isNew)
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
      explainDanglingReference(db, type, record, where)
    throw error
  }
  if (isNew) newRecordDone(db, () => explainDanglingReference(db, type, record, where))
}

function writeRecordRows(
  db: Db,
  type: RecordType,
  record: AnyRecord,
  originId: number,
  isNew: boolean,
): void {
  switch (type) {
    case 'source':
      return write.upsertSource(db, record as RecordsByType['source'], originId)
    case 'round':
      return write.upsertRound(db, record as RecordsByType['round'], originId, isNew)
    case 'entity':
      return write.upsertEntity(db, record as RecordsByType['entity'], originId, isNew)
    case 'designation':
      return write.upsertDesignation(db, record as RecordsByType['designation'], originId, isNew)
    case 'reaction':
      return write.upsertReaction(db, record as RecordsByType['reaction'], originId, isNew)
    case 'note':
      return write.upsertNote(db, record as RecordsByType['note'], originId, isNew)
  }
}

function retireRecord(db: Db, type: RecordType, id: string, where: string): void {
  flushRowBatches(db)
  try {
    deleteRecord(db, type, id)
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      throw new BundleError(
        'conflict',
        `${where}: ${type} "${id}" cannot be retired while other records still cite it.`,
      )
    }
    throw error
  }
  if (type === 'entity') indexEntity(db, id)
  if (type === 'reaction') indexReaction(db, id)
}

export interface AppliedChanges {
  counts: ChangeCounts[]
  /** Changed and retired records (what a reviewer must read) first, then the first new ones. */
  changes: RecordChange[]
  totalChanges: number
  /** Fields and records the import changes that the user edited in the app. */
  conflicts: EditConflict[]
}

/** How many records a preview describes in full; the counts always cover all of them. */
const LISTED_NEW = 500
const LISTED_CHANGED = 5_000

class ChangeLog {
  private readonly counts = new Map<RecordType, ChangeCounts>(
    RECORD_TYPES.map((type) => [type, { type, new: 0, changed: 0, retired: 0, unchanged: 0 }]),
  )
  private readonly reviewed: RecordChange[] = []
  private readonly added: RecordChange[] = []
  private total = 0

  record(change: RecordChange): void {
    this.counts.get(change.type)![change.kind]++
    this.total++
    if (change.kind === 'new') {
      if (this.added.length < LISTED_NEW) this.added.push(change)
    } else if (this.reviewed.length < LISTED_CHANGED) this.reviewed.push(change)
  }

  unchanged(type: RecordType): void {
    this.counts.get(type)!.unchanged++
  }

  result(conflicts: EditConflict[]): AppliedChanges {
    return {
      counts: [...this.counts.values()],
      changes: [...this.reviewed, ...this.added],
      totalChanges: this.total,
      conflicts,
    }
  }
}

/**
 * Applies a verified bundle's operations to the store and reports what each did, and with a `recorder`
 * (an import, not a preview) keeps every change in the store. Opens no transaction: the caller's
 * transaction decides whether the result is kept (apply) or rolled back (preview).
 */
export function applyOperations(
  db: Db,
  operations: OperationSpool,
  originId: number,
  recorder: ChangeRecorder | null,
  conflicts: EditConflicts,
): AppliedChanges {
  return withDeferredIndexing(
    db,
    () => {
      const applied = withRowBatches(db, () => applyInOrder(db, operations, originId, recorder, conflicts))
      recorder?.finish()
      return applied
    },
    operations.entityWriteCount,
  )
}

/**
 * Which records the operations concern may exist when their turn comes: those in the store, asked once,
 * many ids at a time, and those the operations have written since. The others (all of them in a first
 * import) need not each be looked for.
 */
class StoredRecords {
  private readonly stored = new Map<RecordType, Set<string>>(RECORD_TYPES.map((type) => [type, new Set()]))

  constructor(db: Db, operations: OperationSpool) {
    for (const type of RECORD_TYPES) {
      const stored = this.stored.get(type)!
      for (const id of storedIdsAmong(db, type, operations.idsOfType(type))) stored.add(id)
    }
  }

  /** False for a record neither in the store before nor written since. */
  mayExist(type: RecordType, id: string): boolean {
    return this.stored.get(type)!.has(id)
  }

  written(type: RecordType, id: string): void {
    this.stored.get(type)!.add(id)
  }
}

function readBefore(db: Db, stored: StoredRecords, type: RecordType, id: string): AnyRecord | null {
  if (!stored.mayExist(type, id)) return null
  // Its rows, or rows it is compared with, may still be waiting in a batch.
  flushRowBatches(db)
  return readRecord(db, type, id)
}

function applyInOrder(
  db: Db,
  operations: OperationSpool,
  originId: number,
  recorder: ChangeRecorder | null,
  conflicts: EditConflicts,
): AppliedChanges {
  const log = new ChangeLog()
  const stored = new StoredRecords(db, operations)
  for (const { operation, file, line } of operations.inApplyOrder()) {
    const where = `${file} line ${line}`
    const type = operation.type
    const id = recordIdOf(operation)
    const before = readBefore(db, stored, type, id)
    if (operation.op === 'retire') {
      if (!before)
        throw new BundleError(
          'dangling-reference',
          `${where}: cannot retire ${type} "${id}": it is not in the store.`,
        )
      const label = labelOf(type, before, id)
      if (conflicts.keepsRetired(type, id, label)) {
        log.unchanged(type)
        continue
      }
      // Taking theirs for a record the user annotated: the user's notes on it go first.
      for (const noteId of conflicts.notesOn(type, id)) {
        flushRowBatches(db)
        const note = readRecord(db, 'note', noteId)!
        retireRecord(db, 'note', noteId, where)
        const noteLabel = labelOf('note', note, noteId)
        log.record({ type: 'note', id: noteId, label: noteLabel, kind: 'retired', fields: [] })
        recorder?.record('note', noteId, 'retired', noteLabel, note, [])
      }
      retireRecord(db, type, id, where)
      log.record({ type, id, label, kind: 'retired', fields: [] })
      recorder?.record(type, id, 'retired', label, before, [])
      continue
    }
    let record: AnyRecord
    if (operation.op === 'correct') {
      if (!before)
        throw new BundleError(
          'dangling-reference',
          `${where}: cannot correct ${type} "${id}": it is not in the store.`,
        )
      if (operation.field === 'id' || !(operation.field in recordSchemas[type].shape)) {
        throw new BundleError(
          'invalid-payload',
          `${where}: ${type} has no field "${operation.field}" that can be corrected.`,
        )
      }
      const corrected = recordSchemas[type].safeParse({ ...before, [operation.field]: operation.value })
      if (!corrected.success) {
        const issue = corrected.error.issues[0]
        throw new BundleError(
          'invalid-payload',
          `${where}: the correction of ${type} "${id}" field ${operation.field} is invalid: ${issue.message}.`,
        )
      }
      record = corrected.data as AnyRecord
    } else {
      record = operation.record as AnyRecord
    }
    record = normalise(type, record)
    let fields = before ? diff(normalise(type, before), record) : []
    if (before && fields.length > 0) {
      // The user's own values, where they keep them against the import.
      record = conflicts.resolveChange(
        type,
        id,
        labelOf(type, record, id),
        normalise(type, before),
        record,
        fields,
      )
      fields = diff(normalise(type, before), record)
    }
    if (before && fields.length === 0) {
      log.unchanged(type)
      continue
    }
    writeRecord(db, type, record, originId, before === null, where)
    stored.written(type, id)
    const label = labelOf(type, record, id)
    const kind = before ? 'changed' : 'new'
    log.record({ type, id, label, kind, fields })
    recorder?.record(type, id, kind, label, record, fields)
  }
  return log.result(conflicts.found)
}

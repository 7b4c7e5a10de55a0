import type Database from 'better-sqlite3'
import type { ZodType } from 'zod'
import { CORRECTABLE_FIELDS, type FieldCorrection, type LocalEditResult } from '../../shared/local-edits'
import { recordSchemas, type Operation } from '../bundles/bundle-format'
import { recordIdOf } from '../bundles/operation-spool'
import { readRecord } from '../store/read-record'
import { UserError } from '../user-error'
import { applyLocalEdit, newLocalId } from './local-edits'
import { writtenSourceOperation } from './local-sources'

type Db = Database.Database

/**
 * Corrects one field of an entity or a round as a local edit: the new value, and the source that
 * supports it, added to the record's sources with what it supports ("the corrected original-script
 * name") so the correction is never a fact without a source.
 */
export function correctField(
  db: Db,
  correction: FieldCorrection,
  author: string,
  now: Date = new Date(),
): LocalEditResult {
  const { type, id, field, value, source, reason } = correction
  const record = readRecord(db, type, id) as (Record<string, unknown> & { sources: object[] }) | null
  if (!record)
    throw new UserError(`There is no ${type} "${id}" in the store. Nothing was written.`, 'not-found')
  const fieldName = (CORRECTABLE_FIELDS[type] as Record<string, string>)[field]
  const checked = (recordSchemas[type].shape as Record<string, ZodType>)[field].safeParse(value)
  if (!checked.success)
    throw new UserError(`value: ${checked.error.issues[0].message}. Nothing was written.`, 'invalid')
  if (JSON.stringify(record[field] ?? null) === JSON.stringify(value))
    throw new UserError(
      `The ${fieldName} already reads ${value === null ? 'as unknown' : `"${value}"`}: nothing to correct.`,
      'conflict',
    )
  const sourceId = newLocalId('source', now)
  const operations = [
    writtenSourceOperation(sourceId, source, true),
    // One write of the record, so the History and the counts show one change with both fields.
    {
      op: 'upsert',
      type,
      record: {
        ...record,
        [field]: value,
        sources: [...record.sources, { source: sourceId, supports: `the corrected ${fieldName}` }],
      },
    },
  ] as Operation[]
  const label = String(type === 'entity' ? record.name : (record.title ?? id))
  const edit = applyLocalEdit(
    db,
    {
      author,
      description: `Corrected the ${fieldName} of ${label}${reason ? ` (${reason})` : ''}`,
      operations,
    },
    now,
  )
  return { edit, recordIds: operations.map(recordIdOf) }
}

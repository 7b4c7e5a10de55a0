import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { operationSchemas, type LocatedOperation, type Operation } from '../bundles/bundle-format'
import type { PendingUpdate } from '../bundles/import-bundle'
import { OperationSpool } from '../bundles/operation-spool'
import { ImportError } from './import-error'
import { planImport, type MatchDecisions, type PlannedOperation } from './plan-import'
import { readSource } from './read-source'
import { SOURCE_FORMAT_NAMES, type SourceFormat } from './source-entry'

/** A preview lists this many warnings; the rest are counted. */
const WARNING_LIMIT = 200

export interface SourceOptions {
  /** Keep only this CSL source list ("Entity List", "EL", "SDN" …). */
  source?: string
  decisions?: MatchDecisions
  now?: Date
}

/** Checks a planned operation with the bundle schemas, so an import is held to the same rules as a bundle. */
function validated(operation: PlannedOperation, index: number, fileName: string): LocatedOperation {
  const result = operationSchemas[operation.op][operation.type].safeParse(operation)
  if (!result.success) {
    const record = operation.op === 'upsert' ? operation.record.id : operation.id
    const issue = result.error.issues[0]
    throw new ImportError(
      `${fileName}: the ${operation.type} "${record}" made from it is not valid (${issue.path.join('.')}: ${issue.message}).`,
    )
  }
  return { operation: result.data as Operation, file: fileName, line: index + 1 }
}

/**
 * A published list as an update the store can preview, apply and undo like a bundle. It is unsigned,
 * so applying it needs the user's yes; so does importing parties that might already be in the store.
 */
export function pendingFromSource(
  db: Database.Database,
  bytes: Buffer,
  fileName: string,
  format: SourceFormat,
  options: SourceOptions = {},
): PendingUpdate {
  const now = options.now ?? new Date()
  const hash = createHash('sha256').update(bytes).digest('hex')
  const parsed = readSource(bytes, fileName, format, { source: options.source })
  const plan = planImport(db, parsed, hash, options.decisions)
  // Validated one at a time into the spool (on disk past its threshold), each planned operation let go
  // as it goes: the planned and the validated copies of a large list are never all in memory together.
  const operations = new OperationSpool()
  try {
    const planned = plan.operations
    for (let index = 0; index < planned.length; index++) {
      operations.add(validated(planned[index], index, fileName))
      delete planned[index]
    }
    planned.length = 0
  } catch (error) {
    operations.discard()
    throw error
  }
  const confirmations = [
    `${fileName} is not signed: nothing proves who published it or that it is unchanged. Import it as an unsigned ${SOURCE_FORMAT_NAMES[format]}?`,
  ]
  if (plan.matching.ambiguousCount > 0) {
    confirmations.push(
      `${plan.matching.ambiguousCount} listed ${plan.matching.ambiguousCount === 1 ? 'party looks' : 'parties look'} like more than one entity, or like an entity with another country; ${plan.matching.ambiguousCount === 1 ? 'it' : 'they'} will be added as new entities unless you choose a match. Continue?`,
    )
  }
  const warnings =
    plan.warnings.length > WARNING_LIMIT
      ? [
          ...plan.warnings.slice(0, WARNING_LIMIT),
          `… and ${plan.warnings.length - WARNING_LIMIT} more warnings.`,
        ]
      : plan.warnings
  const filtered = options.source ? ` (source "${options.source}")` : ''
  return {
    summary: {
      signed: false,
      format,
      // The file's own hash (and the filter): importing the same file again changes nothing.
      bundleId: `file:${hash}${options.source ? `:${options.source.toLowerCase()}` : ''}`,
      fileName,
      publisher: `${SOURCE_FORMAT_NAMES[format]}${filtered}, unsigned file`,
      keyId: 'unsigned',
      sequence: 0,
      created: now.toISOString(),
      expires: '',
      dataAsOf: now.toISOString().slice(0, 10),
      expired: false,
      operations: operations.count,
    },
    operations,
    warnings,
    confirmations,
    origin: { kind: 'import', label: `Unsigned ${format.toUpperCase()} file ${fileName}${filtered}` },
    matching: plan.matching,
    judgements: plan.judgements,
  }
}

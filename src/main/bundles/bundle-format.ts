import { z } from 'zod'
import {
  designationRecord,
  noteRecord,
  entityRecord,
  isoDate,
  reactionRecord,
  recordId,
  roundRecord,
  sourceRecord,
} from '../records/record-schemas'

/** The version of docs/bundle-format.md this code reads and writes. */
export const BUNDLE_FORMAT_VERSION = 1
export const MANIFEST_PATH = 'manifest.json'
export const SIGNATURE_PATH = 'manifest.sig'
/** Payload files: JSON Lines under payload/, plain names only (no folders, no dots at the start). */
export const PAYLOAD_PATH = /^payload\/[a-z0-9][a-z0-9_-]{0,99}\.jsonl$/

/** Hard limits checked before anything is decompressed (zip bombs) or parsed. */
export const BUNDLE_LIMITS = {
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 1_000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxManifestBytes: 1024 * 1024,
  /** One operation per line: no operation needs more (strings are at most 20,000 characters). */
  maxLineChars: 1024 * 1024,
} as const

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hexadecimal characters')
const instant = z.iso.datetime({ offset: true })

export const manifestSchema = z.strictObject({
  format: z.literal('sanctions-briefing-bundle'),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  publisher: z.string().trim().min(1).max(200),
  keyId: sha256Hex,
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  created: instant,
  expires: instant,
  dataAsOf: isoDate,
  payloads: z
    .array(
      z.strictObject({
        path: z.string().regex(PAYLOAD_PATH, 'payload paths look like payload/name.jsonl'),
        size: z.number().int().min(0).max(BUNDLE_LIMITS.maxTotalBytes),
        sha256: sha256Hex,
      }),
    )
    .min(1)
    .max(BUNDLE_LIMITS.maxEntries - 2),
})
export type Manifest = z.output<typeof manifestSchema>

export const signatureSchema = z.strictObject({
  algorithm: z.literal('ed25519'),
  keyId: sha256Hex,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature is 64 bytes in base64'),
})

export const RECORD_TYPES = ['source', 'round', 'entity', 'designation', 'reaction', 'note'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

export const recordSchemas = {
  source: sourceRecord,
  round: roundRecord,
  entity: entityRecord,
  designation: designationRecord,
  reaction: reactionRecord,
  note: noteRecord,
} as const

const upsert = <T extends RecordType>(type: T) =>
  z.strictObject({ op: z.literal('upsert'), type: z.literal(type), record: recordSchemas[type] })
const retire = <T extends RecordType>(type: T) =>
  z.strictObject({
    op: z.literal('retire'),
    type: z.literal(type),
    id: recordId,
    reason: z.string().trim().min(1).max(2_000).nullable().default(null),
  })
/** The fields of a record type a correction may change: every field but its id. */
function correctableFields(type: RecordType): [string, ...string[]] {
  const fields = Object.keys(recordSchemas[type].shape).filter((field) => field !== 'id')
  return fields as [string, ...string[]]
}

/** A correction names a field its record type has (its value is checked by correctionValueProblem). */
const correct = <T extends RecordType>(type: T) =>
  z.strictObject({
    op: z.literal('correct'),
    type: z.literal(type),
    id: recordId,
    field: z.enum(correctableFields(type), {
      error: (issue) =>
        `${type} has no field ${JSON.stringify(issue.input)} that can be corrected (fields: ${correctableFields(type).join(', ')})`,
    }),
    value: z.unknown(),
    reason: z.string().trim().min(1).max(2_000).nullable().default(null),
  })

/**
 * Whether a correction's value is one its field accepts, checked without the store so that `bundle
 * verify` and `bundle create` refuse what every import would. Null when it is; else the problem.
 */
export function correctionValueProblem(operation: {
  type: RecordType
  field: string
  value: unknown
}): string | null {
  const shape = recordSchemas[operation.type].shape as Record<string, z.ZodType>
  const checked = shape[operation.field]?.safeParse(operation.value)
  if (!checked || checked.success) return null
  const issue = checked.error.issues[0]
  return `value${issue.path.length ? `.${issue.path.join('.')}` : ''}: not a valid ${operation.field}: ${issue.message}`
}

function perType<S extends z.ZodType>(make: (type: RecordType) => S): Record<RecordType, S> {
  return Object.fromEntries(RECORD_TYPES.map((type) => [type, make(type)])) as Record<RecordType, S>
}

/** One schema per operation and record type, looked up directly (faster than trying a union). */
export const operationSchemas = {
  upsert: perType(upsert),
  retire: perType(retire),
  correct: perType(correct),
}

/** One line of a payload. */
export const operationSchema = z.union([
  ...Object.values(operationSchemas.upsert),
  ...Object.values(operationSchemas.retire),
  ...Object.values(operationSchemas.correct),
])
export type Operation = z.output<typeof operationSchema>

/** An operation with where it came from, for messages a publisher can act on. */
export interface LocatedOperation {
  operation: Operation
  file: string
  line: number
}

import { z } from 'zod'
import { SAFE_TEXT } from '../../shared/text-safety'
import {
  DESIGNATION_ACTIONS,
  ENTITY_TYPES,
  ORGANISATION_KINDS,
  RELIABILITIES,
  STANCES,
  TEXT_KINDS,
} from '../../shared/domain'

/**
 * The shape of records as they arrive from outside the store: the default dataset today, update bundles
 * and importers tomorrow. One schema, so every way in is held to the same rules.
 */
export const recordId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids use lower-case letters, digits, ".", "_" and "-"')
/** Longest string any field may hold: a long quotation fits, a runaway or hostile value does not. */
export const MAX_TEXT_LENGTH = 20_000
const MAX_LIST_LENGTH = 1_000
const text = z
  .string()
  .trim()
  .min(1)
  .max(MAX_TEXT_LENGTH)
  .regex(SAFE_TEXT, 'contains a control or bidirectional-override character (shown as \\u…); remove it')
const optionalText = text.nullable().default(null)
/** Year, year-month or full date: sources often give only a month ("Oct 2019"). */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD')
const optionalDate = isoDate.nullable().default(null)

export const sourceRecord = z.strictObject({
  id: recordId,
  publication: text,
  title: optionalText,
  date: optionalDate,
  url: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'URLs start with http:// or https://')
    .nullable()
    .default(null),
  reliability: z.enum(RELIABILITIES),
  note: optionalText,
})

export const citationRef = z.strictObject({
  source: recordId,
  supports: optionalText,
})

export const entityRecord = z.strictObject({
  id: recordId,
  name: text,
  originalName: optionalText,
  /** Why the original-script name should be read with care (single source, conflicting sources...). */
  originalNameNote: optionalText,
  type: z.enum(ENTITY_TYPES),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'countries are ISO 3166-1 alpha-2 codes such as CN or HK')
    .nullable()
    .default(null),
  sectors: z.array(text).max(MAX_LIST_LENGTH).default([]),
  aliases: z.array(text).max(MAX_LIST_LENGTH).default([]),
  addresses: z.array(text).max(MAX_LIST_LENGTH).default([]),
  notes: optionalText,
  sources: z.array(citationRef).min(1, 'every entity needs at least one source').max(MAX_LIST_LENGTH),
  /**
   * Names the press or another list gives it, which are not names it is listed under: shown as "also
   * reported as", each with its source and what it is (e.g. "on the Treasury's NS-CMIC list").
   */
  reportedNames: z
    .array(z.strictObject({ name: text, source: recordId, note: optionalText }))
    .max(MAX_LIST_LENGTH)
    .default([]),
  /** Identifiers lists give it ("ru-inn", "csl-entity-number", "opensanctions" …): proof of identity. */
  identifiers: z
    .array(z.strictObject({ scheme: z.string().trim().min(1).max(100), value: text }))
    .max(MAX_LIST_LENGTH)
    .default([]),
})

export const roundRecord = z.strictObject({
  id: recordId,
  list: text,
  title: optionalText,
  citations: z.array(text).max(MAX_LIST_LENGTH).default([]),
  frDocNumber: optionalText,
  docket: optionalText,
  rin: optionalText,
  announced: optionalDate,
  published: optionalDate,
  effective: optionalDate,
  basis: optionalText,
  declaredCount: z.number().int().min(0).nullable().default(null),
  notes: optionalText,
  sources: z.array(citationRef).min(1, 'every round needs at least one source').max(MAX_LIST_LENGTH),
})

export const designationRecord = z.strictObject({
  id: recordId,
  entity: recordId,
  round: recordId,
  action: z.enum(DESIGNATION_ACTIONS),
  date: optionalDate,
  licenseRequirement: optionalText,
  licensePolicy: optionalText,
  citation: optionalText,
  source: recordId,
  /** The date the listing ends or ended (a Denied Persons order's end): null when the list gives none. */
  ended: optionalDate,
  /** The programmes or legal bases the list gives for it ("EAR", "SDGT; IRAN"), as published. */
  programs: optionalText,
})

export const reactionRecord = z.strictObject({
  id: recordId,
  speaker: optionalText,
  speakerRole: optionalText,
  organisation: optionalText,
  organisationKind: z.enum(ORGANISATION_KINDS),
  stance: z.enum(STANCES).nullable().default(null),
  text,
  textKind: z.enum(TEXT_KINDS),
  context: optionalText,
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'languages are BCP 47 tags such as en or zh-Hans'),
  dateSaid: optionalDate,
  notes: optionalText,
  rounds: z.array(recordId).max(MAX_LIST_LENGTH).default([]),
  entities: z.array(recordId).max(MAX_LIST_LENGTH).default([]),
  source: recordId,
  /** For verbatim text: the passage of the source it was checked against, as the source prints it. */
  sourceExcerpt: optionalText,
  /** The date the text was checked against that passage. */
  excerptCheckedOn: optionalDate,
})

/**
 * A note an office writes on an entity or a round: a short text with its source, or marked as the
 * writer's own assessment (then without a source). That it is on exactly one of the two, and has a
 * source or is an assessment, is checked where it is written (apply-operations.ts) and by the store.
 */
export const noteRecord = z.strictObject({
  id: recordId,
  entity: recordId.nullable().default(null),
  round: recordId.nullable().default(null),
  text: text.max(2_000),
  source: recordId.nullable().default(null),
  assessment: z.boolean().default(false),
})

export type SourceRecord = z.output<typeof sourceRecord>
export type CitationRef = z.output<typeof citationRef>
export type EntityRecord = z.output<typeof entityRecord>
export type RoundRecord = z.output<typeof roundRecord>
export type DesignationRecord = z.output<typeof designationRecord>
export type ReactionRecord = z.output<typeof reactionRecord>
export type NoteRecord = z.output<typeof noteRecord>

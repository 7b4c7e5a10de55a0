import { z } from 'zod'
import { ORGANISATION_KINDS, RELIABILITIES, STANCES, TEXT_KINDS } from './domain'
import { withThousands } from './format'
import { SAFE_TEXT } from './text-safety'
import type { ChangeCounts } from './updates'
import { QUOTATION_MARKS, quoteNotInExcerpt } from './verbatim-check'

/** Longest text a field written in the app may hold: the same bound as a record's in a bundle. */
export const MAX_WRITTEN_TEXT = 20_000

const written = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${withThousands(max)} characters`)
    .regex(SAFE_TEXT, 'contains a control or bidirectional-override character; remove it')
const required = (max: number, what: string) => written(max).min(1, `${what} is required`)
/** Left empty, a field is unknown: stored as null, shown as not recorded. */
const optional = (max: number) =>
  written(max)
    .nullish()
    .transform((value) => (value ? value : null))

const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/

/** Today, as the writer's clock gives it (YYYY-MM-DD, UTC). */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10)
}

/** A date as sources give them (YYYY, YYYY-MM or YYYY-MM-DD), not after today. */
const pastDate = z
  .string()
  .trim()
  .regex(datePattern, 'a date as YYYY-MM-DD (or YYYY-MM, YYYY)')
  .refine((date) => date <= today().slice(0, date.length), 'a date in the future')
const optionalPastDate = z
  .union([z.literal(''), pastDate])
  .nullish()
  .transform((value) => (value ? value : null))

const recordId = z.string().min(1).max(200)

/** A source written in the app backs what it is cited for alone unless the writer says otherwise. */
export const RELIABILITY_DEFAULT = 'single' satisfies (typeof RELIABILITIES)[number]

/** Where a reaction was read: the publication, and for a verbatim text the passage it was checked against. */
export const writtenSourceSchema = z
  .object({
    publication: required(300, 'the publication'),
    title: optional(1000),
    date: optionalPastDate,
    url: z
      .string()
      .trim()
      .max(2048, 'at most 2,048 characters')
      .regex(/^https?:\/\/\S+$/i, 'a link starting with http:// or https://')
      .nullish()
      .or(z.literal(''))
      .transform((value) => (value ? value : null)),
    /** The source's own words the verbatim text was checked against, as the source prints them. */
    excerpt: optional(MAX_WRITTEN_TEXT),
    /** How well it backs the reaction; "single" (one source, not confirmed by another) unless said. */
    reliability: z
      .enum(RELIABILITIES, { error: `one of ${RELIABILITIES.join(', ')}` })
      .default(RELIABILITY_DEFAULT),
  })
  .strict()

/** A reaction as a writer records it in the app (form or `reaction add --json`). */
export const writtenReactionSchema = z
  .object({
    text: required(MAX_WRITTEN_TEXT, 'the text'),
    textKind: z.enum(TEXT_KINDS, { error: 'verbatim or paraphrase' }),
    language: z
      .string()
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'a language tag such as en or zh-Hans')
      .default('en'),
    speaker: optional(300),
    speakerRole: optional(300),
    organisation: optional(300),
    organisationKind: z.enum(ORGANISATION_KINDS, {
      error: `one of ${ORGANISATION_KINDS.join(', ')}`,
    }),
    stance: z
      .enum(STANCES, { error: `one of ${STANCES.join(', ')}` })
      .nullish()
      .transform((value) => value ?? null),
    dateSaid: optionalPastDate,
    context: optional(2000),
    notes: optional(MAX_WRITTEN_TEXT),
    rounds: z.array(recordId).max(500).default([]),
    entities: z.array(recordId).max(500).default([]),
    source: writtenSourceSchema,
  })
  .strict()
  .superRefine((reaction, context) => {
    if (reaction.textKind === 'paraphrase' && QUOTATION_MARKS.test(reaction.text))
      context.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'a paraphrase holds quotation marks: only verbatim text may be quoted',
      })
    if (reaction.textKind !== 'verbatim') return
    if (!reaction.source.excerpt) {
      context.addIssue({
        code: 'custom',
        path: ['source', 'excerpt'],
        message: "verbatim text needs the source's passage it was checked against",
      })
      return
    }
    const mismatch = quoteNotInExcerpt(reaction.text, reaction.source.excerpt)
    if (mismatch)
      context.addIssue({ code: 'custom', path: ['text'], message: `not the source's words: ${mismatch}` })
  })

export type WrittenReaction = z.output<typeof writtenReactionSchema>
export type WrittenReactionInput = z.input<typeof writtenReactionSchema>

/** The name local edits are signed with in the app ("local, by …"). */
export const authorNameSchema = z.string().trim().min(1, 'a name is required').max(100)

/** One edit written in the app, as the edits list shows it. */
export interface LocalEdit {
  /** The import id the edit was applied as (undo takes it like any import). */
  id: number
  /** When it was applied (a redo: when it was applied again). */
  at: string
  /** When the writer wrote it: a redo keeps the first edit's time. */
  writtenAt: string
  author: string
  description: string
  status: 'applied' | 'undone'
  undoneAt: string | null
  counts: ChangeCounts[]
  /** The undone edit this one applied again (a redo), or null. */
  redoneFrom: number | null
}

/** What a local edit did, and what it wrote. */
export interface LocalEditResult {
  edit: LocalEdit
  /** The ids of the records it added (a reaction: the reaction, then its source). */
  recordIds: string[]
}

/** The edits list: every local edit, newest first, which one redo would apply, and the author's name. */
export interface LocalEdits {
  edits: LocalEdit[]
  redoable: number | null
  author: string | null
}

/** A key made in the app to publish local edits (its private part stays encrypted in the store). */
export interface SigningKey {
  keyId: string
  publisher: string
  created: string
  expires: string
}

/** A bundle published from the store's local edits. */
export interface Publication {
  id: number
  keyId: string
  publisher: string
  sequence: number
  publishedAt: string
  /** The newest local edit it holds: the next publication starts after it. */
  lastEdit: number
  /** The local edits it holds (their ids). */
  edits: number[]
  operations: number
  fileName: string
}

/** Keys made in the app, the local edits not yet published (oldest first), and past publications. */
export interface PublishingState {
  keys: SigningKey[]
  unpublished: LocalEdit[]
  publications: Publication[]
}

/** A public key file, for colleagues to trust: its file name and text. */
export interface PublicKeyExport {
  fileName: string
  text: string
}

/** The shortest passphrase a key made in the app is encrypted with. */
export const MIN_PASSPHRASE_LENGTH = 10

/** The fields of an entity or a round a writer may correct in the app, with how they are named. */
export const CORRECTABLE_FIELDS = {
  entity: {
    name: 'name',
    originalName: 'original-script name',
    originalNameNote: 'note on the original-script name',
    country: 'country',
    notes: 'notes',
  },
  round: { title: 'title', basis: 'basis', notes: 'notes' },
} as const
export type CorrectableType = keyof typeof CORRECTABLE_FIELDS

/** A correction of one field of an entity or a round, with the source that supports it. */
export const fieldCorrectionSchema = z
  .object({
    type: z.enum(['entity', 'round']),
    id: recordId,
    field: z.string().min(1).max(50),
    /** The corrected value; empty clears the field (then unknown). */
    value: optional(MAX_WRITTEN_TEXT),
    source: writtenSourceSchema,
    /** Why the value was wrong, as the writer says it. */
    reason: optional(2000),
  })
  .strict()
  .superRefine((correction, context) => {
    const fields = CORRECTABLE_FIELDS[correction.type] as Record<string, string>
    if (!(correction.field in fields))
      context.addIssue({
        code: 'custom',
        path: ['field'],
        message: `a field of the ${correction.type} that can be corrected: ${Object.keys(fields).join(', ')}`,
      })
    if (correction.value === null && correction.field === 'name')
      context.addIssue({ code: 'custom', path: ['value'], message: 'a name is required' })
  })
export type FieldCorrection = z.output<typeof fieldCorrectionSchema>
export type FieldCorrectionInput = z.input<typeof fieldCorrectionSchema>

/** A note on an entity or a round as a writer records it: with its source, or as their own assessment. */
export const writtenNoteSchema = z
  .object({
    entity: recordId.optional(),
    round: recordId.optional(),
    text: required(2000, 'the text'),
    /** The writer's own assessment: then no source. */
    assessment: z.boolean().default(false),
    source: writtenSourceSchema.optional(),
  })
  .strict()
  .superRefine((note, context) => {
    if ((note.entity === undefined) === (note.round === undefined))
      context.addIssue({ code: 'custom', path: ['entity'], message: 'a note is on one entity or one round' })
    if (note.assessment && note.source)
      context.addIssue({
        code: 'custom',
        path: ['source'],
        message: "the writer's own assessment has no source: remove it, or untick the assessment",
      })
    if (!note.assessment && !note.source)
      context.addIssue({
        code: 'custom',
        path: ['source', 'publication'],
        message: 'the publication is required (or mark the note as your own assessment)',
      })
  })
export type WrittenNote = z.output<typeof writtenNoteSchema>
export type WrittenNoteInput = z.input<typeof writtenNoteSchema>

import { VIEW_NAMES } from './app-commands'
import type { Overview } from './overview'
import { z } from 'zod'
import type { ApiCallName } from './api-names'
import type {
  ImportHistoryEntry,
  ImportPreview,
  ImportResult,
  Judgement,
  RecordTypeName,
  TrustedKey,
} from './updates'
import type { Watch } from './watches'
import {
  MIN_PASSPHRASE_LENGTH,
  authorNameSchema,
  fieldCorrectionSchema,
  writtenNoteSchema,
  writtenReactionSchema,
  type LocalEdit,
  type LocalEditResult,
  type LocalEdits,
  type Publication,
  type PublicKeyExport,
  type PublishingState,
  type SigningKey,
} from './local-edits'
import {
  CHANGE_RECORD_TYPES,
  STORED_CHANGE_KINDS,
  type ChangesPage,
  type EntityHistoryEvent,
  type StoredChangeKind,
} from './changes'
import {
  ENTITY_SORT_COLUMNS,
  MIN_FUZZY_SCORE,
  type EntityPage,
  type ListViewState,
  type TableViews,
} from './entity-query'
import { ENTITY_TYPES } from './domain'
import { withThousands } from './format'
import {
  BRIEFING_ENTITY_COLUMNS,
  BRIEFING_LIMITS,
  BRIEFING_SECTIONS,
  ENTITY_GROUPINGS,
  PAPER_SIZES,
  REACTION_GROUPINGS,
  type BriefingPdf,
  type SavedBriefing,
} from './briefing'
import type {
  AppInfo,
  EntityDetail,
  EntitySummary,
  Reaction,
  RoundDetail,
  RoundSummary,
  SearchHit,
  Stats,
} from './domain'

/** Upper bounds that keep a hostile or buggy caller from making the main process do unbounded work. */
export const LIMITS = {
  idLength: 200,
  queryLength: 500,
  maxResults: 1000,
  /** A staged bundle file, before base64 (which adds a third). */
  maxUpdateFileBytes: 128 * 1024 * 1024,
  keyFileLength: 10_000,
} as const

/** Request bodies the loopback host accepts: small for every call, large only for staging a file. */
export function maxBodyBytesFor(name: ApiCallName): number {
  return name === 'stageUpdate' ? Math.ceil((LIMITS.maxUpdateFileBytes * 4) / 3) + 4096 : 1024 * 1024
}

const recordId = z.string().min(1).max(LIMITS.idLength)
const isoDatePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/
const noInput = z.object({}).strict()
const importIdInput = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)
const isoDay = z.string().regex(isoDatePattern, 'a date as YYYY-MM-DD (or YYYY-MM, YYYY)')
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'a key fingerprint (64 hexadecimal characters)')
const uploadId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'an upload id as returned by stageUpdate')

/** The lowest fuzzy name score a search accepts; 100 means words must match as typed. */
const minScoreInput = z.number().int().min(MIN_FUZZY_SCORE).max(100)

/** For a published list: one CSL source to keep, and the user's answers for possible matches. */
const listImportOptions = {
  source: z.string().min(1).max(200).optional(),
  decisions: z
    .record(z.string().max(500), z.union([z.literal('new'), recordId]))
    .refine((value) => Object.keys(value).length <= 10_000, 'at most 10,000 decisions')
    .optional(),
}

/** The Entities table's query: search, set filters, date range, sort and the page wanted. */
const entityQueryInput = z
  .object({
    search: z.string().max(LIMITS.queryLength).default(''),
    filters: z
      .object({
        country: z.array(z.string().max(2)).max(300).optional(),
        type: z.array(z.enum(ENTITY_TYPES)).max(ENTITY_TYPES.length).optional(),
        sector: z.array(z.string().max(100)).max(500).optional(),
        round: z.array(recordId).max(500).optional(),
        programme: z.array(z.string().max(200)).max(500).optional(),
        firstAdded: z
          .object({
            from: z.string().regex(isoDatePattern).optional(),
            to: z.string().regex(isoDatePattern).optional(),
          })
          .strict()
          .optional(),
        /** "Contains" filters on the text columns, case and accents aside. */
        text: z
          .object({
            name: z.string().max(200).optional(),
            originalName: z.string().max(200).optional(),
            aliases: z.string().max(200).optional(),
          })
          .strict()
          .optional(),
        /** Only the entities the user starred. */
        watched: z.boolean().optional(),
        /** Only the entities the user corrected, wrote or wrote notes on in the app. */
        local: z.boolean().optional(),
      })
      .strict()
      .default({}),
    sort: z
      .array(z.object({ column: z.enum(ENTITY_SORT_COLUMNS), desc: z.boolean() }).strict())
      .max(ENTITY_SORT_COLUMNS.length)
      .default([]),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(LIMITS.maxResults).default(200),
    /** Below 100, the search also finds names like the query (fuzzy); 100 keeps to word matches. */
    minScore: minScoreInput.default(100),
    /** Facet counts are for the first page; later pages of the same query skip them. */
    facets: z.boolean().default(true),
  })
  .strict()

/** What a briefing covers: the Entities table's current view, whole rounds, or picked entities. */
const briefingScope = z.discriminatedUnion('kind', [
  entityQueryInput
    .pick({ search: true, filters: true, sort: true, minScore: true })
    .extend({ kind: z.literal('query') })
    .strict(),
  z.object({ kind: z.literal('rounds'), roundIds: z.array(recordId).max(500) }).strict(),
  z
    .object({
      kind: z.literal('entities'),
      entityIds: z.array(recordId).max(BRIEFING_LIMITS.maxPickedIds),
    })
    .strict(),
  /** What imports changed: since a day (every import from it on), or in one import. */
  z
    .object({ kind: z.literal('changes'), since: isoDay.optional(), importId: importIdInput.optional() })
    .strict()
    .refine((scope) => (scope.since === undefined) !== (scope.importId === undefined), {
      message: 'changes since a date or in one import: one of the two',
    }),
])

const text = (max: number) => z.string().max(max, `at most ${withThousands(max)} characters`)

/** Everything a writer sets for a briefing; also what is saved when a briefing is kept in the store. */
export const briefingSettingsSchema = z
  .object({
    scope: briefingScope,
    title: text(BRIEFING_LIMITS.titleLength).refine((title) => title.trim() !== '', 'a title is required'),
    subtitle: text(BRIEFING_LIMITS.subtitleLength).default(''),
    author: text(BRIEFING_LIMITS.authorLength).default(''),
    date: z
      .union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd')])
      .default(''),
    summary: text(BRIEFING_LIMITS.summaryLength).default(''),
    banner: text(BRIEFING_LIMITS.bannerLength).default(''),
    paper: z.enum(PAPER_SIZES).default('letter'),
    sections: z
      .array(z.enum(BRIEFING_SECTIONS))
      .min(1, 'at least one section')
      .max(BRIEFING_SECTIONS.length)
      .default([...BRIEFING_SECTIONS]),
    entityColumns: z
      .array(z.enum(BRIEFING_ENTITY_COLUMNS))
      .min(1, 'at least one column')
      .max(BRIEFING_ENTITY_COLUMNS.length)
      .default(['name', 'originalName', 'country', 'sector', 'licensePolicy']),
    entityGrouping: z.enum(ENTITY_GROUPINGS).default('round'),
    reactionGrouping: z.enum(REACTION_GROUPINGS).default('organisationKind'),
  })
  .strict()

/** How a reviewer laid a table out: column widths in pixels, and how far down it was scrolled. */
const layoutState = {
  hiddenColumns: z.array(z.string().max(50)).max(50).default([]),
  /** Column ids in the order the reviewer put them; columns not named keep their place after these. */
  columnOrder: z.array(z.string().max(50)).max(50).default([]),
  columnSizes: z
    .record(z.string().max(50), z.number().int().min(40).max(2000))
    .refine((sizes) => Object.keys(sizes).length <= 50, 'at most 50 columns')
    .default({}),
  scrollTop: z.number().min(0).max(100_000_000).default(0),
}

/** The Entities table's state worth keeping: its query and its layout. */
export const tableViewStateSchema = entityQueryInput
  .pick({ search: true, filters: true, sort: true, minScore: true })
  .extend(layoutState)
  .strict()

const dateRange = z
  .object({
    from: z.string().regex(isoDatePattern).optional(),
    to: z.string().regex(isoDatePattern).optional(),
  })
  .strict()

/**
 * The Rounds and Reactions tables' state: they filter in the renderer, so a filter is any facet id with
 * its kept values; an id the table does not know is ignored there.
 */
export const listViewStateSchema = z
  .object({
    search: z.string().max(LIMITS.queryLength).default(''),
    filters: z
      .record(z.string().max(50), z.array(z.string().max(500)).max(1000))
      .refine((filters) => Object.keys(filters).length <= 20, 'at most 20 filters')
      .default({}),
    dates: z
      .record(z.string().max(50), dateRange)
      .refine((dates) => Object.keys(dates).length <= 20, 'at most 20 date filters')
      .default({}),
    texts: z
      .record(z.string().max(50), z.string().max(LIMITS.queryLength))
      .refine((texts) => Object.keys(texts).length <= 20, 'at most 20 text filters')
      .default({}),
    sort: z
      .array(z.object({ column: z.string().max(50), desc: z.boolean() }).strict())
      .max(20)
      .default([]),
    ...layoutState,
  })
  .strict()

export const LIST_TABLES = ['rounds', 'reactions'] as const
const viewTable = z.enum(['entities', ...LIST_TABLES])
/** '' is the table as last left (restored at start); any other name is a view the reviewer saved. */
const viewName = z.string().trim().max(100)

/** Which changes: one import or a period, filtered by kind of change, record kind, list, round, country. */
export const changesQueryInput = z
  .object({
    scope: z
      .object({ importId: importIdInput.optional(), since: isoDay.optional(), until: isoDay.optional() })
      .strict()
      .refine(
        (scope) => scope.importId === undefined || (scope.since === undefined && scope.until === undefined),
        {
          message: 'an import or a period, not both',
        },
      )
      .default({}),
    filters: z
      .object({
        kinds: z
          .array(z.enum(STORED_CHANGE_KINDS as [StoredChangeKind, ...StoredChangeKind[]]))
          .max(4)
          .optional(),
        types: z
          .array(z.enum(CHANGE_RECORD_TYPES as [RecordTypeName, ...RecordTypeName[]]))
          .max(5)
          .optional(),
        list: z.string().min(1).max(LIMITS.idLength).optional(),
        round: recordId.optional(),
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'a country as an ISO 3166-1 alpha-2 code')
          .optional(),
      })
      .strict()
      .default({}),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(LIMITS.maxResults).default(100),
  })
  .strict()

const briefingId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a briefing id as returned by saveBriefing')

interface CallSpec<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type only. */
  output?: O
}

function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input })
}

/**
 * THE API contract: every call the renderer can make, with the schema its input must satisfy.
 * Transports (IPC, loopback HTTP, CLI) validate against these before a service runs.
 */
export const contract = {
  appInfo: call<AppInfo>()(noInput),
  /** Keeps the view the app shows, where it opens next time. */
  rememberView: call<null>()(z.object({ view: z.enum(VIEW_NAMES) }).strict()),
  stats: call<Stats>()(noInput),
  /** The Overview's figures: the whole store, or the Entities table's current search and filters. */
  overview: call<Overview>()(entityQueryInput.pick({ search: true, filters: true, minScore: true })),
  listEntities: call<EntitySummary[]>()(noInput),
  /** One page of entities with filters, search, sort and facet counts, computed in the store. */
  queryEntities: call<EntityPage>()(entityQueryInput),
  /** The whole current view of the Entities table (search, filters, order) as CSV. */
  exportEntitiesCsv: call<{ fileName: string; csv: string; rows: number }>()(
    entityQueryInput.omit({ offset: true, limit: true, facets: true }),
  ),
  getEntity: call<EntityDetail | null>()(z.object({ id: recordId }).strict()),
  listRounds: call<RoundSummary[]>()(noInput),
  getRound: call<RoundDetail | null>()(z.object({ id: recordId }).strict()),
  listReactions: call<Reaction[]>()(noInput),
  search: call<SearchHit[]>()(
    z
      .object({
        query: z.string().max(LIMITS.queryLength),
        limit: z.number().int().min(1).max(LIMITS.maxResults).optional(),
        /** Below 100, names merely like the query are found too (fuzzy, scored 0–100). */
        minScore: minScoreInput.optional(),
      })
      .strict(),
  ),
  /** Hands a chosen file to the main process; returns the id later calls refer to it by. */
  stageUpdate: call<{ uploadId: string; bytes: number }>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        base64: z
          .string()
          .max(Math.ceil((LIMITS.maxUpdateFileBytes * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'file content must be base64'),
      })
      .strict(),
  ),
  /** Previews a staged file: a bundle, or a published list (CSL, BIS CSV, FtM) detected by its content. */
  previewUpdate: call<ImportPreview>()(z.object({ uploadId, ...listImportOptions }).strict()),
  applyUpdate: call<ImportResult>()(
    z
      .object({
        uploadId,
        confirmed: z.boolean(),
        ...listImportOptions,
        /** For each conflict with the user's own edits (by its key): keep "mine" or take "theirs". */
        conflicts: z
          .record(z.string().max(500), z.enum(['mine', 'theirs']))
          .refine((value) => Object.keys(value).length <= 10_000, 'at most 10,000 decisions')
          .optional(),
      })
      .strict(),
  ),
  discardUpdate: call<null>()(z.object({ uploadId }).strict()),
  importHistory: call<ImportHistoryEntry[]>()(noInput),
  /** A page of what imports changed (one import, or a period), newest first, with counts per group. */
  queryChanges: call<ChangesPage>()(changesQueryInput),
  /** An entity's history: what each import changed about it, and the listings it holds. */
  entityHistory: call<EntityHistoryEvent[]>()(z.object({ id: recordId }).strict()),
  /** The user's watches: starred entities and saved searches. */
  listWatches: call<Watch[]>()(noInput),
  /** Stars an entity, or saves a search and its filters under a name. */
  addWatch: call<Watch>()(
    z.union([
      z.object({ entityId: recordId }).strict(),
      z
        .object({
          name: z.string().trim().min(1, 'a name is required').max(100),
          query: entityQueryInput.pick({ search: true, filters: true, minScore: true }),
        })
        .strict(),
    ]),
  ),
  removeWatch: call<null>()(z.object({ id: importIdInput }).strict()),
  /** Records a reaction written in the app, with its source, as a local edit. */
  addReaction: call<LocalEditResult>()(z.object({ reaction: writtenReactionSchema }).strict()),
  /** Replaces a reaction's fields and source with the writer's correction (a local edit). */
  editReaction: call<LocalEditResult>()(z.object({ id: recordId, reaction: writtenReactionSchema }).strict()),
  /** Corrects one field of an entity or a round, with the source for the correction (a local edit). */
  correctField: call<LocalEditResult>()(z.object({ correction: fieldCorrectionSchema }).strict()),
  /** Writes a note on an entity or a round, with its source or as the writer's assessment (a local edit). */
  addNote: call<LocalEditResult>()(z.object({ note: writtenNoteSchema }).strict()),
  /** Rewrites a note's text, source or assessment (a local edit). */
  editNote: call<LocalEditResult>()(z.object({ id: recordId, note: writtenNoteSchema }).strict()),
  /** Removes a note (a local edit: undo brings it back). */
  deleteNote: call<LocalEditResult>()(z.object({ id: recordId }).strict()),
  /** Removes a reaction (a local edit: undo brings it back). */
  deleteReaction: call<LocalEditResult>()(z.object({ id: recordId }).strict()),
  /** The edits written in the app, newest first, which one redo would apply, and the author's name. */
  listLocalEdits: call<LocalEdits>()(noInput),
  /** Applies again the local edit undone last, named by its id. */
  redoLocalEdit: call<LocalEdit>()(z.object({ importId: importIdInput }).strict()),
  /** Keys made in the app, the local edits not yet published, and past publications. */
  publishingState: call<PublishingState>()(noInput),
  /** Makes a key to publish with; its private part is kept only encrypted with the passphrase. */
  createSigningKey: call<{ key: SigningKey; publicKey: PublicKeyExport }>()(
    z
      .object({
        publisher: z
          .string()
          .trim()
          .min(1, 'a publisher name is required')
          .max(200)
          .regex(/^[^\n\r]*$/),
        passphrase: z
          .string()
          .min(MIN_PASSPHRASE_LENGTH, `a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`)
          .max(1000),
      })
      .strict(),
  ),
  /** A key's public file, for colleagues to trust. */
  exportPublicKey: call<PublicKeyExport>()(z.object({ keyId: fingerprint }).strict()),
  /** Signs the local edits not yet published (or those after edit `since`) into a bundle file. */
  publishLocalEdits: call<{ fileName: string; base64: string; publication: Publication }>()(
    z
      .object({
        keyId: fingerprint,
        passphrase: z.string().min(1, 'the passphrase is required').max(1000),
        since: importIdInput.optional(),
        /** Only these of the edits waiting (a chosen set); default: all of them. */
        editIds: z.array(importIdInput).min(1, 'at least one edit').max(10_000).optional(),
      })
      .strict(),
  ),
  /** The name local edits are marked with. */
  setAuthorName: call<null>()(z.object({ name: authorNameSchema }).strict()),
  /** Undoes the latest import, named by its id: refused if another import has become the latest. */
  undoLastImport: call<ImportHistoryEntry>()(z.object({ importId: importIdInput }).strict()),
  listTrustedKeys: call<TrustedKey[]>()(noInput),
  addTrustedKey: call<TrustedKey>()(
    z.object({ keyFile: z.string().min(1).max(LIMITS.keyFileLength) }).strict(),
  ),
  removeTrustedKey: call<null>()(z.object({ fingerprint: z.string().min(1).max(200) }).strict()),
  /** The user's judgements on possible matches, newest first. */
  listJudgements: call<Judgement[]>()(noInput),
  /** Forgets a judgement: the next import asks about that party again. */
  revokeJudgement: call<null>()(
    z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
  ),
  /** Lays out the briefing and prints it; the PDF comes back as base64 for the page-by-page preview. */
  renderBriefing: call<BriefingPdf>()(z.object({ settings: briefingSettingsSchema }).strict()),
  /**
   * Exports the briefing as a PDF file: the desktop app asks where to save it; in browser mode the
   * PDF comes back as base64 and the page downloads it.
   */
  exportBriefing: call<BriefingPdf & { saved: boolean }>()(
    z.object({ settings: briefingSettingsSchema }).strict(),
  ),
  listBriefings: call<SavedBriefing[]>()(noInput),
  /** Saves new settings (no id) or replaces a saved briefing's settings (with its id). */
  saveBriefing: call<SavedBriefing>()(
    z.object({ id: briefingId.optional(), settings: briefingSettingsSchema }).strict(),
  ),
  deleteBriefing: call<null>()(z.object({ id: briefingId }).strict()),
  /** The table as the reviewer last left it, and the views saved by name. */
  loadViews: call<TableViews<TableViewState | ListViewState>>()(z.object({ table: viewTable }).strict()),
  saveView: call<null>()(
    z.discriminatedUnion('table', [
      z.object({ table: z.literal('entities'), name: viewName, state: tableViewStateSchema }).strict(),
      z.object({ table: z.enum(LIST_TABLES), name: viewName, state: listViewStateSchema }).strict(),
    ]),
  ),
  deleteView: call<null>()(z.object({ table: viewTable, name: viewName.min(1) }).strict()),
  /** Asks the desktop shell to open a source's web page in the system browser, after the user confirms. */
  openSourceLink: call<{ opened: boolean; message: string }>()(
    z
      .object({
        url: z
          .string()
          .max(2048)
          .regex(/^https?:\/\/[^\s]+$/i, 'only http and https links can be opened'),
      })
      .strict(),
  ),
} satisfies Record<ApiCallName, CallSpec<z.ZodType, unknown>>

export type Contract = typeof contract

type ParsedEntityQuery = z.output<typeof entityQueryInput>
/**
 * One query of the Entities table, the one type every layer uses: as the schema gives it, except that
 * whether to count facets and the minimum score may be left out (the store applies their defaults).
 */
export type EntityQuery = Omit<ParsedEntityQuery, 'facets' | 'minScore'> &
  Partial<Pick<ParsedEntityQuery, 'facets' | 'minScore'>>
/** The Entities table's filters, as the store applies them (a facet's '' value means "not recorded"). */
export type EntityFilters = EntityQuery['filters']
/** What the Entities table shows, without the page: kept views, exports and briefings take this. */
export type EntityViewQuery = Pick<ParsedEntityQuery, 'search' | 'filters' | 'sort' | 'minScore'>
/** The Entities table's kept state: its query and its layout. */
export type TableViewState = z.output<typeof tableViewStateSchema>
/** What the briefing covers: the Entities table's view, whole rounds, or hand-picked entities. */
export type BriefingScope = z.output<typeof briefingScope>
export type BriefingChangesScope = Extract<BriefingScope, { kind: 'changes' }>
export type ApiInput<N extends ApiCallName> = z.input<Contract[N]['input']>
export type ApiParsedInput<N extends ApiCallName> = z.output<Contract[N]['input']>
export type ApiOutput<N extends ApiCallName> = Exclude<Contract[N]['output'], undefined>

/** The client interface the renderer sees, in Electron (`window.briefing`) and in browser mode alike. */
export type BriefingApi = { [N in ApiCallName]: (input: ApiInput<N>) => Promise<ApiOutput<N>> }

/** What a transport's handler table must provide: one function per call, given already-validated input. */
export type ApiHandlers = {
  [N in ApiCallName]: (input: ApiParsedInput<N>) => Promise<ApiOutput<N>> | ApiOutput<N>
}

/**
 * Browser mode sends a chosen file's bytes as they are to this route, streamed to a staging file
 * (base64 in JSON would hold the file four times over in the host's memory). The file's name travels
 * URI-encoded in the X-File-Name header and is checked by this schema; the answer is stageUpdate's.
 */
export const UPLOAD_ROUTE = '/upload'
export const UPLOAD_NAME_HEADER = 'x-file-name'
export const uploadRequestSchema = z.object({ fileName: z.string().min(1).max(255) }).strict()
export type UploadAnswer = { uploadId: string; bytes: number }

/** A contract validation failure, phrased for the caller: which call, which field, what was wrong. */
export class ApiInputError extends Error {
  constructor(
    readonly call: string,
    readonly issues: string[],
  ) {
    super(`Invalid input for "${call}": ${issues.join('; ')}`)
    this.name = 'ApiInputError'
  }
}

export function isApiCallName(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** Validates `input` against the call's schema; throws ApiInputError naming each bad field. */
export function parseApiInput<N extends ApiCallName>(name: N, input: unknown): ApiParsedInput<N> {
  const result = contract[name].input.safeParse(input ?? {})
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : '(input)'
      return `${where}: ${issue.message}`
    })
    throw new ApiInputError(name, issues)
  }
  return result.data as ApiParsedInput<N>
}

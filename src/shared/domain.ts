import type { ViewName } from './app-commands'
/**
 * The domain vocabulary shared by every process. Enumerations are `as const` tuples so that zod schemas,
 * SQL CHECK constraints and UI facets all derive from the same list.
 */
export const ENTITY_TYPES = [
  'company',
  'government body',
  'research institute',
  'university',
  'person',
  'other',
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

export const DESIGNATION_ACTIONS = ['added', 'modified', 'removed'] as const
export type DesignationAction = (typeof DESIGNATION_ACTIONS)[number]

// 'other' exists because some speakers (a student, an anonymous employee) fit none of the named kinds.
export const ORGANISATION_KINDS = [
  'government',
  'company',
  'analyst',
  'industry group',
  'media',
  'other',
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export const STANCES = ['opposes', 'supports', 'neutral', 'mixed'] as const
export type Stance = (typeof STANCES)[number]

/** Only 'verbatim' text is ever shown inside quotation marks. */
export const TEXT_KINDS = ['verbatim', 'paraphrase'] as const
export type TextKind = (typeof TEXT_KINDS)[number]

export const ORIGIN_KINDS = ['default-dataset', 'bundle', 'import'] as const
export type OriginKind = (typeof ORIGIN_KINDS)[number]

/** How well a source backs what it is cited for (see shared/data: V-primary, V-secondary, Single). */
export const RELIABILITIES = ['primary', 'secondary', 'single'] as const
export type Reliability = (typeof RELIABILITIES)[number]

export interface Provenance {
  kind: OriginKind
  label: string
  /** ISO timestamp of when the record entered this store. */
  at: string
}

export interface SourceRef {
  id: string
  publication: string
  title: string | null
  date: string | null
  url: string | null
  reliability: Reliability
  note: string | null
}

/** A source cited for a record, with what it supports ("name", "Chinese name", ...). */
export interface Citation {
  source: SourceRef
  supports: string | null
}

export interface RoundRef {
  id: string
  label: string
}

export interface EntitySummary {
  id: string
  primaryName: string
  originalName: string | null
  type: EntityType
  country: string | null
  sectors: string[]
  aliases: string[]
  rounds: RoundRef[]
  firstAdded: string | null
  latestAction: DesignationAction | null
  reactionCount: number
}

export interface Designation {
  id: string
  entityId: string
  entityName: string
  roundId: string
  roundLabel: string
  /** The list the round belongs to ("US BIS Entity List"). */
  list: string
  action: DesignationAction
  date: string | null
  licenseRequirement: string | null
  licensePolicy: string | null
  citation: string | null
  /** When the listing ended (null: current). An ended designation is never shown as current. */
  ended: string | null
  /** Programmes or legal bases as the list gives them. */
  programs: string | null
}

/** A name a source gives an entity that is not a name it is listed under, with that source. */
export interface ReportedName {
  name: string
  sourceId: string
  publication: string
  /** What it is, where the source says ("on the US Treasury's NS-CMIC list"). */
  note: string | null
}

export interface EntityDetail extends EntitySummary {
  originalNameNote: string | null
  /** Notes offices wrote on it (in this app, or brought by their bundles). */
  officeNotes: OfficeNote[]
  /** Identifiers lists gave it: a tax number, a list's entry number, an OpenSanctions id … */
  identifiers: { scheme: string; value: string }[]
  /** Names the press or another list gives it ("also reported as"), never names it is listed under. */
  reportedNames: ReportedName[]
  addresses: string[]
  notes: string | null
  designations: Designation[]
  reactions: Reaction[]
  citations: Citation[]
  provenance: Provenance
}

export interface RoundSummary {
  id: string
  list: string
  title: string | null
  citations: string[]
  frDocNumber: string | null
  announced: string | null
  published: string | null
  effective: string | null
  basis: string | null
  declaredCount: number | null
  recordedCount: number
  reactionCount: number
}

export interface RoundDetail extends RoundSummary {
  /** Notes offices wrote on it (in this app, or brought by their bundles). */
  officeNotes: OfficeNote[]
  docket: string | null
  rin: string | null
  notes: string | null
  designations: Designation[]
  reactions: Reaction[]
  citationsBySource: Citation[]
  provenance: Provenance
}

export interface Reaction {
  id: string
  speaker: string | null
  speakerRole: string | null
  organisation: string | null
  organisationKind: OrganisationKind
  stance: Stance | null
  text: string
  textKind: TextKind
  /** The outlet's framing around a verbatim fragment, e.g. "said the decision was made". */
  context: string | null
  language: string
  dateSaid: string | null
  notes: string | null
  /** For verbatim text: the source's passage it was checked against, and when (null when not recorded). */
  sourceExcerpt: string | null
  excerptCheckedOn: string | null
  rounds: RoundRef[]
  entities: { id: string; name: string }[]
  source: SourceRef
  /** Written in this app (a local edit): by whom and when; null for imported and built-in reactions. */
  written: LocalAuthorship | null
  /** The toneless pinyin of its Chinese speaker, role and organisation, for search; null when none. */
  pinyin: string | null
}

/** A note an office wrote on an entity or a round: with its source, or as the writer's own assessment. */
export interface OfficeNote {
  id: string
  text: string
  /** Null for the writer's own assessment. */
  source: SourceRef | null
  assessment: boolean
  written: LocalAuthorship | null
}

/** Who wrote a record in the app, and when (ISO timestamp). */
export interface LocalAuthorship {
  author: string
  at: string
}

export interface Stats {
  entities: number
  rounds: number
  designations: number
  reactions: number
  sources: number
}

export type SearchRecordKind = 'entity' | 'reaction'

export interface SearchHit {
  kind: SearchRecordKind
  id: string
  name: string
  originalName: string | null
  /** Which field matched: "name", "alias", "original-script name", "pinyin" (of a Chinese name) or "quote". */
  matchedField: string
  matchedText: string
  /** Entities: 0–100, how alike the query and the best-matching name are (100: the same name). */
  score: number
  /** "words": every typed word found (as a word start, or a Chinese substring); "fuzzy": a name like it. */
  method: 'words' | 'fuzzy'
}

export interface AppInfo {
  appVersion: string
  storeVersion: number
  dataAsOf: string | null
  datasetVersion: string | null
  storePath: string
  /** Why the store can only be read (its file or folder is read-only), or null when it can be written. */
  readOnly: string | null
  /** The view the app showed last (it opens there), or null for a store never opened in the app. */
  lastView: ViewName | null
}

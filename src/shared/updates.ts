import type { WatchNotice } from './watches'
/** What the Updates view and `import --dry-run` show before anything changes. */
export type RecordTypeName = 'source' | 'round' | 'entity' | 'designation' | 'reaction' | 'note'
export type ChangeKind = 'new' | 'changed' | 'retired'

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

export interface RecordChange {
  type: RecordTypeName
  id: string
  label: string
  kind: ChangeKind
  fields: FieldChange[]
}

export interface ChangeCounts {
  type: RecordTypeName
  new: number
  changed: number
  retired: number
  unchanged: number
}

/**
 * An import that would change a field the user corrected in the app, or retire a record the user wrote
 * or corrected: the user decides, field by field, to keep theirs ("mine") or take the import's.
 */
export interface EditConflict {
  /** "type:id:field" ("type:id:*" for a retirement): the key of the user's decision. */
  key: string
  type: RecordTypeName
  id: string
  label: string
  /** The field, or null when the import retires the record. */
  field: string | null
  mine: unknown
  /** The import's value (null for a retirement). */
  theirs: unknown
}
export type ConflictDecision = 'mine' | 'theirs'
export type ConflictDecisions = Record<string, ConflictDecision>

export interface BundleSummary {
  /** A signed bundle, or a published list imported as it is (unsigned: needs the user's yes). */
  signed: boolean
  /** "bundle", or the list format: "csl", "bis", "ftm". */
  format: string
  bundleId: string
  fileName: string | null
  publisher: string
  keyId: string
  sequence: number
  created: string
  expires: string
  dataAsOf: string
  expired: boolean
  operations: number
}

export interface ImportPreview {
  bundle: BundleSummary
  alreadyImported: boolean
  counts: ChangeCounts[]
  /** The first changes, for reading; `totalChanges` says how many there are in all. */
  changes: RecordChange[]
  totalChanges: number
  warnings: string[]
  /** Questions the user must answer yes to before applying (e.g. an expired bundle). */
  confirmations: string[]
  /** For a published list: which entries were recognised as entities the store already has. */
  matching: ImportMatching | null
  /** Fields and records the import would change that the user edited in the app. */
  conflicts: EditConflict[]
}

/** A listed party recognised as an entity already known, with the evidence. */
export interface MatchEvidence {
  /** Where the party is in the file ("csl.csv line 12"); also the key for a decision. */
  entry: string
  incoming: string
  entityId: string
  entityName: string
  /** Merged with an entity already in the store, or with another entry of the same file. */
  inStore: boolean
  reasons: string[]
}

/** A party that could be more than one known entity, or matches one whose country differs. */
export interface AmbiguousMatch {
  entry: string
  incoming: string
  country: string | null
  candidates: { entityId: string; entityName: string; country: string | null; reasons: string[] }[]
  /** What will happen: "new" (imported as its own entity) unless the user picks a candidate. */
  decision: string
}

export interface ImportMatching {
  /** How many parties the file lists after filtering, and how many lists (sources) they are on. */
  entries: number
  /** Every list the file holds, with its entries (before any filter): what a filter can choose from. */
  lists: { list: string; entries: number }[]
  /** The lists this import takes parties from, with how many each (after the filter). */
  imported: { list: string; entries: number }[]
  /** The first MATCH_LIST_LIMIT of each; the counts say how many there are in all. */
  merged: MatchEvidence[]
  mergedCount: number
  ambiguous: AmbiguousMatch[]
  ambiguousCount: number
}

/** How many matches a preview lists (it counts them all). */
export const MATCH_LIST_LIMIT = 1000

/** A user's judgement on a possible match, reused by every later import until revoked. */
export interface Judgement {
  id: number
  /** The listed party as the file named it: "Hikvision (CN) on US BIS Entity List". */
  party: string
  entityId: string
  entityName: string
  verdict: 'same' | 'different'
  decidedAt: string
  fileName: string | null
}

export interface ImportHistoryEntry {
  id: number
  bundleId: string
  fileName: string | null
  publisher: string
  keyId: string
  sequence: number
  dataAsOf: string
  importedAt: string
  counts: ChangeCounts[]
  status: 'applied' | 'undone'
  undoneAt: string | null
}

export interface ImportResult {
  outcome: 'applied' | 'already-imported'
  entry: ImportHistoryEntry | null
  preview: ImportPreview
  /** The watches this import touched, with the entities it changed under each (see watches.ts). */
  watched: WatchNotice[]
}

export interface TrustedKey {
  fingerprint: string
  publisher: string
  created: string
  expires: string
  addedAt: string
  expired: boolean
}

/** How a bundle is named wherever its records' origin is shown: "Bundle from X, sequence 3 (file)". */
export function bundleLabel(publisher: string, sequence: number, fileName: string | null): string {
  return `Bundle from ${publisher}, sequence ${sequence}${fileName ? ` (${fileName})` : ''}`
}

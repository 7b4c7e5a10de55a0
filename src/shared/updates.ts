/** What the Updates view and `import --dry-run` show before anything changes. */
export type RecordTypeName = 'source' | 'round' | 'entity' | 'designation' | 'reaction'
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

export interface BundleSummary {
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
}

export interface TrustedKey {
  fingerprint: string
  publisher: string
  created: string
  expires: string
  addedAt: string
  expired: boolean
}

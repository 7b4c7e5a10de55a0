import type Database from 'better-sqlite3'
import type { EntityIndex } from './entity-index/model'
import type { NameForm } from './fuzzy-names'
import type { FuzzyNameIndex } from './fuzzy-index/name-index'
import type { RowBatches } from './row-batches'
import type { PendingIndex } from './search-index'
import type { ReactionCounts, ReactionFacts } from './reaction-facts'

/**
 * Everything the store derives and keeps for one open connection, in one object that lives and goes with
 * it: each module reads its part here instead of keeping a table of connections of its own, so what a
 * connection holds is seen (and dropped) in one place.
 */
export class ConnectionState {
  /** Prepared statements, reused: bulk writes run the same few many times. */
  readonly statements: Map<string, Database.Statement> = new Map()
  /** Record writes through this connection: with SQLite's data_version, the records' version. */
  recordWrites = 0
  /** The entity index for the records' version it was built at, and its build under way. */
  entityIndex: EntityIndex | null = null
  entityIndexBuild: Promise<void> | null = null
  /** Entities' name forms kept between fuzzy searches, for the version they were read at. */
  nameForms: { version: string; forms: Map<string, NameForm[] | null> } | null = null
  /** Each reaction's month, stance, kind and links, for the Overview, for the version read at. */
  reactionFacts: ReactionFacts | null = null
  /** Every reaction counted, for the Overview of the whole store, for the version counted at. */
  reactionCounts: { version: string; counts: ReactionCounts } | null = null
  /** The fuzzy name index for the records' version it was built at, and its build under way. */
  fuzzyIndex: { version: string; index: FuzzyNameIndex } | null = null
  fuzzyIndexBuild: Promise<void> | null = null
  /** The table of kept pinyin exists (it never goes once there). */
  pinyinTableSeen = false
  /** Within a write: new records' rows waiting to be inserted many at a time. */
  rowBatches: RowBatches | null = null
  /** Within a write: search index writes waiting for the end of a batch, or skipped in a preview. */
  pendingIndex: PendingIndex | null = null
}

const states = new WeakMap<Database.Database, ConnectionState>()

/** The state kept for `db`, made on first use. */
export function stateOf(db: Database.Database): ConnectionState {
  let state = states.get(db)
  if (!state) states.set(db, (state = new ConnectionState()))
  return state
}

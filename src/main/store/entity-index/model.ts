import type Database from 'better-sqlite3'
import {
  programmeValues,
  type EntitySortColumn,
  type EntityTextColumn,
  type FacetValue,
} from '../../../shared/entity-query'

export type Db = Database.Database

/**
 * The Entities table's filter columns held in memory, one small integer per entity and value: counting
 * each facet "with every other filter applied" is then one pass over arrays, where SQL needs a GROUP BY
 * per facet over correlated filters (docs/performance.md has the figures). Built from the store on first
 * use and again after any write to the records (see data-version.ts).
 */
export interface EntityIndex {
  version: string
  ids: string[]
  position: Map<string, number>
  country: Coded
  type: Coded
  sectors: CodedLists
  rounds: CodedLists
  /** The programmes of the entity's designations (a designation's "SDGT; IRAN" gives two). */
  programmes: CodedLists
  /** Round id → how facets and chips name it: its first citation, else its title, else its id. */
  roundLabels: Map<string, string>
  /** The date first added (an ISO date, possibly partial), or null. */
  firstAdded: (string | null)[]
  /**
   * By full-text row id (search_entries.id, which is search_index's rowid), the entity's position, or -1
   * for rows of reactions: a search maps its matches to entities without joining search_entries and
   * reading tens of thousands of id strings (half the time of a one-letter search at 100,000 entities).
   */
  positionOfEntry: Int32Array
  /** Positions in the default order: name (as SQLite's NOCASE compares it, see nameSortKey), then id. */
  defaultRank: Int32Array
  /** Per sort column, a rank per entity (equal values share a rank); built on first use. */
  sortRanks: Map<EntitySortColumn, Int32Array>
  /** Folded names, original-script names and aliases (one per line), read on the first text filter. */
  texts?: Record<EntityTextColumn, string[]>
  /**
   * By full-text term, 1 per entity position for the entities with an entry matching it: the hits of
   * search terms, kept with the index they were found for (see entity-query.ts), so that a write, which
   * brings a new index, drops them. The worker sends every one-letter search's with the index.
   */
  termHits: Map<string, Uint8Array>
}

/** One value per entity, as a code into `values`. */
export interface Coded {
  codes: Int32Array
  values: string[]
}

/** Several values per entity: entity i has codes[start[i] .. start[i + 1]). */
export interface CodedLists {
  start: Int32Array
  codes: Int32Array
  values: string[]
}

/** The order facet values are listed in: most entities first, then by value. */
export function byFacetOrder(a: FacetValue, b: FacetValue): number {
  return b.count - a.count || compareText(a.value, b.value)
}

export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Entity → programme pairs from designations' (entity id, programs), one pair per programme named. */
export function programmePairs(rows: [string, string | null][]): [string, string][] {
  const pairs: [string, string][] = []
  for (const [entityId, programs] of rows)
    for (const programme of programmeValues(programs)) pairs.push([entityId, programme])
  return pairs
}

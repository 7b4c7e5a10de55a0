import type Database from 'better-sqlite3'
import { ENTITY_FACETS, type EntityFacet, type EntityPage, type FacetValue } from '../../shared/entity-query'
import type { EntityQuery } from './entity-query'
import { byFacetOrder, programmePairs, readRoundLabels } from './entity-index'
import { getMeta, setMeta } from './meta'
import { readEntitySummaries } from './read-records'

type Db = Database.Database

/**
 * The Entities table's first view, when nothing narrows or reorders it, straight from SQLite. At start
 * the entity index may still be being built (on a core shared with the page loading), and the first view should not wait for it: unfiltered, the facet counts are plain
 * GROUP BYs and the first page is an ORDER BY ... LIMIT. The answer is the index's exactly (same
 * order, counts, labels and facet order; a test compares the two), so later pages from the index
 * continue this one.
 */
export function isPlainFirstPage(query: EntityQuery): boolean {
  const { filters } = query
  const noValues = (values: string[] | undefined) => !values || values.length === 0
  return (
    query.search.trim() === '' &&
    query.sort.length === 0 &&
    query.offset === 0 &&
    noValues(filters.country) &&
    noValues(filters.type) &&
    noValues(filters.sector) &&
    noValues(filters.round) &&
    noValues(filters.programme) &&
    !filters.firstAdded?.from &&
    !filters.firstAdded?.to &&
    !filters.watched &&
    !filters.local &&
    Object.values(filters.text ?? {}).every((text) => !text?.trim())
  )
}

/** Value and count per row of `sql`, labelled by `labelOf`, in the index's facet order. */
function facetValues(
  db: Db,
  sql: string,
  labelOf: (value: string) => string = (value) => value,
): FacetValue[] {
  const rows = db.prepare(sql).raw().all() as [string, number][]
  return rows.map(([value, count]) => ({ value, label: labelOf(value), count })).sort(byFacetOrder)
}

function plainFacets(db: Db): Facets {
  const roundLabels = readRoundLabels(db)
  return {
    country: facetValues(db, `SELECT coalesce(country, ''), count(*) FROM entities GROUP BY 1`),
    type: facetValues(db, 'SELECT type, count(*) FROM entities GROUP BY type'),
    // (entity_id, sector) is the key: no entity is counted twice, and the count reads only the index.
    sector: facetValues(db, 'SELECT sector, count(*) FROM entity_sectors GROUP BY sector'),
    // An entity with two designations in a round counts once there. Grouping the pairs first reads the
    // (entity_id, round_id, action) key alone: three times faster than count(DISTINCT).
    round: facetValues(
      db,
      `SELECT round_id, count(*) FROM (SELECT entity_id, round_id FROM designations GROUP BY entity_id, round_id)
       GROUP BY round_id`,
      (id) => roundLabels.get(id) ?? id,
    ),
    programme: programmeFacet(db),
  }
}

/** Entities per programme, each counted once however many of its designations name the programme. */
function programmeFacet(db: Db): FacetValue[] {
  const rows = db
    .prepare('SELECT entity_id, programs FROM designations WHERE programs IS NOT NULL')
    .raw()
    .all() as [string, string][]
  const entities = new Map<string, Set<string>>()
  for (const [entityId, programme] of programmePairs(rows)) {
    let named = entities.get(programme)
    if (!named) entities.set(programme, (named = new Set()))
    named.add(entityId)
  }
  return [...entities]
    .map(([value, named]) => ({ value, label: value, count: named.size }))
    .sort(byFacetOrder)
}

type Facets = Record<EntityFacet, FacetValue[]>

/**
 * What the unfiltered facet counts depend on, read in a few index lookups: every write of records
 * creates an origin (dataset loads, imports, corrections) or marks an import undone, and the schema
 * version, the number of entities and the highest row ids of the facets' tables are taken in besides.
 */
function plainFacetsKey(db: Db, total: number): string {
  const row = db
    .prepare(
      `SELECT (SELECT max(id) FROM origins), (SELECT max(id) FROM imports),
         (SELECT count(*) FROM imports WHERE status = 'undone'), (SELECT max(rowid) FROM designations),
         (SELECT max(rowid) FROM entity_sectors), (SELECT max(rowid) FROM rounds),
         (SELECT max(rowid) FROM round_citations)`,
    )
    .raw()
    .get() as unknown[]
  // The facets' names too: counts kept by a version that had fewer facets are not this version's.
  return JSON.stringify([db.pragma('user_version', { simple: true }), ENTITY_FACETS, total, ...row])
}

/** The facets kept by keepPlainFacets, if the records are still those they were counted from. */
function keptPlainFacets(db: Db, total: number): Facets | null {
  const kept = getMeta(db, 'plain_facets')
  if (!kept) return null
  const { key, facets } = JSON.parse(kept) as { key: string; facets: Facets }
  return key === plainFacetsKey(db, total) ? facets : null
}

/**
 * Keeps the unfiltered facet counts in the store, for the first view of the next start: counted there,
 * a GROUP BY per facet over a cold cache would be much of its wait. Every write of
 * records calls this in its transaction, and a long-running host once quiet (for a store written
 * before); it writes only when the records have changed since.
 */
export function keepPlainFacets(db: Db): void {
  const total = db.prepare('SELECT count(*) FROM entities').pluck().get() as number
  if (keptPlainFacets(db, total)) return
  setMeta(db, 'plain_facets', JSON.stringify({ key: plainFacetsKey(db, total), facets: plainFacets(db) }))
}

/** The page isPlainFirstPage accepted, with its facets when asked for. */
export function plainFirstPage(db: Db, query: EntityQuery): EntityPage {
  const ids = db
    .prepare('SELECT id FROM entities ORDER BY primary_name COLLATE NOCASE, id LIMIT ?')
    .pluck()
    .all(query.limit) as string[]
  const total = db.prepare('SELECT count(*) FROM entities').pluck().get() as number
  return {
    rows: readEntitySummaries(db, ids),
    total,
    grandTotal: total,
    facets: query.facets === false ? null : (keptPlainFacets(db, total) ?? plainFacets(db)),
    matches: null,
  }
}

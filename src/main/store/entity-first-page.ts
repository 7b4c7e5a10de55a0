import type Database from 'better-sqlite3'
import type { EntityFacet, EntityPage, FacetValue } from '../../shared/entity-query'
import type { EntityQuery } from './entity-query'
import { byFacetOrder, readRoundLabels } from './entity-index'
import { readEntitySummaries } from './read-records'

type Db = Database.Database

/**
 * The Entities table's first view, when nothing narrows or reorders it, straight from SQLite. At start
 * the entity index is still being built (about 1.5 s at 100,000 entities, on a core shared with the
 * page loading), and the first view should not wait for it: unfiltered, the facet counts are plain
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
    !filters.firstAdded?.from &&
    !filters.firstAdded?.to &&
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

function plainFacets(db: Db): Record<EntityFacet, FacetValue[]> {
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
  }
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
    facets: query.facets === false ? null : plainFacets(db),
    matches: null,
  }
}

import type Database from 'better-sqlite3'

/**
 * How a round is named in facets, chips and lists: its first citation, else its title, else its id.
 * An SQL expression over a round aliased `r`.
 */
export const ROUND_LABEL = `coalesce((SELECT citation FROM round_citations rc WHERE rc.round_id = r.id ORDER BY position LIMIT 1), r.title, r.id)`

/** Round id → its label (ROUND_LABEL), for every round. */
export function readRoundLabels(db: Database.Database): Map<string, string> {
  return new Map(db.prepare(`SELECT r.id, ${ROUND_LABEL} FROM rounds r`).raw().all() as [string, string][])
}

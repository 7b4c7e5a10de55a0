import type Database from 'better-sqlite3'
import type { OverviewRound } from '../../shared/overview'

type Db = Database.Database

/**
 * Every round as the growth chart needs it, without its counts (the entity index counts those for any
 * scope): id, list, first citation, title, date and declared count.
 */
export function roundsForOverview(db: Db): Omit<OverviewRound, 'recorded'>[] {
  return db
    .prepare(
      `SELECT r.id, r.list_name AS list, r.title, r.declared_count AS declared,
         coalesce(r.published_date, r.announced_date, r.effective_date) AS date,
         (SELECT citation FROM round_citations WHERE round_id = r.id ORDER BY position LIMIT 1) AS citation
       FROM rounds r`,
    )
    .all() as Omit<OverviewRound, 'recorded'>[]
}

import type Database from 'better-sqlite3'
import type { ReactionCount } from '../../shared/overview'

type Db = Database.Database

/** A reaction's month when its date gives one: "2020-06" of "2020-06-05"; else null. */
const MONTH = `CASE WHEN length(date_said) >= 7 THEN substr(date_said, 1, 7) END`

/**
 * Reactions counted by month said and stance, and by month and organisation kind: of every reaction
 * (`reactionIds` null), or of those given.
 */
export function reactionCounts(
  db: Db,
  reactionIds: string[] | null,
): { byStance: ReactionCount[]; byKind: ReactionCount[] } {
  const where = reactionIds === null ? '' : 'WHERE id IN (SELECT value FROM json_each(?))'
  const count = (column: string) =>
    db
      .prepare(
        `SELECT ${MONTH} AS month, ${column} AS value, count(*) AS count FROM reactions ${where}
         GROUP BY month, value ORDER BY month IS NULL, month, value`,
      )
      .all(...(reactionIds === null ? [] : [JSON.stringify(reactionIds)])) as ReactionCount[]
  return { byStance: count('stance'), byKind: count('organisation_kind') }
}

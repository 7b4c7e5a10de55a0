import type Database from 'better-sqlite3'

type Db = Database.Database

/** What an import plan needs to know of the rounds and designations the store has. */

/** Every round's citations with its list: a list's round for a citation is reused, never copied. */
export function roundCitations(db: Db): { list: string; citation: string; roundId: string }[] {
  return db
    .prepare(
      'SELECT r.list_name AS list, c.citation, r.id AS roundId FROM rounds r JOIN round_citations c ON c.round_id = r.id',
    )
    .all() as { list: string; citation: string; roundId: string }[]
}

/** Which entity each designation names in which round. */
export function designationPairs(
  db: Db,
): { id: string; entityId: string; roundId: string; ended: string | null }[] {
  return db
    .prepare('SELECT id, entity_id AS entityId, round_id AS roundId, ended_date AS ended FROM designations')
    .all() as { id: string; entityId: string; roundId: string; ended: string | null }[]
}

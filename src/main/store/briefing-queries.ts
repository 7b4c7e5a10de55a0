import type Database from 'better-sqlite3'

type Db = Database.Database

/** What a briefing's scope covers, read from the store (collect-briefing.ts decides the scope). */

/** The entities designated in any of the rounds, in name order. */
export function entityIdsInRounds(db: Db, roundIds: string[]): string[] {
  return db
    .prepare(
      `SELECT DISTINCT e.id FROM designations d JOIN entities e ON e.id = d.entity_id
       WHERE d.round_id IN (SELECT value FROM json_each(?)) ORDER BY e.primary_name COLLATE NOCASE, e.id`,
    )
    .pluck()
    .all(JSON.stringify(roundIds)) as string[]
}

/** The rounds that designated any of the entities. */
export function roundIdsOfEntities(db: Db, entityIds: string[]): string[] {
  return db
    .prepare('SELECT DISTINCT round_id FROM designations WHERE entity_id IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify(entityIds)) as string[]
}

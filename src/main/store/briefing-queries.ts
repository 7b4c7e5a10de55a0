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

/**
 * The reactions a briefing quotes: those about an entity in scope, and those about a round in scope
 * that name no particular entity (a ministry's answer to the whole rule belongs in every briefing on it).
 */
export function reactionIdsAbout(db: Db, entityIds: string[], roundIds: string[]): string[] {
  return db
    .prepare(
      `SELECT reaction_id FROM reaction_entities WHERE entity_id IN (SELECT value FROM json_each(@entities))
       UNION
       SELECT rr.reaction_id FROM reaction_rounds rr WHERE rr.round_id IN (SELECT value FROM json_each(@rounds))
         AND NOT EXISTS (SELECT 1 FROM reaction_entities re WHERE re.reaction_id = rr.reaction_id)`,
    )
    .pluck()
    .all({ entities: JSON.stringify(entityIds), rounds: JSON.stringify(roundIds) }) as string[]
}

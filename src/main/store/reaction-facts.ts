import type Database from 'better-sqlite3'
import { countByMonth, type ReactionCount } from '../../shared/overview'
import { stateOf } from './connection-state'
import { recordsVersion } from './data-version'

type Db = Database.Database

/**
 * What the Overview counts of each reaction and what it is about, read once per version of the records:
 * also which reactions a briefing of some entities and rounds quotes.
 */
export interface ReactionFacts {
  version: string
  ids: string[]
  month: (string | null)[]
  stance: (string | null)[]
  kind: string[]
  /** Whether it names entities (else it is about its rounds as a whole). */
  namesEntities: boolean[]
  byEntity: Map<string, number[]>
  byRound: Map<string, number[]>
}

function reactionFacts(db: Db): ReactionFacts {
  const state = stateOf(db)
  const version = recordsVersion(db)
  if (state.reactionFacts?.version === version) return state.reactionFacts
  const rows = db
    .prepare(
      `SELECT id, CASE WHEN length(date_said) >= 7 THEN substr(date_said, 1, 7) END AS month, stance,
         organisation_kind AS kind FROM reactions`,
    )
    .raw()
    .all() as [string, string | null, string | null, string][]
  const index = new Map(rows.map(([id], at) => [id, at]))
  const links = (sql: string) => {
    const map = new Map<string, number[]>()
    for (const [reaction, target] of db.prepare(sql).raw().all() as [string, string][]) {
      const at = index.get(reaction)!
      const list = map.get(target)
      if (list) list.push(at)
      else map.set(target, [at])
    }
    return map
  }
  const byEntity = links('SELECT reaction_id, entity_id FROM reaction_entities')
  const namesEntities = rows.map(() => false)
  for (const list of byEntity.values()) for (const at of list) namesEntities[at] = true
  state.reactionFacts = {
    version,
    ids: rows.map((row) => row[0]),
    month: rows.map((row) => row[1]),
    stance: rows.map((row) => row[2]),
    kind: rows.map((row) => row[3]),
    namesEntities,
    byEntity,
    byRound: links('SELECT reaction_id, round_id FROM reaction_rounds'),
  }
  return state.reactionFacts
}

/** Which reactions are about the given entities and rounds (positions in the facts). */
function about(facts: ReactionFacts, entityIds: string[], roundIds: string[]): Set<number> {
  const chosen = new Set<number>()
  for (const id of entityIds) for (const at of facts.byEntity.get(id) ?? []) chosen.add(at)
  for (const id of roundIds)
    for (const at of facts.byRound.get(id) ?? []) if (!facts.namesEntities[at]) chosen.add(at)
  return chosen
}

/**
 * The reactions a briefing quotes: those about an entity in scope, and those about a round in scope
 * that name no particular entity (a ministry's answer to the whole rule belongs in every briefing on it).
 */
export function reactionIdsAbout(db: Db, entityIds: string[], roundIds: string[]): string[] {
  const facts = reactionFacts(db)
  return [...about(facts, entityIds, roundIds)].map((at) => facts.ids[at])
}

/**
 * Reactions counted by month said and stance, and by month and kind of organisation: every reaction
 * (`scope` null), or those a briefing of the given entities and rounds would quote (reactionIdsAbout).
 */
export function reactionCounts(
  db: Db,
  scope: { entityIds: string[]; roundIds: string[] } | null,
): { byStance: ReactionCount[]; byKind: ReactionCount[] } {
  const facts = reactionFacts(db)
  const which = scope ? [...about(facts, scope.entityIds, scope.roundIds)] : [...facts.kind.keys()]
  return {
    byStance: countByMonth(which.map((at) => ({ month: facts.month[at], value: facts.stance[at] }))),
    byKind: countByMonth(which.map((at) => ({ month: facts.month[at], value: facts.kind[at] }))),
  }
}

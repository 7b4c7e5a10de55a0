import type Database from 'better-sqlite3'
import { countByMonth, type OverviewRound, type ReactionCount } from '../../shared/overview'
import { stateOf } from './connection-state'
import { recordsVersion } from './data-version'

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

/** What the Overview counts of each reaction, and what it is about, read once per version of the records. */
export interface ReactionFacts {
  version: string
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
    month: rows.map((row) => row[1]),
    stance: rows.map((row) => row[2]),
    kind: rows.map((row) => row[3]),
    namesEntities,
    byEntity,
    byRound: links('SELECT reaction_id, round_id FROM reaction_rounds'),
  }
  return state.reactionFacts
}

/**
 * Reactions counted by month said and stance, and by month and kind of organisation: every reaction
 * (`about` null), or those about the given entities, with those about the given rounds that name no
 * entity (as a briefing of them quotes: see reactionIdsAbout).
 */
export function reactionCounts(
  db: Db,
  about: { entityIds: string[]; roundIds: string[] } | null,
): { byStance: ReactionCount[]; byKind: ReactionCount[] } {
  const facts = reactionFacts(db)
  let which: Iterable<number> = facts.kind.keys()
  if (about) {
    const chosen = new Set<number>()
    for (const id of about.entityIds) for (const at of facts.byEntity.get(id) ?? []) chosen.add(at)
    for (const id of about.roundIds)
      for (const at of facts.byRound.get(id) ?? []) if (!facts.namesEntities[at]) chosen.add(at)
    which = chosen
  }
  const all = [...which]
  return {
    byStance: countByMonth(all.map((at) => ({ month: facts.month[at], value: facts.stance[at] }))),
    byKind: countByMonth(all.map((at) => ({ month: facts.month[at], value: facts.kind[at] }))),
  }
}

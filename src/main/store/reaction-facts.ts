import type Database from 'better-sqlite3'
import { byMonthThenValue, countByMonth, type ReactionCount } from '../../shared/overview'
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
  /** Per reaction, its (month, stance) and (month, kind of organisation) as codes into the cells. */
  stanceCell: Int32Array
  kindCell: Int32Array
  stanceCells: MonthCell[]
  kindCells: MonthCell[]
  /** 1 when it names entities (else it is about its rounds as a whole). */
  namesEntities: Uint8Array
  byEntity: Map<string, number[]>
  byRound: Map<string, number[]>
}

/** Reactions counted by month said and stance, and by month and kind of organisation. */
export interface ReactionCounts {
  byStance: ReactionCount[]
  byKind: ReactionCount[]
}

/** The month a reaction was said in (YYYY-MM), null when not known to the month. */
const MONTH_SAID = `CASE WHEN length(date_said) >= 7 THEN substr(date_said, 1, 7) END`

type MonthCell = Omit<ReactionCount, 'count'>

/** Codes for (month, value) pairs, so that counting them is adding to an array. */
function cellCoder() {
  const cells: MonthCell[] = []
  const codes = new Map<string, number>()
  const code = (month: string | null, value: string | null) => {
    const key = `${month}\u0000${value}`
    let known = codes.get(key)
    if (known === undefined) {
      codes.set(key, (known = cells.length))
      cells.push({ month, value })
    }
    return known
  }
  return { cells, code }
}

/** Reads the facts now (a host's background work), so the first Overview of a view need not. */
export function prepareReactionFacts(db: Db): void {
  reactionFacts(db)
}

function reactionFacts(db: Db): ReactionFacts {
  const state = stateOf(db)
  const version = recordsVersion(db)
  if (state.reactionFacts?.version === version) return state.reactionFacts
  const rows = db
    .prepare(`SELECT id, ${MONTH_SAID} AS month, stance, organisation_kind AS kind FROM reactions`)
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
  const namesEntities = new Uint8Array(rows.length)
  for (const list of byEntity.values()) for (const at of list) namesEntities[at] = 1
  const stances = cellCoder()
  const kinds = cellCoder()
  state.reactionFacts = {
    version,
    ids: rows.map((row) => row[0]),
    stanceCell: Int32Array.from(rows, ([, month, stance]) => stances.code(month, stance)),
    kindCell: Int32Array.from(rows, ([, month, , kind]) => kinds.code(month, kind)),
    stanceCells: stances.cells,
    kindCells: kinds.cells,
    namesEntities,
    byEntity,
    byRound: links('SELECT reaction_id, round_id FROM reaction_rounds'),
  }
  return state.reactionFacts
}

/**
 * Which reactions are about the entities `includesEntity` holds and the given rounds: 1 per reaction
 * position. Only the entities some reaction names are asked: a view may hold a hundred thousand.
 */
function about(
  facts: ReactionFacts,
  includesEntity: (id: string) => boolean,
  roundIds: string[],
): Uint8Array {
  const chosen = new Uint8Array(facts.ids.length)
  for (const [id, reactions] of facts.byEntity)
    if (includesEntity(id)) for (const at of reactions) chosen[at] = 1
  for (const id of roundIds)
    for (const at of facts.byRound.get(id) ?? []) if (facts.namesEntities[at] === 0) chosen[at] = 1
  return chosen
}

/**
 * The reactions a briefing quotes: those about an entity in scope, and those about a round in scope
 * that name no particular entity (a ministry's answer to the whole rule belongs in every briefing on it).
 */
export function reactionIdsAbout(db: Db, entityIds: string[], roundIds: string[]): string[] {
  const facts = reactionFacts(db)
  const inScope = new Set(entityIds)
  const chosen = about(facts, (id) => inScope.has(id), roundIds)
  return facts.ids.filter((_, at) => chosen[at] === 1)
}

/**
 * Reactions counted by month said and stance, and by month and kind of organisation: every reaction
 * (`scope` null), or those a briefing of the scope's entities and rounds would quote (reactionIdsAbout).
 */
export function reactionCounts(
  db: Db,
  scope: { includesEntity: (id: string) => boolean; roundIds: string[] } | null,
): ReactionCounts {
  if (!scope) return wholeStoreCounts(db)
  const facts = reactionFacts(db)
  const chosen = about(facts, scope.includesEntity, scope.roundIds)
  return {
    byStance: tally(facts.stanceCell, facts.stanceCells, chosen),
    byKind: tally(facts.kindCell, facts.kindCells, chosen),
  }
}

/**
 * Every reaction counted, kept per version of the records: one grouped scan of the reactions, without
 * the links the facts read (at 100,000 entities the facts take four times as long; the Overview of the
 * whole store is the one a user opens first).
 */
function wholeStoreCounts(db: Db): ReactionCounts {
  const state = stateOf(db)
  const version = recordsVersion(db)
  if (state.reactionCounts?.version === version) return state.reactionCounts.counts
  const groups = db
    .prepare(
      `SELECT ${MONTH_SAID} AS month, stance, organisation_kind AS kind, count(*) AS count FROM reactions
       GROUP BY 1, 2, 3`,
    )
    .all() as { month: string | null; stance: string | null; kind: string; count: number }[]
  const counts = {
    byStance: countByMonth(groups.map(({ month, stance, count }) => ({ month, value: stance, count }))),
    byKind: countByMonth(groups.map(({ month, kind, count }) => ({ month, value: kind, count }))),
  }
  state.reactionCounts = { version, counts }
  return counts
}

/** The chosen reactions counted per cell, in countByMonth's order. */
function tally(cellOf: Int32Array, cells: MonthCell[], chosen: Uint8Array): ReactionCount[] {
  const counts = new Int32Array(cells.length)
  for (let at = 0; at < cellOf.length; at++) if (chosen[at] === 1) counts[cellOf[at]]++
  return cells
    .map((cell, code) => ({ ...cell, count: counts[code] }))
    .filter((cell) => cell.count > 0)
    .sort(byMonthThenValue)
}

import type { FacetValue } from './entity-query'

/** A round as the growth chart shows it: when, on which list, how many declared and recorded. */
export interface OverviewRound {
  id: string
  list: string
  /** Its first citation ("85 FR 34503"), or null when none is recorded. */
  citation: string | null
  title: string | null
  /** The date it was published (or announced, or took effect), as recorded: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null
  /** How many entities the rule says it added; null when not recorded. */
  declared: number | null
  /** How many of its entities the store holds (in scope). */
  recorded: number
}

/** Reactions said in one month (YYYY-MM; null when only the year or nothing is known) with one value. */
export interface ReactionCount {
  month: string | null
  /** The stance or the organisation kind; null for a stance not recorded. */
  value: string | null
  count: number
}

/** The figures the Overview view, `overview --json` and a briefing's charts show. */
export interface Overview {
  /** The whole store, or the Entities table's current view. */
  scope: 'store' | 'view'
  headline: {
    entities: number
    lists: number
    rounds: number
    reactions: number
    /** The data's date as the latest import or dataset gave it; null when not known. */
    dataAsOf: string | null
  }
  /** Rounds in scope, oldest first (undated last). */
  rounds: OverviewRound[]
  countries: FacetValue[]
  types: FacetValue[]
  sectors: FacetValue[]
  reactionsByStance: ReactionCount[]
  reactionsByKind: ReactionCount[]
}

/**
 * Reactions counted by month and value, months in order with the month unknown last, and within a
 * month a value not recorded first: one order for the app, the briefing and the command line.
 */
export function countByMonth(
  /** Each row counts once, or `count` times (rows already grouped). */
  rows: Iterable<{ month: string | null; value: string | null; count?: number }>,
): ReactionCount[] {
  const counts = new Map<string, ReactionCount>()
  for (const { month, value, count = 1 } of rows) {
    const key = `${month}\u0000${value}`
    const counted = counts.get(key)
    if (counted) counted.count += count
    else counts.set(key, { month, value, count })
  }
  return [...counts.values()].sort(byMonthThenValue)
}

/** The order of countByMonth's rows. */
export function byMonthThenValue(a: Omit<ReactionCount, 'count'>, b: Omit<ReactionCount, 'count'>): number {
  return (
    Number(a.month === null) - Number(b.month === null) ||
    (a.month ?? '').localeCompare(b.month ?? '') ||
    Number(b.value === null) - Number(a.value === null) ||
    (a.value ?? '').localeCompare(b.value ?? '')
  )
}

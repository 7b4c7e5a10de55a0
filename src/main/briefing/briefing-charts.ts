import type { BarDatum } from '../../shared/charts/bar-list-chart'
import { countByMonth, type OverviewRound, type ReactionCount } from '../../shared/overview'
import { BRIEFING_SECTIONS } from '../../shared/briefing'
import type { BriefingData } from './collect-briefing'

/** What a briefing's charts draw: its own rounds, entities and reactions, counted. */
export interface BriefingCharts {
  rounds: OverviewRound[]
  countries: BarDatum[]
  types: BarDatum[]
  sectors: BarDatum[]
  reactionsByStance: ReactionCount[]
  reactionsByKind: ReactionCount[]
}

/**
 * Whether the charts section is printed. Left at the default sections, it is when the scope has more
 * than one round or more than ten entities (a chart of one round says less than its paragraph); named
 * in a chosen list of sections, always.
 */
export function chartsShown(data: Pick<BriefingData, 'settings' | 'rounds' | 'entities'>): boolean {
  const { sections } = data.settings
  if (!sections.includes('charts')) return false
  const isDefault =
    sections.length === BRIEFING_SECTIONS.length &&
    sections.every((section, i) => section === BRIEFING_SECTIONS[i])
  return !isDefault || data.rounds.length > 1 || data.entities.length > 10
}

function counted(values: (string | null)[], unknown = 'not recorded'): BarDatum[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value ?? '', (counts.get(value ?? '') ?? 0) + 1)
  return [...counts].map(([key, count]) => ({ key, label: key || unknown, count }))
}

/** The briefing's own figures for its charts (its scope is bounded: at most 2,000 entities). */
export function briefingCharts(data: BriefingData): BriefingCharts {
  const month = (date: string | null) => (date && date.length >= 7 ? date.slice(0, 7) : null)
  return {
    rounds: data.rounds.map((round) => ({
      id: round.id,
      list: round.list,
      citation: round.citations[0] ?? null,
      title: round.title,
      date: round.published ?? round.announced ?? round.effective,
      declared: round.declaredCount,
      recorded: round.entitiesInScope,
    })),
    countries: counted(data.entities.map((entity) => entity.country)),
    types: counted(data.entities.map((entity) => entity.type)),
    sectors: counted(data.entities.flatMap((entity) => entity.sectors)),
    reactionsByStance: countByMonth(
      data.reactions.map((r) => ({ month: month(r.dateSaid), value: r.stance })),
    ),
    reactionsByKind: countByMonth(
      data.reactions.map((r) => ({ month: month(r.dateSaid), value: r.organisationKind })),
    ),
  }
}

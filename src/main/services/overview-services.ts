import type { EntityFacet, FacetValue } from '../../shared/entity-query'
import type { EntityViewQuery } from '../../shared/contract'
import type { Overview, OverviewRound } from '../../shared/overview'
import { getMeta } from '../store/meta'
import type { Store } from '../store/open-store'
import type { EntityScope } from '../store/entity-query'
import { roundsForOverview } from '../store/overview-queries'
import { reactionCounts } from '../store/reaction-facts'
import { entityScope } from './catalog-services'

export type OverviewQuery = Pick<EntityViewQuery, 'search' | 'filters' | 'minScore'>

/** Whether a query narrows the store at all: no search and no filter value. */
function isWholeStore(query: OverviewQuery): boolean {
  const { firstAdded, text, watched, local, ...sets } = query.filters
  return (
    query.search.trim() === '' &&
    !watched &&
    !local &&
    Object.values(sets).every((values) => !values || values.length === 0) &&
    !firstAdded?.from &&
    !firstAdded?.to &&
    !Object.values(text ?? {}).some((value) => value?.trim())
  )
}

/**
 * A facet's counts within the scope: the store counts each facet with the other filters applied, so a
 * facet the scope itself filters keeps only its chosen values.
 */
function inScope(query: OverviewQuery, facets: Record<EntityFacet, FacetValue[]>, facet: EntityFacet) {
  const chosen = query.filters[facet] as string[] | undefined
  // An entity whose value is not recorded is counted under its own label, not a blank one.
  const values = facets[facet]
    .filter((value) => value.count > 0)
    .map((value) => (value.label ? value : { ...value, label: 'not recorded' }))
  return chosen && chosen.length > 0 ? values.filter((value) => chosen.includes(value.value)) : values
}

/** Undated rounds last; otherwise by date, then citation. */
const byDate = (a: OverviewRound, b: OverviewRound) =>
  (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0) ||
  (a.date ?? '').localeCompare(b.date ?? '') ||
  (a.citation ?? '').localeCompare(b.citation ?? '')

/**
 * The Overview's figures for the whole store or for the Entities table's current view: its entities by
 * country, type and sector, the rounds that list them with declared and recorded counts, and the
 * reactions about them by month, stance and kind of organisation. Counted in the store.
 */
export async function overview(store: Store, query: OverviewQuery): Promise<Overview> {
  return overviewFrom(store, query, await entityScope(store, { ...query, ...SCOPE_PAGE }))
}

/** The page whose total and facet counts describe a scope: no rows wanted but one. */
export const SCOPE_PAGE = { sort: [], offset: 0, limit: 1, facets: true }

/** The Overview's figures from the scope's page of entities (its total and facet counts) and members. */
export function overviewFrom(
  store: Store,
  query: OverviewQuery,
  { page, includesEntity }: EntityScope,
): Overview {
  const facets = page.facets!
  const whole = isWholeStore(query)
  const recordedIn = new Map(inScope(query, facets, 'round').map((value) => [value.value, value.count]))
  const rounds = roundsForOverview(store.db)
    .filter((round) => whole || recordedIn.has(round.id))
    .map((round) => ({ ...round, recorded: recordedIn.get(round.id) ?? 0 }))
    .sort(byDate)
  const { byStance, byKind } = reactionCounts(
    store.db,
    whole ? null : { includesEntity, roundIds: rounds.map((round) => round.id) },
  )
  return {
    scope: whole ? 'store' : 'view',
    headline: {
      entities: page.total,
      lists: new Set(rounds.map((round) => round.list)).size,
      rounds: rounds.length,
      reactions: byStance.reduce((sum, row) => sum + row.count, 0),
      dataAsOf: getMeta(store.db, 'data_as_of'),
    },
    rounds,
    countries: inScope(query, facets, 'country'),
    types: inScope(query, facets, 'type'),
    sectors: inScope(query, facets, 'sector'),
    reactionsByStance: byStance,
    reactionsByKind: byKind,
  }
}

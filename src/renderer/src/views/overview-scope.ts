import type { EntityViewQuery } from '../../../shared/contract'

/** What the Overview covers: the whole store (null), or the Entities table's search and filters. */
export type OverviewScope = Pick<EntityViewQuery, 'search' | 'filters' | 'minScore'> | null

/** The `overview` call's input for a scope: kept apart from the view so the app can ask for it early. */
export function overviewInput(scope: OverviewScope): NonNullable<OverviewScope> {
  return scope ?? { search: '', filters: {}, minScore: 100 }
}

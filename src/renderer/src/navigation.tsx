import { createContext, useContext } from 'react'
import type { BriefingScope, EntityViewQuery } from '../../shared/contract'

/** Moving between views with a filter applied (a round → its entities, a table view → a briefing). */
export interface Navigation {
  showEntities(filters: EntityViewQuery['filters']): void
  /** The Entities view with one entity's details open. */
  openEntity(id: string): void
  /** The Reactions view with these set filters (facet id → values), e.g. a round's reactions. */
  showReactions(filters: Record<string, string[]>): void
  /** The Reactions view, unfiltered, with one reaction's details open. */
  openReaction(id: string): void
  /**
   * The Entities table tells its current search, filters and order (for a briefing of "the current
   * view"). Kept aside, not in state: the table's own queries must not redraw the whole app.
   */
  reportEntityView(view: EntityViewQuery): void
  /** Opens the Briefing view with the Entities table's current view as its scope. */
  briefEntityView(): void
  /** Opens the Overview of the Entities table's current view. */
  overviewEntityView(): void
  /** Opens the Briefing view with this scope (the Changes view's "Brief these changes"). */
  briefScope(scope: BriefingScope): void
}

/** A link into the Entities view: filters to apply instead of the view's own, or an entity to open. */
export interface EntityLink {
  filters: EntityViewQuery['filters']
  openId: string | null
}

/** A link into the Reactions view: set filters (facet id → values) to apply instead of its own. */
export interface ReactionLink {
  filters: Record<string, string[]>
  /** A reaction whose details to open. */
  openId?: string | null
}

/** What another view asks of the Briefing view: take the Entities table's view as scope, or export. */
export type BriefingAction =
  | { kind: 'use-entity-view'; view: EntityViewQuery }
  | { kind: 'use-scope'; scope: BriefingScope }
  | { kind: 'export' }

export const NavigationContext = createContext<Navigation | null>(null)

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext)
  if (!navigation) throw new Error('Navigation is not available here.')
  return navigation
}

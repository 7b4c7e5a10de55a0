import { createContext, useContext } from 'react'
import type { EntityQueryState } from './entities/use-entity-pages'

/** Moving between views with a filter applied (a round → its entities). */
export interface Navigation {
  showEntities(filters: EntityQueryState['filters']): void
}

export const NavigationContext = createContext<Navigation | null>(null)

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext)
  if (!navigation) throw new Error('Navigation is not available here.')
  return navigation
}

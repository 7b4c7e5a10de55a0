import type { StoredChangeKind } from './changes'
import type { EntityViewQuery } from './contract'

/** A saved search and filters to watch, as the Entities table has them. */
export type WatchQuery = Pick<EntityViewQuery, 'search' | 'filters' | 'minScore'>

/** Something the user follows: an entity they starred, or a saved search and its filters. */
export interface Watch {
  id: number
  kind: 'entity' | 'search'
  /** For an entity: its id, and its name (null if no longer in the store). */
  entityId: string | null
  entityName: string | null
  /** For a search: the name the user gave it. */
  name: string | null
  query: WatchQuery | null
  createdAt: string
}

/** After an import: a watch it touched, and the entities it changed under that watch. */
export interface WatchNotice {
  watch: Watch
  entities: { id: string; name: string; kinds: StoredChangeKind[] }[]
}

import { useEffect, useRef, useState } from 'react'
import type { ListViewState, TableViews, TableViewState } from '../../../shared/entity-query'
import type { ApiInput, BriefingApi } from '../../../shared/contract'
import { useApi } from '../api/use-api'
import { queryCache } from '../api/query-cache'

/**
 * The state a table resumes from, when its kept views came with the page's first requests: its first
 * render can begin from it (useKeptView then takes those views and has nothing to load or apply).
 */
export function keptStateAtStart<S>(table: 'entities' | 'rounds' | 'reactions'): S | undefined {
  return (queryCache.peek('loadViews', { table }) as TableViews<S> | undefined)?.current ?? undefined
}

/**
 * A table's kept views if they came with the page's first requests (browser mode, see
 * early-first-page.ts), for its first render; undefined otherwise (then useKeptView loads them). Taken:
 * the table opened again later loads them anew.
 */
function keptAtStart<S>(table: 'entities' | 'rounds' | 'reactions'): TableViews<S> | undefined {
  return queryCache.take('loadViews', { table }) as TableViews<S> | undefined
}

/** How long a table waits after a change before keeping its state for the next start. */
const KEEP_DELAY_MS = 400

type Kept =
  { table: 'entities'; state: TableViewState } | { table: 'rounds' | 'reactions'; state: ListViewState }

/**
 * A review table's state kept in the store: restored once when the view opens (unless `resume` is
 * false, as when a link brings its own filters), saved a moment after each change, and the reviewer's
 * named views listed, saved and deleted.
 */
export function useKeptView<K extends Kept>(
  table: K['table'],
  state: K['state'],
  apply: (state: K['state']) => void,
  resume: boolean,
) {
  const api = useApi()
  // Kept views that came with the page's first requests: the caller began from their state already
  // (see keptAtStart), so the table is drawn at once.
  const [atStart] = useState(() => keptAtStart<K['state']>(table))
  const [saved, setSaved] = useState<TableViews<K['state']>['saved']>(atStart?.saved ?? [])
  // Nothing is kept before the last session's state has been applied (or found missing).
  const [restored, setRestored] = useState(atStart !== undefined)
  const [restoredState, setRestoredState] = useState<K['state'] | null>(
    resume ? (atStart?.current ?? null) : null,
  )
  useEffect(() => {
    if (atStart) return
    let current = true
    api.loadViews({ table }).then(
      (views) => {
        if (!current) return
        const kept = views as TableViews<K['state']>
        setSaved(kept.saved)
        if (kept.current && resume) {
          apply(kept.current)
          setRestoredState(kept.current)
        }
        setRestored(true)
      },
      () => current && setRestored(true),
    )
    return () => {
      current = false
    }
    // Runs once, when the view opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, table])
  const stateKey = JSON.stringify(state)
  // The state waiting to be kept: kept at once when the view closes (the reviewer moved to another
  // view right after changing it), otherwise once changes pause.
  const unsaved = useRef<string | null>(null)
  useEffect(() => {
    if (!restored) return
    unsaved.current = stateKey
    const timer = setTimeout(() => keepCurrent(api, table, unsaved), KEEP_DELAY_MS)
    return () => clearTimeout(timer)
  }, [api, table, stateKey, restored])
  useEffect(() => () => keepCurrent(api, table, unsaved), [api, table])
  const reload = () =>
    void api.loadViews({ table }).then((views) => setSaved((views as TableViews<K['state']>).saved))
  return {
    restored,
    /** The state restored at start, if any (its scroll position is applied by the grid). */
    restoredState,
    saved,
    save: (name: string) => void api.saveView({ table, name, state } as ApiInput<'saveView'>).then(reload),
    remove: (name: string) => void api.deleteView({ table, name }).then(reload),
  }
}

function keepCurrent(api: BriefingApi, table: string, unsaved: { current: string | null }): void {
  const stateKey = unsaved.current
  if (stateKey === null) return
  unsaved.current = null
  void api
    .saveView({ table, name: '', state: JSON.parse(stateKey) } as ApiInput<'saveView'>)
    .catch(() => undefined)
}

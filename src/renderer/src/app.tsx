import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react'
import { VIEW_NAMES, type AppEvents, type ViewName } from '../../shared/app-commands'
import { queryCache } from './api/query-cache'
import { useApi, useLoad } from './api/use-api'
import type { EntityViewQuery } from '../../shared/contract'
import { PLAIN_ENTITY_QUERY } from './entities/entity-page-input'
import {
  NavigationContext,
  type BriefingAction,
  type EntityLink,
  type Navigation,
  type ReactionLink,
} from './navigation'
import type { IncomingUpdate } from './updates/import-panel'
import { EntitiesView } from './views/entities-view'
import { overviewInput, type OverviewScope } from './views/overview-scope'

declare global {
  interface Window {
    /** Present in the desktop app: commands from the menu. */
    briefingEvents?: AppEvents
  }
}

// Only the Entities view, where a returning reviewer usually opens, is in the first script: the others
// (the Overview, where a new store opens, included) are loaded when first opened (the Briefing view
// brings pdf.js and the preview) or, for the lighter ones, once the first view is drawn. At start the
// browser has less to evaluate before the first rows.
const loadRounds = () => import('./views/rounds-view').then((m) => ({ default: m.RoundsView }))
const loadReactions = () => import('./views/reactions-view').then((m) => ({ default: m.ReactionsView }))
const loadUpdates = () => import('./views/updates-view').then((m) => ({ default: m.UpdatesView }))
const loadOverview = () => import('./views/overview-view').then((m) => ({ default: m.OverviewView }))
const loadChanges = () => import('./views/changes-view').then((m) => ({ default: m.ChangesView }))
const OverviewView = lazy(loadOverview)
const RoundsView = lazy(loadRounds)
const ReactionsView = lazy(loadReactions)
const UpdatesView = lazy(loadUpdates)
const ChangesView = lazy(loadChanges)
const BriefingView = lazy(() =>
  import('./views/briefing-view').then((module) => ({ default: module.BriefingView })),
)

/** After start, once the browser is idle, the other table views' scripts load, so opening one is instant. */
const PRELOAD_AFTER_MS = 2000
function preloadViewsWhenIdle(): () => void {
  const preload = () =>
    void Promise.all([loadOverview(), loadRounds(), loadReactions(), loadUpdates(), loadChanges()]).catch(
      () => undefined,
    )
  const timer = setTimeout(() => window.requestIdleCallback(preload, { timeout: 3000 }), PRELOAD_AFTER_MS)
  return () => clearTimeout(timer)
}

/**
 * Keeps the view shown for the next start, once the user has moved from the one the app opened on; and
 * when the app's information comes only after the first render (the desktop app sends no early
 * requests), opens the view last shown unless the user has already moved.
 */
function useLastView(
  view: ViewName,
  setView: (view: ViewName) => void,
  lastView: ViewName | null | undefined,
) {
  const api = useApi()
  const opened = useRef(view)
  const moved = useRef(false)
  useEffect(() => {
    if (view === opened.current && !moved.current) return
    moved.current = true
    // A read-only store cannot keep it; the app says so elsewhere, and the view is shown all the same.
    api.rememberView({ view }).catch(() => undefined)
  }, [api, view])
  useEffect(() => {
    if (!lastView || moved.current || lastView === opened.current) return
    opened.current = lastView
    setView(lastView)
  }, [lastView, setView])
}

function ViewLoading({ name }: { name: string }) {
  return <p className="status">Loading the {name} view…</p>
}

export function App() {
  // A new user lands on the Overview; after that, the app opens on the view last shown.
  const [view, setView] = useState<ViewName>(() => queryCache.peek('appInfo', {})?.lastView ?? 'Overview')
  const [incoming, setIncoming] = useState<IncomingUpdate | null>(null)
  // What a link from another view asks of a view, until the view has taken it.
  const [entityLink, setEntityLink] = useState<EntityLink | null>(null)
  const [reactionLink, setReactionLink] = useState<ReactionLink | null>(null)
  const [briefingActions, setBriefingActions] = useState<BriefingAction[]>([])
  // What the Overview covers: the whole store, or the Entities table's view it was opened from.
  const [overviewScope, setOverviewScope] = useState<OverviewScope>(null)

  // The Entities table's view as last reported, handed to the Briefing view when it is shown.
  const latestEntityView = useRef<EntityViewQuery>(PLAIN_ENTITY_QUERY)
  const [entityView, setEntityView] = useState<EntityViewQuery>(PLAIN_ENTITY_QUERY)
  // Mounted on first use, then kept: a briefing being composed survives a look at another view.
  const [briefingOpened, setBriefingOpened] = useState(false)
  const show = useCallback((name: ViewName) => {
    // Opened from the navigation, a view resumes as it was left: no link is followed again.
    if (name === 'Entities') setEntityLink(null)
    if (name === 'Reactions') setReactionLink(null)
    if (name === 'Overview') {
      setOverviewScope(null)
      // Asked for now, so the host counts while the view's script loads and draws.
      void queryCache.prefetch('overview', overviewInput(null)).catch(() => undefined)
    }
    if (name === 'Briefing') {
      setEntityView(latestEntityView.current)
      setBriefingOpened(true)
    }
    setView(name)
  }, [])
  const navigation = useMemo<Navigation>(
    () => ({
      showEntities: (filters) => {
        setEntityLink({ filters, openId: null })
        setView('Entities')
      },
      openEntity: (id) => {
        setEntityLink({ filters: {}, openId: id })
        setView('Entities')
      },
      showReactions: (filters) => {
        setReactionLink({ filters })
        setView('Reactions')
      },
      openReaction: (id) => {
        setReactionLink({ filters: {}, openId: id })
        setView('Reactions')
      },
      reportEntityView: (view) => {
        latestEntityView.current = view
      },
      overviewEntityView: () => {
        const { search, filters, minScore } = latestEntityView.current
        const scope = { search, filters, minScore }
        void queryCache.prefetch('overview', overviewInput(scope)).catch(() => undefined)
        setOverviewScope(scope)
        setView('Overview')
      },
      briefScope: (scope) => {
        setBriefingActions((waiting) => [...waiting, { kind: 'use-scope', scope }])
        show('Briefing')
      },
      briefEntityView: () => {
        setBriefingActions((waiting) => [
          ...waiting,
          { kind: 'use-entity-view', view: latestEntityView.current },
        ])
        show('Briefing')
      },
    }),
    [show],
  )
  const info = useLoad(
    (api) => api.appInfo({}),
    'app-info',
    () => queryCache.take('appInfo', {}),
  )
  useLastView(view, setView, info.state === 'ready' ? info.value.lastView : undefined)
  // Opening on the Overview (a new store): its figures are asked for while its script loads.
  const [openedOn] = useState(view)
  useEffect(() => {
    if (openedOn === 'Overview')
      void queryCache.prefetch('overview', overviewInput(null)).catch(() => undefined)
  }, [openedOn])

  // Menu commands from the desktop shell (View → Entities, File → Import update…).
  useEffect(preloadViewsWhenIdle, [])
  useEffect(
    () =>
      window.briefingEvents?.onCommand((command) => {
        if (command.type === 'show-view') show(command.view)
        if (command.type === 'export-briefing') {
          show('Briefing')
          setBriefingActions((waiting) => [...waiting, { kind: 'export' }])
        }
        if (command.type === 'preview-update') {
          setIncoming({ kind: 'staged', uploadId: command.uploadId, fileName: command.fileName })
          setView('Updates')
        }
      }),
    [show],
  )

  // A file dropped anywhere on the window goes to the Updates view's preview.
  function onDrop(event: DragEvent) {
    const file = event.dataTransfer.files[0]
    if (!file) return
    event.preventDefault()
    setIncoming({ kind: 'file', file })
    setView('Updates')
  }

  return (
    <NavigationContext.Provider value={navigation}>
      <div className="shell" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
        <header className="topbar">
          <h1>Sanctions Briefing</h1>
          <nav aria-label="Views">
            {VIEW_NAMES.map((name) => (
              <button
                key={name}
                type="button"
                className="nav-button"
                aria-current={view === name ? 'page' : undefined}
                onClick={() => show(name)}
              >
                {name}
              </button>
            ))}
          </nav>
          <p className="data-as-of">
            {info.state === 'ready' ? `Data as of ${info.value.dataAsOf ?? 'unknown'}` : ''}
          </p>
        </header>
        {info.state === 'ready' && info.value.readOnly ? (
          <p className="read-only-notice" role="status">
            Read-only: {info.value.readOnly}. You can read and brief, but imports, undo, saved views and saved
            briefings cannot be kept.
          </p>
        ) : null}
        <main>
          <h2>{view}</h2>
          {view === 'Overview' ? (
            <Suspense fallback={<ViewLoading name="overview" />}>
              <OverviewView scope={overviewScope} onWholeStore={() => setOverviewScope(null)} />
            </Suspense>
          ) : null}
          {view === 'Entities' ? <EntitiesView link={entityLink} /> : null}
          {view === 'Rounds' ? (
            <Suspense fallback={<ViewLoading name="rounds" />}>
              <RoundsView />
            </Suspense>
          ) : null}
          {view === 'Reactions' ? (
            <Suspense fallback={<ViewLoading name="reactions" />}>
              <ReactionsView link={reactionLink} />
            </Suspense>
          ) : null}
          {/* Kept mounted so a briefing being composed survives a look at another view. */}
          <div hidden={view !== 'Briefing'}>
            {briefingOpened ? (
              <Suspense fallback={<ViewLoading name="briefing" />}>
                <BriefingView
                  active={view === 'Briefing'}
                  actions={briefingActions}
                  onActionsTaken={() => setBriefingActions([])}
                  entityView={entityView}
                />
              </Suspense>
            ) : null}
          </div>
          {view === 'Updates' ? (
            <Suspense fallback={<ViewLoading name="updates" />}>
              <UpdatesView incoming={incoming} />
            </Suspense>
          ) : null}
          {view === 'Changes' ? (
            <Suspense fallback={<ViewLoading name="changes" />}>
              <ChangesView />
            </Suspense>
          ) : null}
        </main>
      </div>
    </NavigationContext.Provider>
  )
}

import { useState } from 'react'
import { useLoad } from './api/use-api'
import { EntitiesView } from './views/entities-view'
import { ReactionsView } from './views/reactions-view'
import { RoundsView } from './views/rounds-view'
import { UpdatesView } from './views/updates-view'

const VIEWS = {
  Entities: EntitiesView,
  Rounds: RoundsView,
  Reactions: ReactionsView,
  Updates: UpdatesView,
} as const
type ViewName = keyof typeof VIEWS

export function App() {
  const [view, setView] = useState<ViewName>('Entities')
  const info = useLoad((api) => api.appInfo({}), 'app-info')
  const View = VIEWS[view]
  return (
    <div className="shell">
      <header className="topbar">
        <h1>Sanctions Briefing</h1>
        <nav aria-label="Views">
          {(Object.keys(VIEWS) as ViewName[]).map((name) => (
            <button
              key={name}
              type="button"
              className="nav-button"
              aria-current={view === name ? 'page' : undefined}
              onClick={() => setView(name)}
            >
              {name}
            </button>
          ))}
        </nav>
        <p className="data-as-of">
          {info.state === 'ready' ? `Data as of ${info.value.dataAsOf ?? 'unknown'}` : ''}
        </p>
      </header>
      <main>
        <h2>{view}</h2>
        <View />
      </main>
    </div>
  )
}

// First of all: see early-first-page.ts.
import './api/early-first-page'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from './api/client'
import { queryCache } from './api/query-cache'
import { ApiContext } from './api/use-api'
import { App } from './app'
import './styles.css'

/** How long the first render may wait for the first view's early answers (see early-first-page.ts). */
const FIRST_RENDER_WAITS_AT_MOST_MS = 300

const root = createRoot(document.getElementById('root')!)
const client = createClient()
void queryCache.untakenArrived(FIRST_RENDER_WAITS_AT_MOST_MS).then(() =>
  root.render(
    <StrictMode>
      {client ? (
        <ApiContext.Provider value={client}>
          <App />
        </ApiContext.Provider>
      ) : (
        <main className="not-connected" role="alert">
          <h1>Sanctions Briefing</h1>
          <p>
            This page needs its access token. Open the exact address that{' '}
            <code>sanctions-briefing serve</code> printed, including the part after <code>#token=</code>.
          </p>
        </main>
      )}
    </StrictMode>,
  ),
)

import { useState } from 'react'
import { AuthorPanel } from '../updates/author-panel'
import { HistoryPanel } from '../updates/history-panel'
import { ImportPanel, type IncomingUpdate } from '../updates/import-panel'
import { JudgementsPanel } from '../updates/judgements-panel'
import { PublishPanel } from '../updates/publish-panel'
import { TrustPanel } from '../updates/trust-panel'

/** Signed update bundles: import with preview, history with undo, and the trust store. */
export function UpdatesView({ incoming = null }: { incoming?: IncomingUpdate | null }) {
  const [version, setVersion] = useState(0)
  const changed = () => setVersion((v) => v + 1)
  return (
    <div className="updates">
      <ImportPanel onImported={changed} incoming={incoming} />
      <HistoryPanel version={version} onChanged={changed} />
      <JudgementsPanel version={version} />
      <TrustPanel />
      <PublishPanel version={version} onChanged={changed} />
      <AuthorPanel version={version} onChanged={changed} />
    </div>
  )
}

import { useState } from 'react'
import { useApi, useLoad } from '../api/use-api'

/** Star or unstar an entity: a starred entity is announced whenever an import changes it. */
export function WatchToggle({ entityId, entityName }: { entityId: string; entityName: string }) {
  const api = useApi()
  const [version, setVersion] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const watches = useLoad((a) => a.listWatches({}), `watches-${entityId}-${version}`)
  if (watches.state !== 'ready') return null
  const watch = watches.value.find((w) => w.kind === 'entity' && w.entityId === entityId)
  async function toggle() {
    try {
      if (watch) await api.removeWatch({ id: watch.id })
      else await api.addWatch({ entityId })
      setError(null)
      setVersion((v) => v + 1)
    } catch (failure) {
      setError((failure as Error).message)
    }
  }
  return (
    <p className="watch-toggle">
      <button type="button" aria-pressed={watch !== undefined} onClick={() => void toggle()}>
        {watch ? '★ Watched' : '☆ Watch'}
      </button>{' '}
      <span className="status">
        {watch
          ? `Imports that change ${entityName} are announced.`
          : 'Star it to hear when an import changes it.'}
      </span>
      {error ? <span className="error"> {error}</span> : null}
    </p>
  )
}

import { useState } from 'react'
import { useApi, useLoad } from '../api/use-api'
import { LoadState } from '../components/load-state'
import { useNavigation } from '../navigation'

/** The starred entities and watched searches, each with Remove. */
export function WatchesPanel() {
  const api = useApi()
  const navigation = useNavigation()
  const [version, setVersion] = useState(0)
  const watches = useLoad((a) => a.listWatches({}), `watches-${version}`)
  return (
    <section className="panel" aria-label="Watches">
      <h3>Watches</h3>
      <LoadState loadable={watches} what="watches">
        {(list) =>
          list.length === 0 ? (
            <p className="status">
              Nothing watched yet: star an entity in its details, or watch a search from the Entities table.
            </p>
          ) : (
            <ul className="watches">
              {list.map((watch) => (
                <li key={watch.id}>
                  {watch.kind === 'entity' ? (
                    <>
                      ★{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => navigation.openEntity(watch.entityId!)}
                      >
                        {watch.entityName ?? watch.entityId}
                      </button>
                      {watch.entityName ? null : <span className="unknown"> (no longer in the store)</span>}
                    </>
                  ) : (
                    <>
                      Search “{watch.name}”
                      <span className="status"> — {watch.query!.search || 'every entity'}</span>
                    </>
                  )}{' '}
                  <button
                    type="button"
                    aria-label={`Stop watching ${watch.kind === 'entity' ? (watch.entityName ?? watch.entityId) : watch.name}`}
                    onClick={() =>
                      void api.removeWatch({ id: watch.id }).then(() => setVersion((v) => v + 1))
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  )
}

import { useLoad } from '../api/use-api'
import { LoadState } from '../components/load-state'
import { CHANGE_KIND_LABELS, FieldChanges } from './change-text'

/**
 * An entity's timeline, newest first: what each import changed about it and its designations, and the
 * listings it holds (with the date the list gives, or "date unknown"), each with where it came from.
 */
export function EntityHistory({ id }: { id: string }) {
  const history = useLoad((api) => api.entityHistory({ id }), `entity-history-${id}`)
  return (
    <section aria-label="History">
      <h4>History</h4>
      <LoadState loadable={history} what="the entity's history">
        {(events) =>
          events.length === 0 ? (
            <p className="unknown">No listings or imported changes recorded.</p>
          ) : (
            <ol className="entity-history">
              {events.map((event, index) => (
                <li key={`${event.importId ?? 'listed'}-${event.recordId}-${index}`}>
                  <span className="when">
                    {event.at
                      ? event.at.replace('T', ' ').slice(0, event.kind === 'listed' ? 10 : 16)
                      : 'date unknown'}
                  </span>{' '}
                  <strong>
                    {event.kind === 'listed' && event.action
                      ? `${event.action[0].toUpperCase()}${event.action.slice(1)}`
                      : CHANGE_KIND_LABELS[event.kind]}
                  </strong>{' '}
                  {event.type}
                  {event.round ? (
                    <>
                      {' '}
                      in {event.list ? `${event.list}, ` : ''}
                      {event.roundLabel ?? event.round}
                    </>
                  ) : null}
                  {event.source ? <span className="origin"> — {event.source}</span> : null}
                  <FieldChanges fields={event.fields} />
                </li>
              ))}
            </ol>
          )
        }
      </LoadState>
    </section>
  )
}

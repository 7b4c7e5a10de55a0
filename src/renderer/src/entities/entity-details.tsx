import { useLoad } from '../api/use-api'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { QuoteText } from '../components/quote-text'
import { SourceLink } from '../components/source-link'
import { DetailsPanel } from '../review/details-panel'

/** The side panel for one entity: every name, designation, reaction and source, and where it came from. */
export function EntityDetails({ id, onClose }: { id: string; onClose: () => void }) {
  const entity = useLoad((api) => api.getEntity({ id }), `entity-${id}`)
  return (
    <DetailsPanel onClose={onClose}>
      <LoadState loadable={entity} what="the entity">
        {(e) =>
          !e ? (
            <p>This entity is no longer in the store.</p>
          ) : (
            <>
              <h3>{e.primaryName}</h3>
              <p lang="zh" className="original">
                {orUnknown(e.originalName, 'original-script name not recorded')}
                {e.originalNameNote ? <span className="note"> — {e.originalNameNote}</span> : null}
              </p>
              <dl className="facts">
                <dt>Type</dt>
                <dd>{e.type}</dd>
                <dt>Country</dt>
                <dd>{orUnknown(e.country, 'unknown')}</dd>
                <dt>Sectors</dt>
                <dd>{e.sectors.join(', ') || <span className="unknown">none recorded</span>}</dd>
                <dt>Aliases</dt>
                <dd>
                  {e.aliases.length > 0 ? (
                    e.aliases.join('; ')
                  ) : (
                    <span className="unknown">none recorded</span>
                  )}
                </dd>
                <dt>Addresses</dt>
                <dd>
                  {e.addresses.length > 0 ? (
                    e.addresses.join('; ')
                  ) : (
                    <span className="unknown">none recorded</span>
                  )}
                </dd>
              </dl>
              {e.notes ? <p className="note">{e.notes}</p> : null}
              <h4>Designations</h4>
              <ul>
                {e.designations.map((d) => (
                  <li key={d.id}>
                    {d.action} in <strong>{d.roundLabel}</strong> ({dateOrUnknown(d.date)}); licence:{' '}
                    {orUnknown(d.licenseRequirement)}; policy: {orUnknown(d.licensePolicy)}
                  </li>
                ))}
              </ul>
              <h4>Reactions naming it ({e.reactions.length})</h4>
              <ul>
                {e.reactions.map((r) => (
                  <li key={r.id}>
                    <strong>{r.speaker ?? r.organisation ?? 'Unnamed'}</strong> ({dateOrUnknown(r.dateSaid)}):{' '}
                    <QuoteText reaction={r} /> <SourceLink source={r.source} />
                  </li>
                ))}
              </ul>
              <h4>Sources</h4>
              <ol>
                {e.citations.map((c, index) => (
                  <li key={`${c.source.id}-${index}`}>
                    <SourceLink source={c.source} />{' '}
                    {c.supports ? <span className="note">({c.supports})</span> : null}
                    {c.source.reliability === 'single' ? <span className="badge">single source</span> : null}
                  </li>
                ))}
              </ol>
              <p className="provenance">
                From {e.provenance.label}, recorded {e.provenance.at.slice(0, 10)}.
              </p>
            </>
          )
        }
      </LoadState>
    </DetailsPanel>
  )
}

import { useState } from 'react'
import { useLoad } from '../api/use-api'
import { CorrectField } from '../review/correct-field-form'
import { OfficeNotes } from '../review/office-notes'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { DetailsPanel } from '../review/details-panel'
import { ProvenanceNote, ReactionList, SourceList } from '../review/details-parts'
import { EntityHistory } from '../changes/entity-history'
import { WatchToggle } from '../changes/watch-toggle'

/** The side panel for one entity: every name, designation, reaction and source, and where it came from. */
export function EntityDetails({ id, onClose }: { id: string; onClose: () => void }) {
  // Bumped by a correction written here: the details are read again, with it.
  const [version, setVersion] = useState(0)
  const [edited, setEdited] = useState<string | null>(null)
  const entity = useLoad((api) => api.getEntity({ id }), `entity-${id}-${version}`)
  return (
    <DetailsPanel onClose={onClose}>
      <LoadState loadable={entity} what="the entity">
        {(e) =>
          !e ? (
            <p>This entity is no longer in the store.</p>
          ) : (
            <>
              <h3>{e.primaryName}</h3>
              <WatchToggle entityId={e.id} entityName={e.primaryName} />
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
                <dt>Also reported as</dt>
                <dd>
                  {e.reportedNames.length > 0 ? (
                    <ul className="reported-names">
                      {e.reportedNames.map((r) => (
                        <li key={`${r.name}-${r.sourceId}`}>
                          {r.name}{' '}
                          <span className="origin">
                            ({r.publication}
                            {r.note ? `, ${r.note}` : ''})
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="unknown">no other names reported</span>
                  )}
                </dd>
                <dt>Identifiers</dt>
                <dd>
                  {e.identifiers.length > 0 ? (
                    e.identifiers.map((i) => `${i.scheme} ${i.value}`).join('; ')
                  ) : (
                    <span className="unknown">none recorded</span>
                  )}
                </dd>
              </dl>
              {e.notes ? <p className="note">{e.notes}</p> : null}
              <CorrectField
                type="entity"
                id={e.id}
                current={{
                  name: e.primaryName,
                  originalName: e.originalName,
                  originalNameNote: e.originalNameNote,
                  country: e.country,
                  notes: e.notes,
                }}
                onCorrected={(message) => {
                  setEdited(message)
                  setVersion((v) => v + 1)
                }}
              />
              {edited ? <p role="status">{edited}</p> : null}
              <OfficeNotes
                on={{ entity: e.id }}
                notes={e.officeNotes}
                onChanged={(message) => {
                  setEdited(message)
                  setVersion((v) => v + 1)
                }}
              />
              <h4>Designations</h4>
              <ul>
                {e.designations.map((d) => (
                  <li key={d.id}>
                    {d.action} in <strong>{d.roundLabel}</strong> ({dateOrUnknown(d.date)})
                    {d.ended ? (
                      <>
                        ;{' '}
                        <strong className="ended">
                          {d.ended <= new Date().toISOString().slice(0, 10) ? 'ended' : 'listed until'}{' '}
                          {d.ended}
                        </strong>
                      </>
                    ) : null}
                    ; licence: {orUnknown(d.licenseRequirement)}; policy: {orUnknown(d.licensePolicy)}
                    {d.programs ? <>; programmes: {d.programs}</> : null}
                  </li>
                ))}
              </ul>
              <EntityHistory key={version} id={e.id} />
              <h4>Reactions naming it ({e.reactions.length})</h4>
              <ReactionList reactions={e.reactions} />
              <h4>Sources</h4>
              <SourceList citations={e.citations} />
              <ProvenanceNote provenance={e.provenance} />
            </>
          )
        }
      </LoadState>
    </DetailsPanel>
  )
}

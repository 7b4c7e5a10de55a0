import { useState } from 'react'
import { countsLabel } from '../../../shared/format'
import { useLoad } from '../api/use-api'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { LoadState } from '../components/load-state'
import { useNavigation } from '../navigation'
import { CorrectField } from '../review/correct-field-form'
import { OfficeNotes } from '../review/office-notes'
import { DetailsPanel } from '../review/details-panel'
import { ProvenanceNote, ReactionList, SourceList } from '../review/details-parts'

/** A link to another review table with this round's filter applied. */
function TableLink({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <p>
      <button type="button" className="link" onClick={onClick}>
        {label}
      </button>
    </p>
  )
}

/** The side panel for one round: its rule, dates and counts, every entity it named, and the reactions. */
export function RoundDetails({ id, onClose }: { id: string; onClose: () => void }) {
  // Bumped by a correction written here: the details are read again, with it.
  const [version, setVersion] = useState(0)
  const [edited, setEdited] = useState<string | null>(null)
  const round = useLoad((api) => api.getRound({ id }), `round-${id}-${version}`)
  const navigation = useNavigation()
  return (
    <DetailsPanel onClose={onClose}>
      <LoadState loadable={round} what="the round">
        {(r) =>
          !r ? (
            <p>This round is no longer in the store.</p>
          ) : (
            <>
              <h3>{r.title ?? r.citations[0] ?? r.id}</h3>
              <dl className="facts">
                <dt>List</dt>
                <dd>{r.list}</dd>
                <dt>Citation</dt>
                <dd>{r.citations.join('; ') || <span className="unknown">not recorded</span>}</dd>
                <dt>FR Doc</dt>
                <dd>{orUnknown(r.frDocNumber, 'not found')}</dd>
                <dt>Docket</dt>
                <dd>{orUnknown(r.docket)}</dd>
                <dt>RIN</dt>
                <dd>{orUnknown(r.rin)}</dd>
                <dt>Announced</dt>
                <dd>{dateOrUnknown(r.announced)}</dd>
                <dt>Published</dt>
                <dd>{dateOrUnknown(r.published)}</dd>
                <dt>Effective</dt>
                <dd>{dateOrUnknown(r.effective)}</dd>
                <dt>Basis</dt>
                <dd>{orUnknown(r.basis)}</dd>
                <dt>Entities</dt>
                <dd>{countsLabel(r.declaredCount, r.recordedCount)}</dd>
              </dl>
              {r.notes ? <p className="note">{r.notes}</p> : null}
              <h4>Entities ({r.designations.length})</h4>
              <TableLink
                label="Show these entities in the Entities table"
                onClick={() => navigation.showEntities({ round: [r.id] })}
              />
              <ul>
                {r.designations.map((d) => (
                  <li key={d.id}>
                    <button type="button" className="link" onClick={() => navigation.openEntity(d.entityId)}>
                      {d.entityName}
                    </button>{' '}
                    — {d.action}; licence: {orUnknown(d.licenseRequirement)}; policy:{' '}
                    {orUnknown(d.licensePolicy)}
                  </li>
                ))}
              </ul>
              <h4>Reactions ({r.reactions.length})</h4>
              {r.reactions.length > 0 ? (
                <TableLink
                  label="Show these reactions in the Reactions table"
                  onClick={() => navigation.showReactions({ round: [r.id] })}
                />
              ) : null}
              <ReactionList reactions={r.reactions} />
              <CorrectField
                type="round"
                id={r.id}
                current={{ title: r.title, basis: r.basis, notes: r.notes }}
                onCorrected={(message) => {
                  setEdited(message)
                  setVersion((v) => v + 1)
                }}
              />
              {edited ? <p role="status">{edited}</p> : null}
              <OfficeNotes
                on={{ round: r.id }}
                notes={r.officeNotes}
                onChanged={(message) => {
                  setEdited(message)
                  setVersion((v) => v + 1)
                }}
              />
              <h4>Sources</h4>
              <SourceList citations={r.citationsBySource} />
              <ProvenanceNote provenance={r.provenance} />
            </>
          )
        }
      </LoadState>
    </DetailsPanel>
  )
}

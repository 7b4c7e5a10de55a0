import { useState } from 'react'
import type { Reaction } from '../../../shared/domain'
import { useApi } from '../api/use-api'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { QuoteText } from '../components/quote-text'
import { SourceLink } from '../components/source-link'
import { useNavigation } from '../navigation'
import { DetailsPanel } from '../review/details-panel'

/** The side panel for one reaction: the whole quote, who said it, where it was reported, what it names. */
export function ReactionDetails({
  reaction: r,
  onClose,
  onCorrect,
  onDeleted,
}: {
  reaction: Reaction | undefined
  onClose: () => void
  /** Opens the form to correct it (a local edit). */
  onCorrect(reaction: Reaction): void
  onDeleted(): void
}) {
  const navigation = useNavigation()
  const api = useApi()
  const [problem, setProblem] = useState<string | null>(null)
  async function remove(reaction: Reaction) {
    if (!window.confirm('Delete this reaction? It is a local edit: undo in the Updates view brings it back.'))
      return
    try {
      await api.deleteReaction({ id: reaction.id })
      onDeleted()
    } catch (error) {
      setProblem((error as Error).message)
    }
  }
  return (
    <DetailsPanel onClose={onClose}>
      {!r ? (
        <p>This reaction is no longer in the store.</p>
      ) : (
        <>
          <h3>{r.speaker ?? r.organisation ?? 'Speaker not named'}</h3>
          {r.written ? (
            <p className="provenance">
              <span className="badge local">local</span> Written in this app by {r.written.author},{' '}
              {r.written.at.slice(0, 10)}.
            </p>
          ) : null}
          <blockquote className="full-quote" lang={r.language}>
            <QuoteText reaction={r} />
          </blockquote>
          <dl className="facts">
            <dt>Date</dt>
            <dd>{dateOrUnknown(r.dateSaid)}</dd>
            <dt>Speaker</dt>
            <dd>{orUnknown(r.speaker, 'not named')}</dd>
            <dt>Role</dt>
            <dd>{orUnknown(r.speakerRole)}</dd>
            <dt>Organisation</dt>
            <dd>{orUnknown(r.organisation)}</dd>
            <dt>Kind</dt>
            <dd>{r.organisationKind}</dd>
            <dt>Stance</dt>
            <dd>{orUnknown(r.stance, 'not classified')}</dd>
            <dt>Source</dt>
            <dd>
              <SourceLink source={r.source} />
              {r.source.reliability === 'single' ? <span className="badge">single source</span> : null}
            </dd>
          </dl>
          {r.notes ? <p className="note">{r.notes}</p> : null}
          {r.textKind === 'verbatim' ? <CheckedAgainst reaction={r} /> : null}
          <h4>Rounds ({r.rounds.length})</h4>
          <ul>
            {r.rounds.map((round) => (
              <li key={round.id}>
                {round.label}{' '}
                <button
                  type="button"
                  className="link"
                  aria-label={`Show entities of ${round.label}`}
                  onClick={() => navigation.showEntities({ round: [round.id] })}
                >
                  its entities
                </button>
              </li>
            ))}
          </ul>
          <h4>Entities mentioned ({r.entities.length})</h4>
          <ul>
            {r.entities.map((entity) => (
              <li key={entity.id}>
                <button type="button" className="link" onClick={() => navigation.openEntity(entity.id)}>
                  {entity.name}
                </button>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button type="button" onClick={() => onCorrect(r)}>
              Correct…
            </button>
            <button type="button" onClick={() => void remove(r)}>
              Delete
            </button>
          </div>
          {problem ? (
            <p className="error" role="alert">
              {problem}
            </p>
          ) : null}
        </>
      )}
    </DetailsPanel>
  )
}

/** For a verbatim quote: the source's passage it was checked against and when, or that it was not. */
function CheckedAgainst({ reaction: r }: { reaction: Reaction }) {
  if (!r.sourceExcerpt) return <p className="note">Not yet checked against the source’s own words.</p>
  return (
    <details className="checked-against">
      <summary>Checked against the source’s words on {dateOrUnknown(r.excerptCheckedOn)}</summary>
      <blockquote lang={r.language}>{r.sourceExcerpt}</blockquote>
    </details>
  )
}

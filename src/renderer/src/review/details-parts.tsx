import type { Citation, Provenance, Reaction } from '../../../shared/domain'
import { dateOrUnknown } from '../components/empty-value'
import { QuoteText } from '../components/quote-text'
import { SourceLink } from '../components/source-link'

/** The reactions a record is named in, each with who said it, when, the words, and where it was reported. */
export function ReactionList({ reactions }: { reactions: Reaction[] }) {
  return (
    <ul>
      {reactions.map((reaction) => (
        <li key={reaction.id}>
          <strong>{reaction.speaker ?? reaction.organisation ?? 'Unnamed'}</strong> (
          {dateOrUnknown(reaction.dateSaid)}): <QuoteText reaction={reaction} />{' '}
          <SourceLink source={reaction.source} />
        </li>
      ))}
    </ul>
  )
}

/** A record's sources, numbered, with what each supports; a single-source fact is flagged. */
export function SourceList({ citations }: { citations: Citation[] }) {
  return (
    <ol>
      {citations.map((c, index) => (
        <li key={`${c.source.id}-${index}`}>
          <SourceLink source={c.source} /> {c.supports ? <span className="note">({c.supports})</span> : null}
          {c.source.reliability === 'single' ? <span className="badge">single source</span> : null}
        </li>
      ))}
    </ol>
  )
}

/** Where a record came from (the default dataset, a bundle, an import) and when it entered the store. */
export function ProvenanceNote({ provenance }: { provenance: Provenance }) {
  return (
    <p className="provenance">
      From {provenance.label}, recorded {provenance.at.slice(0, 10)}.
    </p>
  )
}

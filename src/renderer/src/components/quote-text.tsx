import type { Reaction } from '../../../shared/domain'

/** Verbatim words in quotation marks, after the outlet's framing; a paraphrase never in quotation marks. */
export function QuoteText({ reaction }: { reaction: Pick<Reaction, 'text' | 'textKind' | 'context'> }) {
  if (reaction.textKind === 'paraphrase') {
    return (
      <span className="paraphrase">
        <span className="badge" title="The source reports this in its own words; it is not a quotation.">
          Paraphrase
        </span>{' '}
        {reaction.context ? `${reaction.context} ` : ''}
        {reaction.text}
      </span>
    )
  }
  return (
    <span className="verbatim">
      {reaction.context ? `${reaction.context} ` : ''}“{reaction.text}”
    </span>
  )
}

import type { ReactionGrouping } from '../../../shared/briefing'
import { ORGANISATION_KINDS, STANCES } from '../../../shared/domain'
import type { BriefingData, BriefingReaction } from '../collect-briefing'
import { longDate, Refs } from './parts'

const KIND_HEADINGS: Record<(typeof ORGANISATION_KINDS)[number], string> = {
  government: 'Governments',
  company: 'Companies',
  analyst: 'Analysts',
  'industry group': 'Industry groups',
  media: 'Media',
  other: 'Others',
}

const STANCE_HEADINGS: Record<(typeof STANCES)[number], string> = {
  opposes: 'Opposing',
  supports: 'Supporting',
  neutral: 'Neutral',
  mixed: 'Mixed',
}

function groupReactions(reactions: BriefingReaction[], grouping: ReactionGrouping) {
  if (grouping === 'organisationKind') {
    return ORGANISATION_KINDS.map((kind) => ({
      key: kind,
      heading: KIND_HEADINGS[kind],
      reactions: reactions.filter((r) => r.organisationKind === kind),
    })).filter((group) => group.reactions.length > 0)
  }
  return [
    ...STANCES.map((stance) => ({
      key: stance,
      heading: STANCE_HEADINGS[stance],
      reactions: reactions.filter((r) => r.stance === stance),
    })),
    { key: 'none', heading: 'Stance not recorded', reactions: reactions.filter((r) => r.stance === null) },
  ].filter((group) => group.reactions.length > 0)
}

/** "Geng Shuang, Spokesperson, Ministry of Foreign Affairs of the PRC · 8 October 2019" — unknowns said so. */
function attribution(reaction: BriefingReaction): string {
  const who = [reaction.speaker ?? 'Speaker not recorded', reaction.speakerRole, reaction.organisation]
    .filter(Boolean)
    .join(', ')
  return `${who} · ${longDate(reaction.dateSaid) ?? 'date not recorded'}`
}

export function ReactionFigure({ reaction, showRefs }: { reaction: BriefingReaction; showRefs: boolean }) {
  return (
    <figure className="reaction">
      {reaction.textKind === 'verbatim' ? (
        // Only verbatim text goes inside quotation marks.
        <blockquote lang={reaction.language}>“{reaction.text}”</blockquote>
      ) : (
        <p className="paraphrase" lang={reaction.language}>
          <span className="kind">Paraphrase </span>
          {reaction.text}
        </p>
      )}
      <figcaption>
        {reaction.context ? `${reaction.context} — ` : '— '}
        {attribution(reaction)} · {reaction.source.publication}
        {showRefs ? <Refs numbers={[reaction.sourceNumber]} /> : null}
        {reaction.written ? (
          // Not from a list or a bundle: the reader should know who in the office recorded it.
          <span className="local">
            {' '}
            · local, recorded by {reaction.written.author} on {longDate(reaction.written.at.slice(0, 10))}
          </span>
        ) : null}
      </figcaption>
    </figure>
  )
}

/** Quotes grouped by who spoke (kind of organisation) or by stance; a quote never splits across pages. */
export function ReactionsSection({ data, showRefs }: { data: BriefingData; showRefs: boolean }) {
  const groups = groupReactions(data.reactions, data.settings.reactionGrouping)
  return (
    <section aria-labelledby="section-reactions">
      <h2 id="section-reactions">Reactions</h2>
      {groups.length === 0 ? <p className="unknown">No reactions are recorded for this scope.</p> : null}
      {groups.map((group) => (
        <div key={group.key}>
          <h3>{group.heading}</h3>
          {group.reactions.map((reaction) => (
            <ReactionFigure key={reaction.id} reaction={reaction} showRefs={showRefs} />
          ))}
        </div>
      ))}
    </section>
  )
}

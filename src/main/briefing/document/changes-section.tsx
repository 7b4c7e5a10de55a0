import { fieldValueText } from '../../../shared/changes'
import type { BriefingData } from '../collect-briefing'
import type { BriefedChange, BriefingChanges } from '../collect-changes'
import { countryName, longDate, Refs } from './parts'
import { ReactionFigure } from './reactions-section'

const KIND_WORDS = { new: 'new', changed: 'changed', ended: 'ended', retired: 'removed' } as const

/** "Murat Peker (Turkey (TR)) — US BIS Entity List, 78 FR 75485": the record and what it is about. */
function ChangeHead({ briefed, showRefs }: { briefed: BriefedChange; showRefs: boolean }) {
  const { change } = briefed
  const about = [countryName(change.country), [...change.lists, ...briefed.roundLabels].join(', ')].filter(
    Boolean,
  )
  return (
    <>
      <strong>{change.label}</strong>
      {/* Entities and their listings read as the entity; other records say what they are. */}
      {change.type !== 'entity' && change.type !== 'designation' ? (
        <span className="kind"> ({change.type})</span>
      ) : null}
      {about.length > 0 ? ` — ${about.join('; ')}` : ''}
      {showRefs ? <Refs numbers={briefed.sourceNumbers} /> : null}
    </>
  )
}

function ChangeList({
  changes,
  showRefs,
  empty,
  withKind = false,
}: {
  changes: BriefedChange[]
  showRefs: boolean
  empty: string
  withKind?: boolean
}) {
  if (changes.length === 0) return <p className="unknown">{empty}</p>
  return (
    <ul className="changes">
      {changes.map((briefed) => (
        <li key={`${briefed.change.importId}-${briefed.change.type}-${briefed.change.recordId}`}>
          {withKind ? <span className="kind">{KIND_WORDS[briefed.change.kind]}: </span> : null}
          <ChangeHead briefed={briefed} showRefs={showRefs} />
          {briefed.change.fields.length > 0 ? (
            <ul className="fields">
              {briefed.change.fields.map((field) => (
                <li key={field.field}>
                  {field.field}: {fieldValueText(field.before)} → {fieldValueText(field.after)}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function ImportsCovered({ changes }: { changes: BriefingChanges }) {
  return (
    <p className="meta">
      From{' '}
      {changes.imports
        .map(
          (entry) =>
            `import ${entry.id}, ${entry.label}, imported on ${longDate(entry.importedAt.slice(0, 10))}`,
        )
        .join('; ')}
      .
    </p>
  )
}

/** The weekly note: new listings, ended and removed ones, changed entries (before → after), new reactions. */
export function ChangesSection({ data, showRefs }: { data: BriefingData; showRefs: boolean }) {
  const changes = data.changes!
  return (
    <section aria-labelledby="section-changes">
      <h2 id="section-changes">What changed {changes.covers}</h2>
      <ImportsCovered changes={changes} />
      <h3>New listings</h3>
      <ChangeList changes={changes.newListings} showRefs={showRefs} empty="No new listings." />
      <h3>Ended and removed listings</h3>
      <ChangeList
        changes={changes.endedOrRemoved}
        showRefs={showRefs}
        empty="No listing ended or was removed."
        withKind
      />
      <h3>Changed entries</h3>
      <ChangeList changes={changes.changedEntries} showRefs={showRefs} empty="No entry changed." />
      <h3>New reactions</h3>
      {data.reactions.length === 0 ? <p className="unknown">No new reactions.</p> : null}
      {data.reactions.map((reaction) => (
        <ReactionFigure key={reaction.id} reaction={reaction} showRefs={showRefs} />
      ))}
    </section>
  )
}

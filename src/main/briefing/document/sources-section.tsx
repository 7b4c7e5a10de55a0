import type { NumberedSource } from '../source-numbering'
import { longDate } from './parts'

const RELIABILITY_NOTES = {
  primary: null,
  secondary: null,
  single: 'single source: not confirmed elsewhere',
} as const

function SourceEntry({ entry }: { entry: NumberedSource }) {
  if (entry.kind === 'federal-register') {
    const published = longDate(entry.published)
    return (
      <li value={entry.number}>
        Federal Register, {entry.citation}
        {published ? `, published ${published}` : ''}.
      </li>
    )
  }
  const { source } = entry
  const note = RELIABILITY_NOTES[source.reliability]
  return (
    <li value={entry.number}>
      {source.publication}
      {source.title ? (
        <>
          , <em>{source.title}</em>
        </>
      ) : null}
      {source.date ? `, ${longDate(source.date)}` : ', date not recorded'}.
      {source.url ? ` ${source.url}` : ''}
      {note ? ` (${note})` : ''}
    </li>
  )
}

/** Every publication and Federal Register citation the briefing refers to, numbered as cited. */
export function SourcesSection({ sources }: { sources: NumberedSource[] }) {
  return (
    <section aria-labelledby="section-sources">
      <h2 id="section-sources">Sources</h2>
      {sources.length === 0 ? (
        <p className="unknown">No sources are cited in the sections included.</p>
      ) : (
        <ol className="sources">
          {sources.map((entry) => (
            <SourceEntry key={entry.number} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  )
}

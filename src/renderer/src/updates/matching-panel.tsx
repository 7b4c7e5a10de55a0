import type { ImportMatching } from '../../../shared/updates'

interface MatchingPanelProps {
  matching: ImportMatching
  /** The CSL source list kept, if one was chosen (undefined: all of them). */
  source: string | undefined
  onSource(source: string | undefined): void
  decisions: Record<string, string>
  onDecision(entry: string, entityId: string): void
  /** Several decisions at once (the user's "same as proposed" for every single-candidate match). */
  onDecisions(decisions: Record<string, string>): void
}

/**
 * For a published list: its source lists (a CSL can be narrowed to one), the parties recognised as
 * entities the store already has with the evidence, and the possible matches the user decides.
 */
export function MatchingPanel({
  matching,
  source,
  onSource,
  decisions,
  onDecision,
  onDecisions,
}: MatchingPanelProps) {
  const singles = matching.ambiguous.filter((match) => match.candidates.length === 1)
  return (
    <section aria-label="Matching" className="panel">
      <h3>Listed parties</h3>
      <p>
        {matching.entries} listed {matching.entries === 1 ? 'party' : 'parties'}.
      </p>
      {matching.lists.length > 1 || source ? (
        <label>
          Import from{' '}
          <select value={source ?? ''} onChange={(event) => onSource(event.target.value || undefined)}>
            <option value="">every list in the file</option>
            {matching.lists.map((list) => (
              <option key={list.list} value={list.list}>
                {list.list} ({list.entries})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {singles.length > 0 ? (
        <p>
          <button
            type="button"
            onClick={() =>
              onDecisions(
                Object.fromEntries(singles.map((match) => [match.entry, match.candidates[0].entityId])),
              )
            }
          >
            Same as the one entity proposed, for all {singles.length} with one candidate
          </button>{' '}
          Check the evidence first: a name and a country in common do not prove that two parties are one.
        </p>
      ) : null}
      {matching.ambiguousCount > 0 ? (
        <table aria-label="Possible matches" className="compact">
          <caption>
            Possible matches ({matching.ambiguousCount}): each is added as a new entity unless you choose the
            entity it is.
          </caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Listed as</th>
              <th scope="col">Could be</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {matching.ambiguous.map((match) => (
              <tr key={match.entry}>
                <td className="mono">{match.entry}</td>
                <td>
                  {match.incoming} ({match.country ?? 'country not given'})
                </td>
                <td>
                  <ul>
                    {match.candidates.map((c) => (
                      <li key={c.entityId}>
                        <strong>{c.entityName}</strong> ({c.country ?? 'country not recorded'}):{' '}
                        {c.reasons.join('; ')}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <select
                    aria-label={`Decision for ${match.incoming}`}
                    value={decisions[match.entry] ?? 'new'}
                    onChange={(event) => onDecision(match.entry, event.target.value)}
                  >
                    <option value="new">Add as a new entity</option>
                    {match.candidates.map((c) => (
                      <option key={c.entityId} value={c.entityId}>
                        Same as {c.entityName}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {matching.mergedCount > 0 ? (
        <details>
          <summary>Recognised as entities already known ({matching.mergedCount})</summary>
          <table aria-label="Recognised entities" className="compact">
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Listed as</th>
                <th scope="col">Entity</th>
                <th scope="col">Evidence</th>
              </tr>
            </thead>
            <tbody>
              {matching.merged.map((m) => (
                <tr key={m.entry}>
                  <td className="mono">{m.entry}</td>
                  <td>{m.incoming}</td>
                  <td>
                    {m.entityName}
                    {m.inStore ? '' : ' (from this file)'}
                  </td>
                  <td>{m.reasons.join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  )
}

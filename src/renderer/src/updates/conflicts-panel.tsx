import type { ConflictDecision, ConflictDecisions, EditConflict } from '../../../shared/updates'
import { show } from './preview-panel'

/**
 * What the update would change of the user's own edits, each with "keep mine" or "take theirs": the
 * update is applied only once every one is decided, so no local edit is dropped silently.
 */
export function ConflictsPanel({
  conflicts,
  decisions,
  onDecide,
}: {
  conflicts: EditConflict[]
  decisions: ConflictDecisions
  onDecide(key: string, decision: ConflictDecision): void
}) {
  if (conflicts.length === 0) return null
  const open = conflicts.filter((conflict) => decisions[conflict.key] === undefined).length
  return (
    <section aria-label="Conflicts with your edits" className="panel conflicts">
      <h3>Conflicts with your edits</h3>
      <p role="note">
        This update changes {conflicts.length === 1 ? 'something' : `${conflicts.length} things`} you edited
        in the app. Choose for each whether to keep yours or take the update’s
        {open > 0 ? ` (${open} not decided yet)` : ''}.
      </p>
      <p>
        <button type="button" onClick={() => conflicts.forEach((c) => onDecide(c.key, 'mine'))}>
          Keep all mine
        </button>{' '}
        <button type="button" onClick={() => conflicts.forEach((c) => onDecide(c.key, 'theirs'))}>
          Take all theirs
        </button>
      </p>
      <table aria-label="Conflicts" className="compact">
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Field</th>
            <th scope="col">Yours</th>
            <th scope="col">The update’s</th>
            <th scope="col">Keep</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => (
            <tr key={conflict.key}>
              <td>
                {conflict.type} <strong>{conflict.label}</strong>
              </td>
              <td>{conflict.field ?? '(the whole record)'}</td>
              <td className="before">{conflict.field === null ? 'kept' : show(conflict.mine)}</td>
              <td className="after">{conflict.field === null ? 'removed' : show(conflict.theirs)}</td>
              <td>
                {(['mine', 'theirs'] as const).map((decision) => (
                  <label key={decision} className="inline">
                    <input
                      type="radio"
                      name={conflict.key}
                      checked={decisions[conflict.key] === decision}
                      onChange={() => onDecide(conflict.key, decision)}
                    />
                    {decision === 'mine' ? 'mine' : 'theirs'}
                  </label>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

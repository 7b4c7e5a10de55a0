/** An empty result says so, and offers to clear the search and filters that caused it. */
export function NoMatches({ noun, canClear, onClear }: { noun: string; canClear: boolean; onClear(): void }) {
  return (
    <p className="empty" role="note">
      No {noun} match.{' '}
      {canClear ? (
        <button type="button" className="link" onClick={onClear}>
          Clear search and filters
        </button>
      ) : null}
    </p>
  )
}

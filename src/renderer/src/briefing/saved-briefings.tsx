import type { SavedBriefing } from '../../../shared/briefing'

interface SavedBriefingsProps {
  briefings: SavedBriefing[]
  openId: string | null
  onOpen(briefing: SavedBriefing): void
  onDelete(briefing: SavedBriefing): void
}

/** Briefings kept in the store, newest first, to reopen or remove. */
export function SavedBriefings({ briefings, openId, onOpen, onDelete }: SavedBriefingsProps) {
  if (briefings.length === 0) return <p className="unknown">No saved briefings yet.</p>
  return (
    <table className="compact" aria-label="Saved briefings">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Saved</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {briefings.map((briefing) => (
          <tr key={briefing.id} className={briefing.id === openId ? 'selected' : undefined}>
            <td>{briefing.settings.title}</td>
            <td className="date">{briefing.updatedAt.slice(0, 16).replace('T', ' ')}</td>
            <td>
              <button type="button" className="link" onClick={() => onOpen(briefing)}>
                Open<span className="visually-hidden"> {briefing.settings.title}</span>
              </button>{' '}
              <button type="button" className="link" onClick={() => onDelete(briefing)}>
                Delete<span className="visually-hidden"> {briefing.settings.title}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

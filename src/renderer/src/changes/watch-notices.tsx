import type { WatchNotice } from '../../../shared/watches'
import { useNavigation } from '../navigation'
import { CHANGE_KIND_LABELS } from './change-text'

/** After an import: the watches it touched, each changed entity a link to its details. */
export function WatchNotices({ notices }: { notices: WatchNotice[] }) {
  const navigation = useNavigation()
  if (notices.length === 0) return null
  return (
    <section className="watch-notices" aria-label="Watched entities that changed" role="alert">
      <h4>Watched entities that changed</h4>
      <ul>
        {notices.map((notice) => (
          <li key={notice.watch.id}>
            {notice.watch.kind === 'entity' ? 'Starred' : `Watch “${notice.watch.name}”`}:{' '}
            {notice.entities.map((entity, index) => (
              <span key={entity.id}>
                {index > 0 ? ', ' : ''}
                <button type="button" className="link" onClick={() => navigation.openEntity(entity.id)}>
                  {entity.name}
                </button>{' '}
                ({entity.kinds.map((kind) => CHANGE_KIND_LABELS[kind].toLowerCase()).join(', ')})
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  )
}

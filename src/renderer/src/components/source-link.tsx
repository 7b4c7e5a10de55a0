import type { SourceRef } from '../../../shared/domain'
import { useApi } from '../api/use-api'

/**
 * A source citation. With a URL it is a link: in browser mode the browser opens it; in the desktop app
 * the shell asks the user first, then hands it to the system browser.
 */
export function SourceLink({ source }: { source: SourceRef }) {
  const api = useApi()
  const label = `${source.publication}${source.date ? `, ${source.date}` : ''}`
  if (!source.url) return <span className="source">{label}</span>
  return (
    <a
      className="source"
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      title={source.url}
      onClick={(event) => {
        // Following a source from a table row does not also open the row.
        event.stopPropagation()
        if (!window.briefing) return
        event.preventDefault()
        void api.openSourceLink({ url: source.url! })
      }}
    >
      {label}
    </a>
  )
}

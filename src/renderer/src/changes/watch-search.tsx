import { useState } from 'react'
import type { WatchQuery } from '../../../shared/watches'
import { useApi } from '../api/use-api'

/** "Watch this search": keeps the table's search and filters under a name, announced after imports. */
export function WatchSearchButton({ query }: { query: WatchQuery }) {
  const api = useApi()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  async function save() {
    try {
      const watch = await api.addWatch({ name, query })
      setMessage(`Watching “${watch.name}”: imports that change what it finds are announced.`)
      setNaming(false)
      setName('')
    } catch (error) {
      setMessage((error as Error).message)
    }
  }
  if (!naming)
    return (
      <>
        <button type="button" onClick={() => setNaming(true)}>
          Watch this search
        </button>
        {message ? (
          <span role="status" className="status">
            {' '}
            {message}
          </span>
        ) : null}
      </>
    )
  return (
    <form
      className="watch-search"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label>
        Name of the watch{' '}
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={100} />
      </label>{' '}
      <button type="submit" disabled={name.trim() === ''}>
        Save watch
      </button>{' '}
      <button type="button" onClick={() => setNaming(false)}>
        Cancel
      </button>
      {message ? <span className="error"> {message}</span> : null}
    </form>
  )
}

import { useState } from 'react'
import { authorNameSchema } from '../../../shared/local-edits'
import { useApi, useLoad } from '../api/use-api'

/** The name local edits are marked with ("local, by …"): set once per store, changed here. */
export function AuthorPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const api = useApi()
  const edits = useLoad((a) => a.listLocalEdits({}), `local-edits-${version}`)
  const [name, setName] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const kept = edits.state === 'ready' ? edits.value.author : null
  const shown = name ?? kept ?? ''

  async function save() {
    const parsed = authorNameSchema.safeParse(shown)
    if (!parsed.success) return setMessage(`Your name: ${parsed.error.issues[0].message}.`)
    try {
      await api.setAuthorName({ name: parsed.data })
      setMessage(`Local edits will be marked with “${parsed.data}”.`)
      setName(null)
      onChanged()
    } catch (error) {
      setMessage((error as Error).message)
    }
  }

  return (
    <section aria-label="Your name" className="panel">
      <h3>Your name</h3>
      <p className="hint">Reactions and corrections written in this app are marked “local” with this name.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label>
          Name <input value={shown} onChange={(event) => setName(event.target.value)} maxLength={100} />
        </label>{' '}
        <button type="submit">Save name</button>
      </form>
      {message ? <p role="status">{message}</p> : null}
    </section>
  )
}

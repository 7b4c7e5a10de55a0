import { useState } from 'react'
import type { TableViews } from '../../../shared/entity-query'

interface SavedViewsProps<State> {
  saved: TableViews<State>['saved']
  onApply(state: State): void
  onSave(name: string): void
  onDelete(name: string): void
}

/** Named views of the table: apply one, keep the current one under a name, or delete one. */
export function SavedViews<State>({ saved, onApply, onSave, onDelete }: SavedViewsProps<State>) {
  const [chosen, setChosen] = useState('')
  const [name, setName] = useState('')
  const [open, setOpen] = useState(false)
  const view = saved.find((v) => v.name === chosen)
  return (
    <div className="saved-views">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Saved views ({saved.length})
      </button>
      <div className="saved-views-body" hidden={!open}>
        <label>
          View
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">Choose a saved view…</option>
            {saved.map((v) => (
              <option key={v.name} value={v.name}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!view} onClick={() => view && onApply(view.state)}>
          Apply view
        </button>
        <button
          type="button"
          disabled={!view}
          onClick={() => {
            if (view) onDelete(view.name)
            setChosen('')
          }}
        >
          Delete view
        </button>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (!name.trim()) return
            onSave(name.trim())
            setName('')
          }}
        >
          <label>
            Save this view as
            <input
              type="text"
              value={name}
              maxLength={100}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <button type="submit" disabled={!name.trim()}>
            Save view
          </button>
        </form>
      </div>
    </div>
  )
}

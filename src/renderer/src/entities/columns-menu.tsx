import { useState } from 'react'

interface ColumnsMenuProps {
  columns: { id: string; label: string }[]
  hidden: string[]
  onChange(hidden: string[]): void
}

/** Which columns the table shows; the name column always stays. */
export function ColumnsMenu({ columns, hidden, onChange }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false)
  return (
    <div className="columns-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </button>
      <fieldset hidden={!open}>
        <legend className="visually-hidden">Columns shown</legend>
        {columns.map((column) => (
          <label key={column.id}>
            <input
              type="checkbox"
              checked={!hidden.includes(column.id)}
              disabled={column.id === 'name'}
              onChange={(event) =>
                onChange(
                  event.target.checked ? hidden.filter((id) => id !== column.id) : [...hidden, column.id],
                )
              }
            />
            {column.label}
          </label>
        ))}
      </fieldset>
    </div>
  )
}

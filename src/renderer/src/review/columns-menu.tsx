import { useState } from 'react'

interface ColumnsMenuProps {
  /** In the order the table shows them. */
  columns: { id: string; label: string }[]
  hidden: string[]
  onChange(hidden: string[]): void
  /** Moves a column one place earlier (-1) or later (+1). */
  onMove(id: string, by: -1 | 1): void
  /** The column that identifies a row (the name, the title) cannot be hidden. */
  fixed: string
}

/** Which columns the table shows, and in what order; the identifying column always stays. */
export function ColumnsMenu({ columns, hidden, onChange, onMove, fixed }: ColumnsMenuProps) {
  const [open, setOpen] = useState(false)
  return (
    <div className="columns-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </button>
      <fieldset hidden={!open}>
        <legend className="visually-hidden">Columns shown</legend>
        {columns.map((column, index) => (
          <div key={column.id} className="column-choice">
            <label>
              <input
                type="checkbox"
                checked={!hidden.includes(column.id)}
                disabled={column.id === fixed}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? hidden.filter((id) => id !== column.id) : [...hidden, column.id],
                  )
                }
              />
              {column.label}
            </label>
            <button
              type="button"
              className="link"
              aria-label={`Move ${column.label} left`}
              disabled={index === 0}
              onClick={() => onMove(column.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="link"
              aria-label={`Move ${column.label} right`}
              disabled={index === columns.length - 1}
              onClick={() => onMove(column.id, 1)}
            >
              ↓
            </button>
          </div>
        ))}
      </fieldset>
    </div>
  )
}

import { useState } from 'react'
import { copyText, rowsAsTsv, type CellText } from './copy-rows'

/** "Copy selected (N)": the picked rows, shown columns in table order, as a table for a spreadsheet. */
export function CopySelected<Row>({
  rows,
  columns,
  cellText,
}: {
  rows: Row[]
  columns: { id: string; label: string }[]
  cellText: CellText<Row>
}) {
  const [message, setMessage] = useState('')
  return (
    <>
      <button
        type="button"
        disabled={rows.length === 0}
        onClick={() =>
          copyText(rowsAsTsv(rows, columns, cellText)).then(
            () => setMessage(`Copied ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}.`),
            (error: unknown) => setMessage((error as Error).message),
          )
        }
      >
        Copy selected ({rows.length})
      </button>
      <span className="status" aria-live="polite">
        {message}
      </span>
    </>
  )
}

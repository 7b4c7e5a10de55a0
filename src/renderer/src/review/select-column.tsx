import { createColumnHelper, type RowData } from '@tanstack/react-table'
import type { ReviewFeatures } from './review-features'

/** A checkbox per row (and one for every loaded row) to pick rows to copy. */
export function selectColumn<Row extends RowData>(
  rows: Row[],
  rowId: (row: Row) => string,
  rowName: (row: Row) => string,
  selected: ReadonlySet<string>,
  setSelected: (next: ReadonlySet<string>) => void,
) {
  const helper = createColumnHelper<ReviewFeatures, Row>()
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(rowId(row)))
  return helper.display({
    id: 'select',
    size: 44,
    enableResizing: false,
    header: () => (
      <input
        type="checkbox"
        aria-label="Select every loaded row"
        checked={allSelected}
        onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map(rowId)))}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${rowName(row.original)}`}
        checked={selected.has(rowId(row.original))}
        // Reached with Space on its row: the rows share one tab stop.
        tabIndex={-1}
        // Ticking a row picks it; it does not open its details.
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
        onChange={() => {
          const id = rowId(row.original)
          const next = new Set(selected)
          if (next.has(id)) next.delete(id)
          else next.add(id)
          setSelected(next)
        }}
      />
    ),
  })
}

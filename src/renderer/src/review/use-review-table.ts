import {
  useTable,
  type ColumnDef,
  type ColumnSizingState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table'
import { inOrder, reviewFeatures, type ReviewFeatures } from './review-features'
import { selectColumn } from './select-column'

/** How a reviewer laid the columns out: kept with the view and saved by name. */
export interface ColumnLayout {
  hiddenColumns: string[]
  columnOrder: string[]
  columnSizes: ColumnSizingState
}

export interface ReviewTableOptions<Row extends RowData> {
  rows: Row[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  columns: ColumnDef<ReviewFeatures, Row, any>[]
  /** Columns fixed after the row checkbox, not hidden or moved by the reviewer (the Match column). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  leading?: ColumnDef<ReviewFeatures, Row, any>[]
  rowId(row: Row): string
  rowName(row: Row): string
  selected: ReadonlySet<string>
  setSelected(next: ReadonlySet<string>): void
  sorting: SortingState
  setSorting(next: SortingState): void
  layout: ColumnLayout
  /** Given how to get the next sizes from the previous ones (several may come before a redraw). */
  updateColumnSizes(next: (previous: ColumnSizingState) => ColumnSizingState): void
}

/**
 * The table every review view draws (Entities, Rounds, Reactions): a checkbox per row, then the
 * reviewer's columns in their order, hidden and sized as kept; the view sorts, so sorting is manual.
 */
export function useReviewTable<Row extends RowData>(options: ReviewTableOptions<Row>) {
  const { rows, columns, leading = [], layout, sorting } = options
  const labels = columns.map((column) => ({ id: column.id ?? '', label: String(column.header ?? column.id) }))
  const orderedLabels = inOrder(labels, layout.columnOrder)
  const shownLabels = orderedLabels.filter((column) => !layout.hiddenColumns.includes(column.id))
  const table = useTable({
    features: reviewFeatures,
    columns: [
      selectColumn(rows, options.rowId, options.rowName, options.selected, options.setSelected),
      ...leading,
      ...columns,
    ],
    data: rows,
    getRowId: options.rowId,
    manualSorting: true,
    columnResizeMode: 'onChange',
    defaultColumn: { minSize: 60, maxSize: 1200 },
    state: {
      sorting,
      columnVisibility: Object.fromEntries(layout.hiddenColumns.map((id) => [id, false])),
      columnOrder: ['select', ...leading.map((column) => column.id ?? ''), ...orderedLabels.map((c) => c.id)],
      columnSizing: layout.columnSizes,
    },
    onSortingChange: (updater) =>
      options.setSorting(typeof updater === 'function' ? updater(sorting) : updater),
    onColumnSizingChange: (updater) =>
      options.updateColumnSizes((previous) => {
        const next = typeof updater === 'function' ? updater(previous) : updater
        // Whole pixels: sizes are kept and compared, and fractions only add noise.
        return Object.fromEntries(Object.entries(next).map(([id, size]) => [id, Math.round(size)]))
      }),
  })
  return { table, orderedLabels, shownLabels }
}

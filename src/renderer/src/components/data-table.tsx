import { tableFeatures, useTable, type ColumnDef, type RowData } from '@tanstack/react-table'

export const coreFeatures = tableFeatures({})
export type CoreFeatures = typeof coreFeatures

interface DataTableProps<Row extends RowData> {
  /** The accessible name of the table ("Entities", "Rounds", "Reactions"). */
  label: string
  rows: Row[]
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  columns: ColumnDef<CoreFeatures, Row, any>[]
  rowId: (row: Row) => string
}

/** A plain, accessible table of records; sorting, filters and virtualisation arrive with the review tables. */
export function DataTable<Row extends RowData>({ label, rows, columns, rowId }: DataTableProps<Row>) {
  const table = useTable({ features: coreFeatures, columns, data: rows, getRowId: rowId })
  return (
    <div className="table-wrap">
      <p className="status" role="status">
        Showing {rows.length} of {rows.length}
      </p>
      <table aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * The header row of a compact table: a column header per label, then one for the row's buttons, named
 * for screen readers but not shown.
 */
export function HeadWithActions({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        <th scope="col">
          <span className="visually-hidden">Actions</span>
        </th>
      </tr>
    </thead>
  )
}

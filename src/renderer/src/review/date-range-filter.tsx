/** A date range for a date column; either end may be left open. */
export function DateRangeFilter({
  title,
  value,
  onChange,
}: {
  title: string
  value: { from?: string; to?: string }
  onChange: (next: { from?: string; to?: string }) => void
}) {
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      <label className="date-bound">
        From{' '}
        <input
          type="date"
          value={value.from ?? ''}
          onChange={(event) => onChange({ ...value, from: event.target.value || undefined })}
        />
      </label>
      <label className="date-bound">
        To{' '}
        <input
          type="date"
          value={value.to ?? ''}
          onChange={(event) => onChange({ ...value, to: event.target.value || undefined })}
        />
      </label>
    </fieldset>
  )
}

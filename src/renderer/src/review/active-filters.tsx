export interface FilterChip {
  key: string
  /** "Country: CN", "Date: 2019-10-01 – …". */
  label: string
  remove(): void
}

/** The filters in force as removable chips, and "Clear all"; nothing when no filter is set. */
export function ActiveFilters({ chips, onClearAll }: { chips: FilterChip[]; onClearAll(): void }) {
  if (chips.length === 0) return null
  return (
    <div className="active-filters" aria-label="Active filters">
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          className="chip removable"
          aria-label={`Remove filter ${chip.label}`}
          onClick={chip.remove}
        >
          {chip.label} ×
        </button>
      ))}
      <button type="button" className="link" onClick={onClearAll}>
        Clear all
      </button>
    </div>
  )
}

/** A date range as a chip shows it; an open end is "…". */
export function rangeLabel(range: { from?: string; to?: string }): string {
  return `${range.from ?? '…'} – ${range.to ?? '…'}`
}

/** A facet value's label for its chip: as counted, else the value itself; '' is "not recorded". */
export function facetLabel(
  values: { value: string; label: string }[] | undefined,
  value: string,
  emptyLabel = 'not recorded',
): string {
  return (values?.find((v) => v.value === value)?.label ?? value) || emptyLabel
}

import { memo, useState } from 'react'
import type { FacetValue } from '../../../shared/entity-query'

const SEARCHABLE_FROM = 8

/** A set filter: values with counts (each counted with the other filters applied), searchable when long. */
function FacetFilterView<Id extends string>({
  id,
  title,
  values,
  selected,
  onChange,
  emptyLabel = 'not recorded',
}: {
  /** Which facet this is; handed back with each change, so one stable handler serves every facet. */
  id: Id
  title: string
  values: FacetValue[]
  selected: string[]
  onChange: (id: Id, next: string[]) => void
  /** How the '' value (no value recorded) is listed. */
  emptyLabel?: string
}) {
  const describe = (v: FacetValue) => v.label || emptyLabel
  const [needle, setNeedle] = useState('')
  const shown = needle
    ? values.filter((v) => describe(v).toLowerCase().includes(needle.toLowerCase()))
    : values
  const toggle = (value: string) =>
    onChange(id, selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value])
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {values.length >= SEARCHABLE_FROM ? (
        <input
          type="search"
          className="facet-search"
          aria-label={`Filter ${title} values`}
          placeholder={`Find a ${title.toLowerCase()}…`}
          value={needle}
          onChange={(event) => setNeedle(event.target.value)}
        />
      ) : null}
      {values.length === 0 && selected.length === 0 ? <p className="facet-empty">None recorded</p> : null}
      <ul>
        {shown.map((value) => (
          <li key={value.value}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(value.value)}
                onChange={() => toggle(value.value)}
              />{' '}
              <span className={value.label ? '' : 'unknown'}>{describe(value)}</span>{' '}
              <span className="count">{value.count}</span>
            </label>
          </li>
        ))}
        {selected
          .filter((value) => !values.some((v) => v.value === value))
          .map((value) => (
            <li key={value}>
              <label>
                <input type="checkbox" checked onChange={() => toggle(value)} />{' '}
                {describe({ value, label: value, count: 0 })} <span className="count">0</span>
              </label>
            </li>
          ))}
      </ul>
    </fieldset>
  )
}

/** Redrawn only when its own values, ticks or handler change (a keystroke in Search changes none). */
export const FacetFilter = memo(FacetFilterView) as typeof FacetFilterView

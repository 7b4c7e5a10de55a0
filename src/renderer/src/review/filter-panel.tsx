import type { FacetValue } from '../../../shared/entity-query'
import { facetLabel, rangeLabel, type FilterChip } from './active-filters'
import { DateRangeFilter } from './date-range-filter'
import { FacetFilter } from './facet-filter'
import type { DateRange } from './list-query'
import { TextFilter } from './text-filter'

/** A review table's filters as they stand: set filters with their counted values, texts and date ranges. */
export interface FilterState {
  facets: { id: string; title: string; values: FacetValue[]; selected: string[]; emptyLabel?: string }[]
  texts: { id: string; title: string; value: string }[]
  dates: { id: string; title: string; value: DateRange }[]
}

export interface FilterSetters {
  setFacet(id: string, values: string[]): void
  setText(id: string, value: string): void
  setDates(id: string, range: DateRange): void
}

/** The filters in force as chips, in the panel's order: set filters, texts, then date ranges. */
export function filterChips(state: FilterState, set: FilterSetters): FilterChip[] {
  return [
    ...state.facets.flatMap((facet) =>
      facet.selected.map((value) => ({
        key: `${facet.id}:${value}`,
        label: `${facet.title}: ${facetLabel(facet.values, value, facet.emptyLabel)}`,
        remove: () =>
          set.setFacet(
            facet.id,
            facet.selected.filter((v) => v !== value),
          ),
      })),
    ),
    ...state.texts
      .filter((text) => text.value.trim() !== '')
      .map((text) => ({
        key: `text:${text.id}`,
        label: `${text.title} contains “${text.value.trim()}”`,
        remove: () => set.setText(text.id, ''),
      })),
    ...state.dates
      .filter((date) => date.value.from || date.value.to)
      .map((date) => ({
        key: `date:${date.id}`,
        label: `${date.title}: ${rangeLabel(date.value)}`,
        remove: () => set.setDates(date.id, {}),
      })),
  ]
}

/** The side panel of filters: set filters with counts, "contains" filters, date ranges. */
export function FilterPanel({ state, set }: { state: FilterState; set: FilterSetters }) {
  return (
    <div className="facets" aria-label="Filters">
      {state.facets.map((facet) => (
        <FacetFilter
          key={facet.id}
          id={facet.id}
          title={facet.title}
          values={facet.values}
          selected={facet.selected}
          onChange={set.setFacet}
          emptyLabel={facet.emptyLabel}
        />
      ))}
      {state.texts.map((text) => (
        <TextFilter
          key={text.id}
          title={text.title}
          value={text.value}
          onChange={(value) => set.setText(text.id, value)}
        />
      ))}
      {state.dates.map((date) => (
        <DateRangeFilter
          key={date.id}
          title={date.title}
          value={date.value}
          onChange={(range) => set.setDates(date.id, range)}
        />
      ))}
    </div>
  )
}

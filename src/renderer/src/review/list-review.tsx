import {
  useTable,
  type ColumnDef,
  type ColumnSizingState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import type { ListViewState } from '../../../shared/entity-query'
import { toCsv } from '../../../shared/csv'
import { downloadFile } from '../components/download'
import { ActiveFilters, facetLabel, rangeLabel, type FilterChip } from './active-filters'
import { ColumnsMenu } from './columns-menu'
import type { CellText } from './copy-rows'
import { CopySelected } from './copy-selected'
import { DateRangeFilter } from './date-range-filter'
import { FacetFilter } from './facet-filter'
import { runListQuery, type DateRange, type ListSpec } from './list-query'
import { inOrder, moveColumnId, reviewFeatures, type ReviewFeatures } from './review-features'
import { NoMatches } from './no-matches'
import { ReviewGrid } from './review-grid'
import { SavedViews } from './saved-views'
import { SearchBox } from './search-box'
import { TextFilter } from './text-filter'
import { selectColumn } from './select-column'
import { useKeptView } from './use-kept-view'
import { useSelection } from './use-selection'

export interface ListReviewProps<Row extends RowData> {
  /** Where its state is kept, and its accessible name ("Rounds", "Reactions"). */
  table: 'rounds' | 'reactions'
  label: string
  /** "rounds", "reactions": for "No rounds match." */
  noun: string
  rows: Row[]
  spec: ListSpec<Row>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- column value types differ per column
  columns: ColumnDef<ReviewFeatures, Row, any>[]
  cellText: CellText<Row>
  /** The column that names a row; it cannot be hidden. */
  nameColumn: string
  rowName(row: Row): string
  /** Filters brought by a link from another view (a round → its reactions); they replace the kept ones. */
  linkedFilters?: Record<string, string[]>
  searchPlaceholder: string
  details(id: string, close: () => void): ReactNode
}

/** One empty list, so memoised children see the same value while nothing is there. */
const NONE: never[] = []
const EMPTY_STATE: ListViewState = {
  search: '',
  filters: {},
  dates: {},
  texts: {},
  sort: [],
  hiddenColumns: [],
  columnOrder: [],
  columnSizes: {},
  scrollTop: 0,
}

/**
 * A review table whose rows the renderer holds (Rounds, Reactions): search, set filters with facet
 * counts, date ranges, multi-sort, columns hidden, moved and resized, state kept across restarts and
 * saved by name, CSV of the whole view, copy of picked rows, and a details panel.
 */
export function ListReview<Row extends RowData>(props: ListReviewProps<Row>) {
  const { rows, spec, columns, cellText, linkedFilters } = props
  const linked = linkedFilters !== undefined && Object.keys(linkedFilters).length > 0
  const [state, setState] = useState<ListViewState>(
    linked ? { ...EMPTY_STATE, filters: linkedFilters } : EMPTY_STATE,
  )
  const kept = useKeptView<{ table: 'rounds' | 'reactions'; state: ListViewState }>(
    props.table,
    state,
    (restored) => setState(restored),
    !linked,
  )
  const update = (change: Partial<ListViewState>) => setState((previous) => ({ ...previous, ...change }))
  const applyView = (view: ListViewState) =>
    setState((previous) => ({ ...view, scrollTop: previous.scrollTop }))
  const search = state.search
  const query = useMemo(
    () => ({ search, filters: state.filters, dates: state.dates, texts: state.texts, sort: state.sort }),
    [search, state.filters, state.dates, state.texts, state.sort],
  )
  const result = useMemo(() => runListQuery(rows, spec, query), [rows, spec, query])
  const [openId, setOpenId] = useState<string | null>(null)
  const queryKey = JSON.stringify(query)
  const [selected, setSelected] = useSelection(queryKey)

  const labels = columns.map((column) => ({ id: column.id ?? '', label: String(column.header ?? column.id) }))
  const orderedLabels = inOrder(labels, state.columnOrder)
  const shownLabels = orderedLabels.filter((column) => !state.hiddenColumns.includes(column.id))
  const sorting: SortingState = state.sort.map((s) => ({ id: s.column, desc: s.desc }))
  const table = useTable({
    features: reviewFeatures,
    columns: [
      selectColumn(result.rows, spec.id, props.rowName, selected, setSelected),
      ...columns.map((column) => ({ ...column, enableSorting: (column.id ?? '') in spec.sortValues })),
    ],
    data: result.rows,
    getRowId: spec.id,
    manualSorting: true,
    columnResizeMode: 'onChange',
    defaultColumn: { minSize: 60, maxSize: 1200 },
    state: {
      sorting,
      columnVisibility: Object.fromEntries(state.hiddenColumns.map((id) => [id, false])),
      columnOrder: ['select', ...orderedLabels.map((column) => column.id)],
      columnSizing: state.columnSizes,
    },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater
      update({ sort: next.map((s) => ({ column: s.id, desc: s.desc })) })
    },
    onColumnSizingChange: (updater) =>
      setState((previous) => {
        const next: ColumnSizingState =
          typeof updater === 'function' ? updater(previous.columnSizes) : updater
        return {
          ...previous,
          columnSizes: Object.fromEntries(Object.entries(next).map(([k, v]) => [k, Math.round(v)])),
        }
      }),
  })

  const setFacet = useCallback(
    (id: string, values: string[]) =>
      setState((previous) => ({ ...previous, filters: { ...previous.filters, [id]: values } })),
    [],
  )
  const setDates = (id: string, range: DateRange) =>
    setState((previous) => {
      const dates = { ...previous.dates }
      if (range.from || range.to) dates[id] = range
      else delete dates[id]
      return { ...previous, dates }
    })
  const setText = (id: string, value: string) =>
    setState((previous) => {
      const texts = { ...previous.texts }
      if (value) texts[id] = value
      else delete texts[id]
      return { ...previous, texts }
    })
  const chips: FilterChip[] = [
    ...spec.facets.flatMap((facet) =>
      (state.filters[facet.id] ?? []).map((value) => ({
        key: `${facet.id}:${value}`,
        label: `${facet.title}: ${facetLabel(result.facets[facet.id], value, facet.emptyLabel)}`,
        remove: () =>
          setFacet(
            facet.id,
            (state.filters[facet.id] ?? []).filter((v) => v !== value),
          ),
      })),
    ),
    ...spec.dates
      .filter((d) => state.dates[d.id]?.from || state.dates[d.id]?.to)
      .map((d) => ({
        key: `date:${d.id}`,
        label: `${d.title}: ${rangeLabel(state.dates[d.id])}`,
        remove: () => setDates(d.id, {}),
      })),
    ...spec.texts
      .filter((t) => (state.texts[t.id] ?? '').trim() !== '')
      .map((t) => ({
        key: `text:${t.id}`,
        label: `${t.title} contains “${state.texts[t.id].trim()}”`,
        remove: () => setText(t.id, ''),
      })),
  ]
  const clearFilters = () => update({ filters: {}, dates: {}, texts: {} })

  /** The whole filtered view, shown columns in table order (columns of buttons have no text). */
  function exportCsv() {
    const csvColumns = shownLabels.filter((column) => column.id in cellText)
    const csv = toCsv(
      csvColumns.map((column) => column.label),
      result.rows.map((row) => csvColumns.map((column) => cellText[column.id](row))),
    )
    downloadFile(`${props.table}-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8')
  }

  return (
    <div className="review">
      <div className="review-main">
        <div className="toolbar">
          <SearchBox
            value={state.search}
            onChange={(value) => update({ search: value })}
            placeholder={props.searchPlaceholder}
          />
          <p className="status" role="status">
            Showing {result.rows.length} of {rows.length}
          </p>
          <button type="button" className="export" onClick={exportCsv}>
            Export CSV
          </button>
          <CopySelected
            rows={result.rows.filter((row) => selected.has(spec.id(row)))}
            columns={shownLabels}
            cellText={cellText}
          />
          <ColumnsMenu
            columns={orderedLabels}
            hidden={state.hiddenColumns}
            fixed={props.nameColumn}
            onChange={(hiddenColumns) => update({ hiddenColumns })}
            onMove={(id, by) =>
              update({
                columnOrder: moveColumnId(
                  orderedLabels.map((column) => column.id),
                  id,
                  by,
                ),
              })
            }
          />
          <SavedViews saved={kept.saved} onApply={applyView} onSave={kept.save} onDelete={kept.remove} />
        </div>
        <ActiveFilters chips={chips} onClearAll={clearFilters} />
        {kept.restored ? (
          <ReviewGrid
            label={props.label}
            table={table}
            total={result.rows.length}
            openId={openId}
            onOpen={setOpenId}
            initialScrollTop={kept.restoredState?.scrollTop ?? 0}
            onScrollTopChange={(scrollTop) => update({ scrollTop })}
            queryKey={queryKey}
            renderDeps={[
              result.rows,
              state.sort,
              state.hiddenColumns,
              state.columnOrder,
              state.columnSizes,
              selected,
              chips.length > 0 || state.search !== '',
            ]}
            empty={
              result.rows.length === 0 ? (
                <NoMatches
                  noun={props.noun}
                  canClear={chips.length > 0 || state.search !== ''}
                  onClear={() => update({ filters: {}, dates: {}, texts: {}, search: '' })}
                />
              ) : null
            }
          />
        ) : null}
      </div>
      <div className="review-side">
        {openId ? (
          props.details(openId, () => setOpenId(null))
        ) : (
          <div className="facets" aria-label="Filters">
            {spec.facets.map((facet) => (
              <FacetFilter
                key={facet.id}
                id={facet.id}
                title={facet.title}
                values={result.facets[facet.id] ?? NONE}
                selected={state.filters[facet.id] ?? NONE}
                onChange={setFacet}
                emptyLabel={facet.emptyLabel}
              />
            ))}
            {spec.texts.map((t) => (
              <TextFilter
                key={t.id}
                title={t.title}
                value={state.texts[t.id] ?? ''}
                onChange={(value) => setText(t.id, value)}
              />
            ))}
            {spec.dates.map((d) => (
              <DateRangeFilter
                key={d.id}
                title={d.title}
                value={state.dates[d.id] ?? {}}
                onChange={(range) => setDates(d.id, range)}
              />
            ))}
          </div>
        )}
      </div>
    </div>
  )
}

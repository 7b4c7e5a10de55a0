import type { ColumnDef, RowData, SortingState } from '@tanstack/react-table'
import { useCallback, useDeferredValue, useMemo, useState, type ReactNode } from 'react'
import type { ListViewState } from '../../../shared/entity-query'
import { toCsv } from '../../../shared/csv'
import { downloadFile } from '../components/download'
import type { CellText } from './copy-rows'
import { runListQuery, type ListSpec } from './list-query'
import type { ReviewFeatures } from './review-features'
import { ReviewShell } from './review-shell'
import type { FilterSetters, FilterState } from './filter-panel'
import { useReviewTable } from './use-review-table'
import { SearchBox } from './search-box'
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
  /**
   * A link from another view (a round → its reactions): its filters replace the view's own; with an
   * `openId`, that row's details open (a change → the reaction it added).
   */
  link?: { filters: Record<string, string[]>; openId?: string | null } | null
  searchPlaceholder: string
  details(id: string, close: () => void): ReactNode
  /** Buttons of the view's own in the toolbar ("Add a reaction"). */
  actions?: ReactNode
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
  const { rows, spec, columns, cellText, link } = props
  // Opened by a link, the view takes its filters instead of the kept ones; the layout is kept either way.
  const [linked] = useState(link != null)
  const [state, setState] = useState<ListViewState>(
    link ? { ...EMPTY_STATE, filters: link.filters } : EMPTY_STATE,
  )
  const kept = useKeptView<{ table: 'rounds' | 'reactions'; state: ListViewState }>(
    props.table,
    state,
    (restored) =>
      setState((previous) =>
        linked
          ? {
              ...previous,
              hiddenColumns: restored.hiddenColumns,
              columnOrder: restored.columnOrder,
              columnSizes: restored.columnSizes,
            }
          : restored,
      ),
    true,
  )
  const [openId, setOpenId] = useState<string | null>(link?.openId ?? null)
  // A link that comes while the view is open replaces its search and filters (not its layout).
  const [followed, setFollowed] = useState(link)
  if (link && link !== followed) {
    setFollowed(link)
    setState((previous) => ({ ...previous, search: '', filters: link.filters, dates: {}, texts: {} }))
    setOpenId(link.openId ?? null)
  }
  const update = (change: Partial<ListViewState>) => setState((previous) => ({ ...previous, ...change }))
  const applyView = (view: ListViewState) =>
    setState((previous) => ({ ...view, scrollTop: previous.scrollTop }))
  // The box shows each keystroke at once; the rows follow when React has time (a faster typist's skip).
  const search = useDeferredValue(state.search)
  const query = useMemo(
    () => ({ search, filters: state.filters, dates: state.dates, texts: state.texts, sort: state.sort }),
    [search, state.filters, state.dates, state.texts, state.sort],
  )
  const result = useMemo(() => runListQuery(rows, spec, query), [rows, spec, query])
  const queryKey = JSON.stringify(query)
  const [selected, setSelected] = useSelection(queryKey)

  const sorting: SortingState = state.sort.map((s) => ({ id: s.column, desc: s.desc }))
  const { table, orderedLabels, shownLabels } = useReviewTable({
    rows: result.rows,
    columns: columns.map((column) => ({ ...column, enableSorting: (column.id ?? '') in spec.sortValues })),
    rowId: spec.id,
    rowName: props.rowName,
    selected,
    setSelected,
    sorting,
    setSorting: (next) => update({ sort: next.map((s) => ({ column: s.id, desc: s.desc })) }),
    layout: state,
    updateColumnSizes: (next) =>
      setState((previous) => ({ ...previous, columnSizes: next(previous.columnSizes) })),
  })

  const setFacet = useCallback(
    (id: string, values: string[]) =>
      setState((previous) => ({ ...previous, filters: { ...previous.filters, [id]: values } })),
    [],
  )
  const setFilters: FilterSetters = {
    setFacet,
    setDates: (id, range) =>
      setState((previous) => {
        const dates = { ...previous.dates }
        if (range.from || range.to) dates[id] = range
        else delete dates[id]
        return { ...previous, dates }
      }),
    setText: (id, value) =>
      setState((previous) => {
        const texts = { ...previous.texts }
        if (value) texts[id] = value
        else delete texts[id]
        return { ...previous, texts }
      }),
  }
  const filters: FilterState = {
    facets: spec.facets.map((facet) => ({
      id: facet.id,
      title: facet.title,
      values: result.facets[facet.id] ?? NONE,
      selected: state.filters[facet.id] ?? NONE,
      emptyLabel: facet.emptyLabel,
    })),
    texts: spec.texts.map((t) => ({ id: t.id, title: t.title, value: state.texts[t.id] ?? '' })),
    dates: spec.dates.map((d) => ({ id: d.id, title: d.title, value: state.dates[d.id] ?? {} })),
  }

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
    <ReviewShell
      search={
        <SearchBox
          value={state.search}
          onChange={(value) => update({ search: value })}
          placeholder={props.searchPlaceholder}
        />
      }
      status={`Showing ${result.rows.length} of ${rows.length}`}
      actions={props.actions}
      onExportCsv={exportCsv}
      selectedRows={result.rows.filter((row) => selected.has(spec.id(row)))}
      cellText={cellText}
      columns={{ orderedLabels, shownLabels }}
      nameColumn={props.nameColumn}
      layout={state}
      setLayout={update}
      savedViews={{ saved: kept.saved, onApply: applyView }}
      onSaveView={kept.save}
      onDeleteView={kept.remove}
      filters={filters}
      setFilters={setFilters}
      onClearFilters={() => update({ filters: {}, dates: {}, texts: {} })}
      grid={
        kept.restored
          ? {
              label: props.label,
              table,
              total: result.rows.length,
              openId,
              onOpen: setOpenId,
              initialScrollTop: linked ? 0 : (kept.restoredState?.scrollTop ?? 0),
              onScrollTopChange: (scrollTop) => update({ scrollTop }),
              queryKey,
              renderDeps: [
                result.rows,
                state.sort,
                state.hiddenColumns,
                state.columnOrder,
                state.columnSizes,
                selected,
              ],
            }
          : null
      }
      noun={props.noun}
      searching={state.search !== ''}
      loaded
      onClearAll={() => update({ filters: {}, dates: {}, texts: {}, search: '' })}
      details={openId ? props.details(openId, () => setOpenId(null)) : null}
    />
  )
}

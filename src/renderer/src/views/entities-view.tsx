import {
  createColumnHelper,
  columnOrderingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useEffect, useRef, useState } from 'react'
import type { EntitySummary } from '../../../shared/domain'
import {
  MIN_FUZZY_SCORE,
  type EntityFacet,
  type EntityMatch,
  type EntitySortColumn,
  type TableViews,
  type TableViewState,
} from '../../../shared/entity-query'
import type { ApiInput } from '../../../shared/contract'
import { useApi } from '../api/use-api'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { EntityDetails } from '../entities/entity-details'
import { FacetFilter } from '../entities/facet-filter'
import { useEntityPages, type EntityQueryState } from '../entities/use-entity-pages'
import { ColumnsMenu } from '../entities/columns-menu'
import { copyText, rowsAsTsv } from '../entities/copy-rows'
import { DateRangeFilter } from '../entities/date-range-filter'
import { SavedViews } from '../entities/saved-views'
import { useNavigation } from '../navigation'

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature, columnOrderingFeature })
const helper = createColumnHelper<typeof features, EntitySummary>()
/** Columns sorted in the store take its column names; the rest are not sortable (lists). */
const columns = helper.columns([
  helper.accessor('primaryName', {
    id: 'name',
    header: 'Name',
    cell: (info) => <strong>{info.getValue()}</strong>,
  }),
  helper.accessor('originalName', {
    id: 'originalName',
    header: 'Original-script name',
    cell: (info) => <span lang="zh">{orUnknown(info.getValue())}</span>,
  }),
  helper.accessor('aliases', {
    id: 'aliases',
    header: 'Aliases',
    enableSorting: false,
    cell: (info) => info.getValue().join('; '),
  }),
  helper.accessor('country', {
    id: 'country',
    header: 'Country',
    cell: (info) => orUnknown(info.getValue(), 'unknown'),
  }),
  helper.accessor('type', { id: 'type', header: 'Type' }),
  helper.accessor('sectors', {
    id: 'sectors',
    header: 'Sectors',
    enableSorting: false,
    cell: (info) => info.getValue().join(', '),
  }),
  helper.accessor('rounds', {
    id: 'rounds',
    header: 'Rounds',
    enableSorting: false,
    cell: (info) => (
      <span className="chips">
        {info.getValue().map((round) => (
          <span className="chip" key={round.id}>
            {round.label}
          </span>
        ))}
      </span>
    ),
  }),
  helper.accessor('firstAdded', {
    id: 'firstAdded',
    header: 'First added',
    cell: (info) => dateOrUnknown(info.getValue()),
  }),
  helper.accessor('latestAction', {
    id: 'latestAction',
    header: 'Latest action',
    enableSorting: false,
    cell: (info) => orUnknown(info.getValue(), '—'),
  }),
  helper.accessor('reactionCount', { id: 'reactionCount', header: 'Reactions' }),
])

/** Shown while searching: how well the row matched, on which name, and how (OFAC-style score). */
function matchColumn(matches: Record<string, EntityMatch>) {
  return helper.display({
    id: 'match',
    header: 'Match',
    cell: ({ row }) => {
      const match = matches[row.original.id]
      if (!match) return null
      return (
        <span className="match" title={`${match.method === 'fuzzy' ? 'Similar' : 'Words'} ${match.field}`}>
          <strong>{match.score}</strong> {match.method === 'fuzzy' ? 'like' : 'on'} {match.field}{' '}
          <q>{match.text}</q>
        </span>
      )
    },
  })
}

/** The columns a reviewer can hide, in table order. */
const COLUMN_LABELS = [
  { id: 'name', label: 'Name' },
  { id: 'originalName', label: 'Original-script name' },
  { id: 'aliases', label: 'Aliases' },
  { id: 'country', label: 'Country' },
  { id: 'type', label: 'Type' },
  { id: 'sectors', label: 'Sectors' },
  { id: 'rounds', label: 'Rounds' },
  { id: 'firstAdded', label: 'First added' },
  { id: 'latestAction', label: 'Latest action' },
  { id: 'reactionCount', label: 'Reactions' },
]

/** A checkbox per row (and one for every loaded row) to pick rows to copy. */
function selectColumn(
  rows: EntitySummary[],
  selected: Set<string>,
  setSelected: (next: Set<string>) => void,
) {
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id))
  return helper.display({
    id: 'select',
    header: () => (
      <input
        type="checkbox"
        aria-label="Select every loaded row"
        checked={allSelected}
        onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.primaryName}`}
        checked={selected.has(row.original.id)}
        // Ticking a row picks it; it does not open its details.
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
        onChange={() => {
          const next = new Set(selected)
          if (next.has(row.original.id)) next.delete(row.original.id)
          else next.add(row.original.id)
          setSelected(next)
        }}
      />
    ),
  })
}

/** Items in the reviewer's order: those named in `order` first, the rest after them as defined. */
function inOrder<T extends { id?: string }>(items: T[], order: string[]): T[] {
  const rank = (item: T) => {
    const at = order.indexOf(item.id ?? '')
    return at < 0 ? order.length + items.indexOf(item) : at
  }
  return [...items].sort((a, b) => rank(a) - rank(b))
}

/** How long the table waits after a change before keeping its state for the next start. */
const KEEP_DELAY_MS = 400

const FACET_TITLES: Record<EntityFacet, string> = {
  country: 'Country',
  type: 'Type',
  sector: 'Sector',
  round: 'Round',
}
const ROW_ESTIMATE = 44

export function EntitiesView({ initialFilters = {} }: { initialFilters?: EntityQueryState['filters'] }) {
  const api = useApi()
  const [searchText, setSearchText] = useState('')
  const search = useDeferredValue(searchText)
  const [filters, setFilters] = useState<EntityQueryState['filters']>(initialFilters)
  const [sorting, setSorting] = useState<SortingState>([])
  const [minScore, setMinScore] = useState(100)
  const [hiddenColumns, setHiddenColumns] = useState<string[]>([])
  const [columnOrder, setColumnOrder] = useState<string[]>([])
  const [savedViews, setSavedViews] = useState<TableViews['saved']>([])
  // The state kept from the last session is applied once, before anything is kept again.
  const [restored, setRestored] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [copyMessage, setCopyMessage] = useState('')
  const sort = sorting.map((s) => ({ column: s.id as EntitySortColumn, desc: s.desc }))
  const { page, stale, loadMore } = useEntityPages({ search, filters, sort, minScore })
  const navigation = useNavigation()
  const viewKey = JSON.stringify({ search, filters, sort, minScore })
  // The Briefing view can take "the table as filtered" as its scope: keep it told of the current view.
  // A new view starts with nothing selected: a selection belongs to the rows it was made on.
  useEffect(() => {
    setSelected(new Set())
    navigation.reportEntityView({ search, filters, sort, minScore })
    // `viewKey` stands for search, filters and sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey])
  const applyState = (state: TableViewState) => {
    setSearchText(state.search)
    setFilters(state.filters as EntityQueryState['filters'])
    setSorting(state.sort.map((s) => ({ id: s.column, desc: s.desc })))
    setMinScore(state.minScore)
    setHiddenColumns(state.hiddenColumns)
    setColumnOrder(state.columnOrder)
  }
  useEffect(() => {
    let current = true
    api.loadViews({ table: 'entities' }).then(
      (views) => {
        if (!current) return
        setSavedViews(views.saved)
        // A link from another view (a round → its entities) brings its own filters; otherwise resume.
        if (views.current && Object.keys(initialFilters).length === 0) applyState(views.current)
        setRestored(true)
      },
      () => current && setRestored(true),
    )
    return () => {
      current = false
    }
    // Runs once, when the view opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api])
  const keptState: TableViewState = {
    search: searchText,
    filters,
    sort,
    minScore,
    hiddenColumns,
    columnOrder,
  }
  const orderedLabels = inOrder(COLUMN_LABELS, columnOrder)
  const moveColumn = (id: string, by: -1 | 1) => {
    const ids = orderedLabels.map((column) => column.id)
    const from = ids.indexOf(id)
    const to = from + by
    if (from < 0 || to < 0 || to >= ids.length) return
    ;[ids[from], ids[to]] = [ids[to], ids[from]]
    setColumnOrder(ids)
  }
  const keptKey = JSON.stringify(keptState)
  useEffect(() => {
    if (!restored) return
    const timer = setTimeout(
      () =>
        void api
          .saveView({
            table: 'entities',
            name: '',
            state: JSON.parse(keptKey) as ApiInput<'saveView'>['state'],
          })
          .catch(() => undefined),
      KEEP_DELAY_MS,
    )
    return () => clearTimeout(timer)
  }, [api, keptKey, restored])
  const reloadViews = () =>
    void api.loadViews({ table: 'entities' }).then((views) => setSavedViews(views.saved))

  // While a new query loads, keep showing the last rows instead of flashing an empty table.
  const shown = page ?? stale
  const rows = shown?.rows ?? []
  const matches = shown?.matches ?? {}
  const searching = search.trim() !== ''
  const table = useTable({
    features,
    columns: [
      selectColumn(rows, selected, setSelected),
      ...(searching ? [matchColumn(matches)] : []),
      ...columns,
    ],
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    state: {
      sorting,
      columnVisibility: Object.fromEntries(hiddenColumns.map((id) => [id, false])),
      columnOrder: ['select', 'match', ...orderedLabels.map((column) => column.id)],
    },
    onSortingChange: setSorting,
  })
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer is deliberately not memoised by the React compiler; it is used as its docs show.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.length > 0 ? items[items.length - 1].index : 0
  useEffect(() => {
    if (rows.length > 0 && lastIndex >= rows.length - 40) loadMore()
  }, [lastIndex, rows.length, loadMore])
  const searchBox = useRef<HTMLInputElement>(null)
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target
      const typing =
        target instanceof HTMLTextAreaElement ||
        (target instanceof HTMLInputElement && ['text', 'search', 'number', 'date'].includes(target.type))
      if (event.key === '/' && !typing) {
        event.preventDefault()
        searchBox.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // Labels of facet values seen so far, so a chip keeps its label when its value's count drops to zero.
  const labels = useRef(new Map<string, string>())
  for (const facet of Object.keys(FACET_TITLES) as EntityFacet[]) {
    for (const value of shown?.facets?.[facet] ?? [])
      labels.current.set(`${facet}:${value.value}`, value.label)
  }
  const setFacet = (facet: EntityFacet, values: string[]) =>
    setFilters((previous) => ({ ...previous, [facet]: values }))
  const chips = (Object.keys(FACET_TITLES) as EntityFacet[]).flatMap((facet) =>
    (filters[facet] ?? []).map((value) => {
      const label = labels.current.get(`${facet}:${value}`) ?? value
      return { facet, value, label: label || 'not recorded' }
    }),
  )
  /** Saves the whole current view (search, filters, order), not only the rows loaded so far. */
  async function exportCsv() {
    const file = await api.exportEntitiesCsv({
      search,
      filters: filters as ApiInput<'exportEntitiesCsv'>['filters'],
      sort,
      minScore,
    })
    const url = URL.createObjectURL(new Blob([file.csv], { type: 'text/csv;charset=utf-8' }))
    const link = document.createElement('a')
    link.href = url
    link.download = file.fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  const dateRange = filters.firstAdded ?? {}
  const setDateRange = (range: { from?: string; to?: string }) =>
    setFilters((previous) => ({ ...previous, firstAdded: range.from || range.to ? range : undefined }))
  const paddingTop = items.length > 0 ? items[0].start : 0
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0

  return (
    <div className="review">
      <div className="review-main">
        <div className="toolbar">
          <input
            ref={searchBox}
            type="search"
            aria-label="Search"
            placeholder="Search names, aliases, Chinese names… (press /)"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            maxLength={500}
          />
          <label className="min-score">
            Minimum score
            <input
              type="range"
              min={MIN_FUZZY_SCORE}
              max={100}
              step={1}
              value={minScore}
              aria-valuetext={minScore === 100 ? '100, exact words only' : `${minScore}, similar names too`}
              onChange={(event) => setMinScore(Number(event.target.value))}
            />
            <output>{minScore === 100 ? 'exact' : minScore}</output>
          </label>
          <p className="status" role="status">
            {shown ? `Showing ${shown.total} of ${shown.grandTotal}` : 'Loading…'}
          </p>
          <button type="button" className="export" onClick={() => void exportCsv()}>
            Export CSV
          </button>
          <button type="button" onClick={() => navigation.briefEntityView()}>
            Brief this view
          </button>
          <button
            type="button"
            disabled={selected.size === 0}
            onClick={() => {
              const chosen = rows.filter((row) => selected.has(row.id))
              const shownColumns = orderedLabels.filter((column) => !hiddenColumns.includes(column.id))
              copyText(rowsAsTsv(chosen, shownColumns)).then(
                () => setCopyMessage(`Copied ${chosen.length} ${chosen.length === 1 ? 'row' : 'rows'}.`),
                (error: unknown) => setCopyMessage((error as Error).message),
              )
            }}
          >
            Copy selected ({selected.size})
          </button>
          <span className="status" aria-live="polite">
            {copyMessage}
          </span>
          <ColumnsMenu
            columns={orderedLabels}
            hidden={hiddenColumns}
            onChange={setHiddenColumns}
            onMove={moveColumn}
          />
          <SavedViews
            saved={savedViews}
            onApply={applyState}
            onSave={(name) =>
              void api
                .saveView({ table: 'entities', name, state: keptState as ApiInput<'saveView'>['state'] })
                .then(reloadViews)
            }
            onDelete={(name) => void api.deleteView({ table: 'entities', name }).then(reloadViews)}
          />
        </div>
        {chips.length > 0 || dateRange.from || dateRange.to ? (
          <div className="active-filters" aria-label="Active filters">
            {chips.map((chip) => (
              <button
                key={`${chip.facet}:${chip.value}`}
                type="button"
                className="chip removable"
                aria-label={`Remove filter ${FACET_TITLES[chip.facet]}: ${chip.label}`}
                onClick={() =>
                  setFacet(
                    chip.facet,
                    (filters[chip.facet] ?? []).filter((v) => v !== chip.value),
                  )
                }
              >
                {FACET_TITLES[chip.facet]}: {chip.label} ×
              </button>
            ))}
            {dateRange.from || dateRange.to ? (
              <button
                type="button"
                className="chip removable"
                aria-label={`Remove filter First added: ${dateRange.from ?? '…'} to ${dateRange.to ?? '…'}`}
                onClick={() => setDateRange({})}
              >
                First added: {dateRange.from ?? '…'} – {dateRange.to ?? '…'} ×
              </button>
            ) : null}
            <button type="button" className="link" onClick={() => setFilters({})}>
              Clear all
            </button>
          </div>
        ) : null}
        {shown?.error ? (
          <p className="error" role="alert">
            Could not load entities: {shown.error}
          </p>
        ) : null}
        <div className="table-scroll" ref={scroller}>
          <table aria-label="Entities" aria-rowcount={(shown?.total ?? 0) + 1}>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted()
                    const canSort = header.column.getCanSort()
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={
                          sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                        }
                      >
                        {canSort ? (
                          <button
                            type="button"
                            className="sort"
                            onClick={header.column.getToggleSortingHandler()}
                            title="Sort (shift-click to add)"
                          >
                            <table.FlexRender header={header} />
                            {sorted ? <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span> : null}
                            {sorted && sorting.length > 1 ? (
                              <sup>{header.column.getSortIndex() + 1}</sup>
                            ) : null}
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    )
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {paddingTop > 0 ? (
                <tr
                  aria-hidden="true"
                  className="spacer"
                  ref={(el) => void (el && (el.style.height = `${paddingTop}px`))}
                />
              ) : null}
              {items.map((item) => {
                const row = table.getRowModel().rows[item.index]
                if (!row) return null
                return (
                  <tr
                    key={row.id}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    tabIndex={0}
                    aria-rowindex={item.index + 2}
                    aria-selected={openId === row.id}
                    className={openId === row.id ? 'selected' : undefined}
                    onClick={() => setOpenId(row.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') setOpenId(row.id)
                      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                        event.preventDefault()
                        const sibling = (
                          event.key === 'ArrowDown'
                            ? event.currentTarget.nextElementSibling
                            : event.currentTarget.previousElementSibling
                        ) as HTMLElement | null
                        if (sibling?.tabIndex === 0) sibling.focus()
                      }
                    }}
                  >
                    {row.getAllCells().map((cell) => (
                      <td key={cell.id}>
                        <table.FlexRender cell={cell} />
                      </td>
                    ))}
                  </tr>
                )
              })}
              {paddingBottom > 0 ? (
                <tr
                  aria-hidden="true"
                  className="spacer"
                  ref={(el) => void (el && (el.style.height = `${paddingBottom}px`))}
                />
              ) : null}
            </tbody>
          </table>
          {shown && shown.total === 0 ? (
            <p className="empty" role="note">
              No entities match.{' '}
              {chips.length > 0 || search || dateRange.from || dateRange.to ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setFilters({})
                    setSearchText('')
                  }}
                >
                  Clear search and filters
                </button>
              ) : null}
            </p>
          ) : null}
        </div>
      </div>
      <div className="review-side">
        {openId ? (
          <EntityDetails id={openId} onClose={() => setOpenId(null)} />
        ) : (
          <div className="facets" aria-label="Filters">
            {(Object.keys(FACET_TITLES) as EntityFacet[]).map((facet) => (
              <FacetFilter
                key={facet}
                title={FACET_TITLES[facet]}
                values={shown?.facets?.[facet] ?? []}
                selected={filters[facet] ?? []}
                onChange={(values) => setFacet(facet, values)}
              />
            ))}
            <DateRangeFilter title="First added" value={dateRange} onChange={setDateRange} />
          </div>
        )}
      </div>
    </div>
  )
}

import { WatchSearchButton } from '../changes/watch-search'
import { createColumnHelper, type ColumnSizingState, type SortingState } from '@tanstack/react-table'
import { useCallback, useEffect, useState } from 'react'
import type { EntitySummary } from '../../../shared/domain'
import { withVisibleEscapes } from '../../../shared/text-safety'
import {
  ENTITY_TEXT_COLUMNS,
  MIN_FUZZY_SCORE,
  type EntityTextColumn,
  type EntityFacet,
  type EntityMatch,
  type EntitySortColumn,
  type TableViewState,
} from '../../../shared/entity-query'
import { useApi } from '../api/use-api'
import { downloadFile } from '../components/download'
import { dateOrUnknown, orUnknown } from '../components/empty-value'
import { ENTITY_CELL_TEXT } from '../entities/entity-cells'
import { EntityDetails } from '../entities/entity-details'
import { useEntityPages } from '../entities/use-entity-pages'
import type { EntityViewQuery } from '../../../shared/contract'
import { useNavigation, type EntityLink } from '../navigation'
import { markRowsShown } from '../perf-marks'
import { reviewFeatures } from '../review/review-features'
import { ReviewShell } from '../review/review-shell'
import type { FilterSetters, FilterState } from '../review/filter-panel'
import { useReviewTable } from '../review/use-review-table'
import { SearchBox } from '../review/search-box'
import { useHandedOn, useSearchText } from '../review/use-search-text'
import { keptStateAtStart, useKeptView } from '../review/use-kept-view'
import { useSelection } from '../review/use-selection'

/** One empty list, so memoised children see the same value while nothing is there. */
const NONE: never[] = []
const helper = createColumnHelper<typeof reviewFeatures, EntitySummary>()
/** Columns sorted in the store take its column names; the rest are not sortable (lists). */
const columns = helper.columns([
  helper.accessor('primaryName', {
    id: 'name',
    header: 'Name',
    size: 240,
    cell: (info) => <strong>{withVisibleEscapes(info.getValue())}</strong>,
  }),
  helper.accessor('originalName', {
    id: 'originalName',
    header: 'Original-script name',
    size: 170,
    cell: (info) => <span lang="zh">{orUnknown(info.getValue())}</span>,
  }),
  helper.accessor('aliases', {
    id: 'aliases',
    header: 'Aliases',
    size: 260,
    enableSorting: false,
    cell: (info) => withVisibleEscapes(info.getValue().join('; ')),
  }),
  helper.accessor('country', {
    id: 'country',
    header: 'Country',
    size: 100,
    cell: (info) => orUnknown(info.getValue(), 'unknown'),
  }),
  helper.accessor('type', { id: 'type', header: 'Type', size: 130 }),
  helper.accessor('sectors', {
    id: 'sectors',
    header: 'Sectors',
    size: 170,
    enableSorting: false,
    cell: (info) => info.getValue().join(', '),
  }),
  helper.accessor('rounds', {
    id: 'rounds',
    header: 'Rounds',
    size: 180,
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
    size: 120,
    cell: (info) => dateOrUnknown(info.getValue()),
  }),
  helper.accessor('latestAction', {
    id: 'latestAction',
    header: 'Latest action',
    size: 120,
    enableSorting: false,
    cell: (info) => orUnknown(info.getValue(), '—'),
  }),
  helper.accessor('reactionCount', { id: 'reactionCount', header: 'Reactions', size: 110 }),
])

/** Shown while searching: how well the row matched, on which name, and how (OFAC-style score). */
function matchColumn(matches: Record<string, EntityMatch>) {
  return helper.display({
    id: 'match',
    header: 'Match',
    size: 240,
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

/** The Entities table's rows are all this high (see .fixed-rows): no measuring at 100,000 rows. */
const ROW_HEIGHT = 52
const NO_ROWS: EntitySummary[] = []
const NO_MATCHES: Record<string, EntityMatch> = {}

const TEXT_TITLES: Record<EntityTextColumn, string> = {
  name: 'Name',
  originalName: 'Original-script name',
  aliases: 'Aliases',
}

const FACET_TITLES: Record<EntityFacet, string> = {
  country: 'Country',
  type: 'Type',
  sector: 'Sector',
  round: 'Round',
  programme: 'Programme',
}

export function EntitiesView({ link }: { link: EntityLink | null }) {
  const api = useApi()
  // A link from another view (a round → its entities) brings its own search and filters; the table's
  // layout is the reviewer's either way.
  const [linked] = useState(link !== null)
  // The kept state, when it came with the page's first requests: the first render starts from it.
  const [start] = useState(() => keptStateAtStart<TableViewState>('entities'))
  const startQuery = linked ? undefined : start
  const { search, text, setSearch, typeSearch } = useSearchText(startQuery?.search ?? '')
  const [filters, setFilters] = useState<EntityViewQuery['filters']>(
    startQuery?.filters ?? link?.filters ?? {},
  )
  const [sorting, setSorting] = useState<SortingState>(
    startQuery?.sort.map((s) => ({ id: s.column, desc: s.desc })) ?? [],
  )
  // The slider's score is shown at once and handed on to the table with its rows, as the search is.
  const score = useHandedOn(startQuery?.minScore ?? 100)
  const { value: minScore, set: setMinScore } = score
  const [hiddenColumns, setHiddenColumns] = useState<string[]>(start?.hiddenColumns ?? [])
  const [columnOrder, setColumnOrder] = useState<string[]>(start?.columnOrder ?? [])
  const [columnSizes, setColumnSizes] = useState<ColumnSizingState>(start?.columnSizes ?? {})
  const [scrollTop, setScrollTop] = useState(0)
  const [openId, setOpenId] = useState<string | null>(link?.openId ?? null)
  // A link that comes while the view is open replaces its search, filters and order (not its layout).
  const [followed, setFollowed] = useState(link)
  if (link && link !== followed) {
    setFollowed(link)
    setSearch('')
    setFilters(link.filters)
    setSorting([])
    setMinScore(100)
    setOpenId(link.openId)
  }
  const sort = sorting.map((s) => ({ column: s.id as EntitySortColumn, desc: s.desc }))
  const { page, stale, loadMore, prefetch } = useEntityPages({ search, filters, sort, minScore })
  const navigation = useNavigation()
  const viewKey = JSON.stringify({ search, filters, sort, minScore })
  // The Briefing view can take "the table as filtered" as its scope: keep it told of the current view.
  const [selected, setSelected] = useSelection(viewKey)
  useEffect(() => {
    navigation.reportEntityView({ search, filters, sort, minScore })
    // `viewKey` stands for search, filters and sort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [viewKey])
  const applyLayout = (state: TableViewState) => {
    setHiddenColumns(state.hiddenColumns)
    setColumnOrder(state.columnOrder)
    setColumnSizes(state.columnSizes)
  }
  const applyState = (state: TableViewState) => {
    setSearch(state.search)
    setFilters(state.filters)
    setSorting(state.sort.map((s) => ({ id: s.column, desc: s.desc })))
    setMinScore(state.minScore)
    applyLayout(state)
  }
  const kept = useKeptView<{ table: 'entities'; state: TableViewState }>(
    'entities',
    { search, filters, sort, minScore, hiddenColumns, columnOrder, columnSizes, scrollTop },
    linked ? applyLayout : applyState,
    true,
  )
  // Tells the benchmark when a query's rows (and facets) are on screen.
  useEffect(() => {
    if (page && !page.error) markRowsShown('entities', { search, filters, minScore, total: page.total })
    // Marked once per loaded page of the current query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page])

  // While a new query loads, keep showing the last rows instead of flashing an empty table.
  const shown = page ?? stale
  const rows = shown?.rows ?? NO_ROWS
  const matches = shown?.matches ?? NO_MATCHES
  const searching = search.trim() !== ''
  const { table, orderedLabels, shownLabels } = useReviewTable({
    rows,
    columns,
    leading: searching ? [matchColumn(matches)] : NONE,
    rowId: (row) => row.id,
    rowName: (row) => row.primaryName,
    selected,
    setSelected,
    sorting,
    setSorting,
    layout: { hiddenColumns, columnOrder, columnSizes },
    updateColumnSizes: setColumnSizes,
  })

  const setFacet = useCallback(
    (facet: string, values: string[]) => setFilters((previous) => ({ ...previous, [facet]: values })),
    [],
  )
  const dateRange = filters.firstAdded ?? {}
  const setFilterValues: FilterSetters = {
    setFacet,
    setDates: (_id, range) =>
      setFilters((previous) => ({ ...previous, firstAdded: range.from || range.to ? range : undefined })),
    setText: (column, value) =>
      setFilters((previous) => {
        const text = { ...previous.text, [column]: value }
        if (!value) delete text[column as EntityTextColumn]
        return { ...previous, text: Object.keys(text).length > 0 ? text : undefined }
      }),
  }
  const filterState: FilterState = {
    facets: (Object.keys(FACET_TITLES) as EntityFacet[]).map((facet) => ({
      id: facet,
      title: FACET_TITLES[facet],
      values: shown?.facets?.[facet] ?? NONE,
      selected: filters[facet] ?? NONE,
    })),
    texts: ENTITY_TEXT_COLUMNS.map((column) => ({
      id: column,
      title: TEXT_TITLES[column],
      value: filters.text?.[column] ?? '',
    })),
    dates: [{ id: 'firstAdded', title: 'First added', value: dateRange }],
  }

  /** Saves the whole current view (search, filters, order), not only the rows loaded so far. */
  async function exportCsv() {
    const file = await api.exportEntitiesCsv({
      search,
      filters,
      sort,
      minScore,
    })
    downloadFile(file.fileName, file.csv, 'text/csv;charset=utf-8')
  }

  return (
    <ReviewShell
      search={
        <>
          <SearchBox
            value={text}
            // The keystroke's rows are asked for now; the table takes the search when they are ready.
            onChange={(next) => typeSearch(next, prefetch({ search: next, filters, sort, minScore }))}
            placeholder="Search names, aliases, Chinese names… (press /)"
          />
          <label className="min-score">
            Minimum score
            <input
              type="range"
              min={MIN_FUZZY_SCORE}
              max={100}
              step={1}
              value={score.shown}
              aria-valuetext={
                score.shown === 100 ? '100, exact words only' : `${score.shown}, similar names too`
              }
              onChange={(event) => {
                const next = Number(event.target.value)
                score.change(next, prefetch({ search, filters, sort, minScore: next }))
              }}
            />
            <output>{score.shown === 100 ? 'exact' : score.shown}</output>
          </label>
          <label className="watched-only">
            <input
              type="checkbox"
              checked={filters.watched === true}
              onChange={(event) =>
                setFilters((previous) => ({ ...previous, watched: event.target.checked || undefined }))
              }
            />{' '}
            Watched only
          </label>
          <label className="watched-only">
            <input
              type="checkbox"
              checked={filters.local === true}
              onChange={(event) =>
                setFilters((previous) => ({ ...previous, local: event.target.checked || undefined }))
              }
            />{' '}
            Edited here only
          </label>
        </>
      }
      status={shown ? `Showing ${shown.total} of ${shown.grandTotal}` : 'Loading…'}
      onExportCsv={() => void exportCsv()}
      actions={
        <>
          <button type="button" onClick={() => navigation.overviewEntityView()}>
            Overview of this view
          </button>
          <button type="button" onClick={() => navigation.briefEntityView()}>
            Brief this view
          </button>
          <WatchSearchButton query={{ search, filters, minScore }} />
        </>
      }
      selectedRows={rows.filter((row) => selected.has(row.id))}
      cellText={ENTITY_CELL_TEXT}
      columns={{ orderedLabels, shownLabels }}
      nameColumn="name"
      layout={{ hiddenColumns, columnOrder, columnSizes }}
      setLayout={(change) => {
        if (change.hiddenColumns) setHiddenColumns(change.hiddenColumns)
        if (change.columnOrder) setColumnOrder(change.columnOrder)
      }}
      savedViews={{ saved: kept.saved, onApply: applyState }}
      onSaveView={kept.save}
      onDeleteView={kept.remove}
      filters={filterState}
      setFilters={setFilterValues}
      onClearFilters={() => setFilters({})}
      error={
        shown?.error ? (
          <p className="error" role="alert">
            Could not load entities: {shown.error}
          </p>
        ) : null
      }
      grid={
        kept.restored
          ? {
              label: 'Entities',
              table,
              total: shown?.total ?? 0,
              openId,
              onOpen: setOpenId,
              onNearEnd: loadMore,
              initialScrollTop: linked ? 0 : (kept.restoredState?.scrollTop ?? 0),
              onScrollTopChange: setScrollTop,
              queryKey: shown?.key ?? '',
              rowHeight: ROW_HEIGHT,
              renderDeps: [
                rows,
                matches,
                searching,
                sorting,
                hiddenColumns,
                columnOrder,
                columnSizes,
                selected,
              ],
            }
          : null
      }
      noun="entities"
      searching={search !== ''}
      loaded={shown !== undefined && shown !== null}
      onClearAll={() => {
        setFilters({})
        setSearch('')
      }}
      details={openId ? <EntityDetails id={openId} onClose={() => setOpenId(null)} /> : null}
    />
  )
}

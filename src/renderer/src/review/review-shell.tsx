import type { RowData } from '@tanstack/react-table'
import type { ComponentProps, ReactNode } from 'react'
import { ActiveFilters, type FilterChip } from './active-filters'
import { ColumnsMenu } from './columns-menu'
import type { CellText } from './copy-rows'
import { CopySelected } from './copy-selected'
import { filterChips, FilterPanel, type FilterSetters, type FilterState } from './filter-panel'
import { moveColumnId } from './review-features'
import { NoMatches } from './no-matches'
import { ReviewGrid, type ReviewGridProps } from './review-grid'
import { SavedViews } from './saved-views'
import type { ColumnLayout } from './use-review-table'

export interface ReviewShellProps<Row extends RowData, State> {
  /** The search box, and anything that belongs with it (the minimum-score slider). */
  search: ReactNode
  /** "Showing 12 of 38", or "Loading…". */
  status: string
  onExportCsv(): void
  /** Buttons of this view only ("Brief this view"), after Export CSV. */
  actions?: ReactNode
  /** The picked rows that are loaded, for Copy selected; columns as shown. */
  selectedRows: Row[]
  cellText: CellText<Row>
  columns: { orderedLabels: { id: string; label: string }[]; shownLabels: { id: string; label: string }[] }
  /** The column that names a row; it cannot be hidden. */
  nameColumn: string
  layout: ColumnLayout
  setLayout(change: Partial<ColumnLayout>): void
  savedViews: { saved: ComponentProps<typeof SavedViews<State>>['saved']; onApply(state: State): void }
  onSaveView(name: string): void
  onDeleteView(name: string): void
  filters: FilterState
  setFilters: FilterSetters
  onClearFilters(): void
  /** Shown above the table when the rows could not be loaded. */
  error?: ReactNode
  /** Null until the kept view is restored: the grid then starts where the reviewer left it. */
  grid: Omit<ReviewGridProps<Row>, 'empty'> | null
  /** What "No … match." names; with `onClearAll`, the way out of an empty result. */
  noun: string
  /** Whether a search is typed (with a filter set, an empty result can be cleared). */
  searching: boolean
  /** Whether the rows have come: before, an empty table is not "No … match.". */
  loaded: boolean
  onClearAll(): void
  /** The open row's details, which take the filters' place. */
  details: ReactNode
}

/**
 * What every review view looks like: the toolbar (search, status, Export CSV, Copy selected, Columns,
 * Saved views), the filters in force as chips, the grid, and the side panel of filters or details.
 */
export function ReviewShell<Row extends RowData, State>(props: ReviewShellProps<Row, State>) {
  const { layout, setLayout, columns } = props
  const chips: FilterChip[] = filterChips(props.filters, props.setFilters)
  const narrowed = chips.length > 0 || props.searching
  return (
    <div className="review">
      <div className="review-main">
        <div className="toolbar">
          {props.search}
          <p className="status" role="status">
            {props.status}
          </p>
          <button type="button" className="export" onClick={props.onExportCsv}>
            Export CSV
          </button>
          {props.actions}
          <CopySelected rows={props.selectedRows} columns={columns.shownLabels} cellText={props.cellText} />
          <ColumnsMenu
            columns={columns.orderedLabels}
            hidden={layout.hiddenColumns}
            fixed={props.nameColumn}
            onChange={(hiddenColumns) => setLayout({ hiddenColumns })}
            onMove={(id, by) =>
              setLayout({
                columnOrder: moveColumnId(
                  columns.orderedLabels.map((column) => column.id),
                  id,
                  by,
                ),
              })
            }
          />
          <SavedViews
            saved={props.savedViews.saved}
            onApply={props.savedViews.onApply}
            onSave={props.onSaveView}
            onDelete={props.onDeleteView}
          />
        </div>
        <ActiveFilters chips={chips} onClearAll={props.onClearFilters} />
        {props.error}
        {props.grid ? (
          <ReviewGrid
            {...props.grid}
            renderDeps={[...props.grid.renderDeps, props.loaded && props.grid.total === 0, narrowed]}
            empty={
              props.loaded && props.grid.total === 0 ? (
                <NoMatches noun={props.noun} canClear={narrowed} onClear={props.onClearAll} />
              ) : null
            }
          />
        ) : null}
      </div>
      <div className="review-side">
        {props.details ?? <FilterPanel state={props.filters} set={props.setFilters} />}
      </div>
    </div>
  )
}

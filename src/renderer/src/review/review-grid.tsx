import type { Header, RowData } from '@tanstack/react-table'
import type { ReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { ReviewFeatures } from './review-features'

const ROW_ESTIMATE = 44
/** Arrow keys on a column's resize handle change its width by this much. */
const RESIZE_STEP = 20
/** Renders to wait for the rows' layout before giving up on restoring the scroll position. */
const RESTORE_TRIES = 30
/** Rows PageUp and PageDown move the row focus by. */
const PAGE_ROWS = 10
/** The next page is asked for when the last row drawn is this close to the last row loaded (a screen and a half). */
const NEAR_END_ROWS = 20
export const MIN_COLUMN_WIDTH = 60
export const MAX_COLUMN_WIDTH = 1200

export interface ReviewGridProps<Row extends RowData> {
  /** The table's accessible name: "Entities", "Rounds", "Reactions". */
  label: string
  table: ReactTable<ReviewFeatures, Row>
  /** Rows matching the view (more than are loaded when the store pages them). */
  total: number
  openId: string | null
  onOpen(id: string): void
  /** Called when the rows near the end are shown: load the next page, if there is one. */
  onNearEnd?(): void
  /** Where the reviewer left the table; restored once, when enough rows are there. */
  initialScrollTop: number
  onScrollTopChange(top: number): void
  /** Changes when the query does: the table then starts again at its top. */
  queryKey: string
  /** Shown under the header when no row matches. */
  empty: ReactNode
  /**
   * A fixed row height in pixels (cells clamped to two lines): rows need no measuring, which keeps a
   * table of 100,000 rows quick to redraw. Without it, each row is measured (quotes of any length).
   */
  rowHeight?: number
  /**
   * Everything the rows and headers are drawn from (rows, sort, column layout, selection, matches, what
   * `empty` says): the grid redraws only when one of these changes, not on every keystroke elsewhere.
   */
  renderDeps: readonly unknown[]
}

type SizeRef = (el: HTMLElement | null) => void
/** One ref per size, so a redraw at the same sizes hands React the same refs and touches no style. */
const sizeRefs = new Map<string, SizeRef>()
/** Sizes seen while scrolling (spacer heights) are many; past this many the cache starts over. */
const SIZE_REFS_KEPT = 2000

/**
 * Pixel sizes go through the CSSOM: the page's Content-Security-Policy forbids inline style attributes.
 * A new ref function on every render would make React detach and re-attach it, setting every column's
 * width again and making the browser recompute the table's style and layout on each keystroke.
 */
function sizeRef(property: 'width' | 'height', pixels: number): SizeRef {
  const key = `${property}:${pixels}`
  let ref = sizeRefs.get(key)
  if (!ref) {
    if (sizeRefs.size >= SIZE_REFS_KEPT) sizeRefs.clear()
    ref = (el) => void (el && (el.style[property] = `${pixels}px`))
    sizeRefs.set(key, ref)
  }
  return ref
}

function headerLabel<Row extends RowData>(header: Header<ReviewFeatures, Row, unknown>): string {
  const text = header.column.columnDef.header
  return typeof text === 'string' ? text : header.column.id
}

/** Drag (mouse or touch), or focus and press ← → to resize; double-click puts the default width back. */
function ResizeHandle<Row extends RowData>({
  header,
  table,
}: {
  header: Header<ReviewFeatures, Row, unknown>
  table: ReactTable<ReviewFeatures, Row>
}) {
  const size = header.getSize()
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return
    event.preventDefault()
    const next = Math.min(
      MAX_COLUMN_WIDTH,
      Math.max(MIN_COLUMN_WIDTH, size + (event.key === 'ArrowRight' ? RESIZE_STEP : -RESIZE_STEP)),
    )
    table.setColumnSizing((previous) => ({ ...previous, [header.column.id]: next }))
  }
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${headerLabel(header)} column`}
      aria-valuenow={size}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      tabIndex={0}
      className={header.column.getIsResizing() ? 'resizer resizing' : 'resizer'}
      onMouseDown={header.getResizeHandler()}
      onTouchStart={header.getResizeHandler()}
      onDoubleClick={() => header.column.resetSize()}
      onKeyDown={onKeyDown}
      // A click on the handle must not sort the column.
      onClick={(event) => event.stopPropagation()}
    />
  )
}

/**
 * The table body every review view shares: sticky sortable headers (shift-click adds a sort), resizable
 * columns in a fixed layout (widths are the reviewer's, not the content's), virtualised rows with one tab
 * stop (arrows, Page Up/Down, Home and End move the row focus; Enter opens; Space ticks), and the scroll
 * position reported so it can be kept across restarts.
 */
function ReviewGridView<Row extends RowData>({
  label,
  table,
  total,
  openId,
  onOpen,
  onNearEnd,
  initialScrollTop,
  onScrollTopChange,
  queryKey,
  empty,
  rowHeight,
}: ReviewGridProps<Row>) {
  const rows = table.getRowModel().rows
  const scroller = useRef<HTMLDivElement>(null)
  // The virtualizer is deliberately not memoised by the React compiler; it is used as its docs show.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight ?? ROW_ESTIMATE,
    // Rows drawn beyond the visible ones: each is a dozen cells to lay out and paint on every keystroke,
    // and with rows of fixed height three are enough to scroll and to step the row focus with the arrows.
    overscan: 3,
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.length > 0 ? items[items.length - 1].index : 0

  // Restoring the kept scroll position: wait for rows reaching that far (loading pages if need be), then
  // for the rows to be laid out (the first renders have no height yet), giving up after a few tries.
  const pendingScroll = useRef<{ target: number; tries: number } | null>(
    initialScrollTop > 0 ? { target: initialScrollTop, tries: 0 } : null,
  )
  useLayoutEffect(() => {
    const pending = pendingScroll.current
    const element = scroller.current
    if (pending === null || !element || rows.length === 0) return
    const reachable = virtualizer.getTotalSize() - element.clientHeight
    if (reachable < pending.target && rows.length < total) {
      onNearEnd?.()
      return
    }
    const wanted = Math.max(0, Math.min(pending.target, reachable))
    element.scrollTop = wanted
    pending.tries += 1
    if (Math.abs(element.scrollTop - wanted) <= 1 || pending.tries >= RESTORE_TRIES)
      pendingScroll.current = null
  })
  // A new query starts at the top (but not the first one, which may be the kept view being restored).
  const lastQuery = useRef(queryKey)
  useEffect(() => {
    if (lastQuery.current === queryKey) return
    lastQuery.current = queryKey
    setActiveIndex(0)
    if (pendingScroll.current === null) virtualizer.scrollToOffset(0)
  }, [queryKey, virtualizer])
  useEffect(() => {
    if (pendingScroll.current === null && rows.length > 0 && lastIndex >= rows.length - NEAR_END_ROWS)
      onNearEnd?.()
  }, [lastIndex, rows.length, onNearEnd])

  // One tab stop for the rows (the ARIA grid pattern's roving tabindex): the row last focused, or the first
  // one drawn when that row has scrolled out of the rendered window.
  const [activeIndex, setActiveIndex] = useState(0)
  const focusRequest = useRef<number | null>(null)
  const tabStop = items.some((item) => item.index === activeIndex) ? activeIndex : (items[0]?.index ?? -1)
  useEffect(() => {
    const wanted = focusRequest.current
    if (wanted === null) return
    const row = scroller.current?.querySelector<HTMLElement>(`tbody tr[data-index="${wanted}"]`)
    if (!row) return
    focusRequest.current = null
    row.focus()
  })
  const moveFocus = (to: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, to))
    setActiveIndex(next)
    focusRequest.current = next
    virtualizer.scrollToIndex(next)
  }
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: string, index: number) => {
    if (event.target !== event.currentTarget) return
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: rows.length - 1,
    }
    if (event.key === 'Enter') onOpen(id)
    else if (event.key === ' ') {
      // Space ticks the row's checkbox, which keeps no tab stop of its own.
      event.preventDefault()
      event.currentTarget.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click()
    } else if (event.key in moves) {
      event.preventDefault()
      moveFocus(moves[event.key])
    }
  }
  const multiSort = table.state.sorting.length > 1
  const leafColumns = table.getVisibleLeafColumns()
  const paddingTop = items.length > 0 ? items[0].start : 0
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0

  return (
    <div
      className="table-scroll"
      ref={scroller}
      onScroll={(event) => {
        if (pendingScroll.current === null) onScrollTopChange(Math.round(event.currentTarget.scrollTop))
      }}
    >
      <table
        aria-label={label}
        aria-rowcount={total + 1}
        className={rowHeight ? 'review-table fixed-rows' : 'review-table'}
        ref={sizeRef('width', table.getTotalSize())}
      >
        <colgroup>
          {leafColumns.map((column) => (
            <col key={column.id} ref={sizeRef('width', column.getSize())} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted()
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={header.column.getToggleSortingHandler()}
                        title="Sort (shift-click to add)"
                      >
                        <table.FlexRender header={header} />
                        {sorted ? <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span> : null}
                        {sorted && multiSort ? <sup>{header.column.getSortIndex() + 1}</sup> : null}
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                    {header.column.getCanResize() ? <ResizeHandle header={header} table={table} /> : null}
                  </th>
                )
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" className="spacer" ref={sizeRef('height', paddingTop)} />
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]
            if (!row) return null
            return (
              <tr
                key={row.id}
                data-index={item.index}
                ref={rowHeight ? undefined : virtualizer.measureElement}
                tabIndex={item.index === tabStop ? 0 : -1}
                aria-rowindex={item.index + 2}
                aria-selected={openId === row.id}
                className={openId === row.id ? 'selected' : undefined}
                onClick={() => onOpen(row.id)}
                onFocus={() => setActiveIndex(item.index)}
                onKeyDown={(event) => onRowKey(event, row.id, item.index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>
                    {rowHeight ? (
                      <div className="cell">
                        <table.FlexRender cell={cell} />
                      </div>
                    ) : (
                      <table.FlexRender cell={cell} />
                    )}
                  </td>
                ))}
              </tr>
            )
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" className="spacer" ref={sizeRef('height', paddingBottom)} />
          ) : null}
        </tbody>
      </table>
      {empty}
    </div>
  )
}

/**
 * The table object and `empty` are new on every render of the view; what they show is captured by
 * `renderDeps`, so they are left out of the comparison.
 */
function sameGridProps<Row extends RowData>(a: ReviewGridProps<Row>, b: ReviewGridProps<Row>): boolean {
  return (
    a.label === b.label &&
    a.total === b.total &&
    a.openId === b.openId &&
    a.onOpen === b.onOpen &&
    a.onNearEnd === b.onNearEnd &&
    a.initialScrollTop === b.initialScrollTop &&
    a.onScrollTopChange === b.onScrollTopChange &&
    a.queryKey === b.queryKey &&
    a.rowHeight === b.rowHeight &&
    a.renderDeps.length === b.renderDeps.length &&
    a.renderDeps.every((dep, i) => Object.is(dep, b.renderDeps[i]))
  )
}

export const ReviewGrid = memo(ReviewGridView, sameGridProps) as typeof ReviewGridView

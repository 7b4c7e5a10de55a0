import {
  columnOrderingFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table'

/** What every review table offers: sorting (the view sorts), hiding, reordering and resizing columns. */
export const reviewFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnResizingFeature,
})
export type ReviewFeatures = typeof reviewFeatures

/** Items in the reviewer's order: those named in `order` first, the rest after them as defined. */
export function inOrder<T extends { id?: string }>(items: T[], order: string[]): T[] {
  const rank = (item: T) => {
    const at = order.indexOf(item.id ?? '')
    return at < 0 ? order.length + items.indexOf(item) : at
  }
  return [...items].sort((a, b) => rank(a) - rank(b))
}

/** The column ids after moving one a place earlier (-1) or later (+1); unchanged at either end. */
export function moveColumnId(ids: string[], id: string, by: -1 | 1): string[] {
  const next = [...ids]
  const from = next.indexOf(id)
  const to = from + by
  if (from < 0 || to < 0 || to >= next.length) return ids
  ;[next[from], next[to]] = [next[to], next[from]]
  return next
}

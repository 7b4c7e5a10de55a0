/**
 * Performance marks the benchmark reads (npm run bench, browser mode): "sb:entities-rows" when the
 * Entities table shows the rows of a query, with the query in its detail; "sb:overview-charts" when the
 * Overview has drawn its charts. Cheap enough to leave on.
 */
export function markRowsShown(
  table: 'entities',
  detail: { search: string; filters: unknown; minScore: number; total: number },
) {
  performance.mark(`sb:${table}-rows`, { detail: { ...detail, filters: JSON.stringify(detail.filters) } })
}

export function markOverviewShown() {
  performance.mark('sb:overview-charts')
}

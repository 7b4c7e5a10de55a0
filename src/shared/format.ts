/**
 * 10000 → "10,000". Not toLocaleString: the first locale-aware call of a process loads locale data,
 * and the contract formats its limits this way as it loads.
 */
export function withThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Declared against recorded, the same words in every front end: "33 added · 12 recorded". */
export function countsLabel(declared: number | null, recorded: number): string {
  return `${declared === null ? 'declared count unknown' : `${declared} added`} · ${recorded} recorded`
}

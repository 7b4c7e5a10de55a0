/** Declared against recorded, the same words in every front end: "33 added · 12 recorded". */
export function countsLabel(declared: number | null, recorded: number): string {
  return `${declared === null ? 'declared count unknown' : `${declared} added`} · ${recorded} recorded`
}

import v8 from 'node:v8'

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent. Left to itself it
 * grows up to four times that while collection is cheap, so a large import that keeps 400 MB peaked
 * near 1.8 GB of memory on a user's machine, most of it garbage not yet collected (docs/performance.md).
 */
const HEAP_GROWING_PERCENT = 50

/** Call first thing in every process the app runs its work in (CLI, browser-mode host, desktop main). */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}

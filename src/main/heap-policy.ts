import v8 from 'node:v8'

/**
 * How far V8 lets the heap grow past what the last full collection kept, in percent, while an update
 * is read and applied. Left to itself it grows up to four times that while collection is cheap, so an
 * import that keeps 400 MB peaked near 1.8 GB of memory on a user's machine, most of it garbage not yet
 * collected (docs/performance.md). Only during updates: elsewhere the cap's extra collections cost more
 * than the memory they save.
 */
const UPDATE_HEAP_GROWING_PERCENT = 50
/** V8's own choice, by how cheap collecting has been. */
const DEFAULT_HEAP_GROWING_PERCENT = 0

let updatesRunning = 0

/** Runs an update's reading, preview or apply with the heap kept near what it holds. */
export async function withCompactHeap<T>(work: () => Promise<T>): Promise<T> {
  if (updatesRunning++ === 0) v8.setFlagsFromString(`--heap-growing-percent=${UPDATE_HEAP_GROWING_PERCENT}`)
  try {
    return await work()
  } finally {
    if (--updatesRunning === 0)
      v8.setFlagsFromString(`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`)
  }
}

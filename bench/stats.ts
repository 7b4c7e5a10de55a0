/** Percentile of already-collected samples (nearest-rank). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export interface Timing {
  runs: number
  p50Ms: number
  p95Ms: number
}

/** Runs `work` several times after one warm-up and reports the median and 95th percentile. */
export function time(work: () => unknown, runs = 30): Timing {
  work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    samples.push(performance.now() - start)
  }
  return { runs, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)) }
}

export function round(value: number): number {
  return Math.round(value * 100) / 100
}

import { useLayoutEffect, useState } from 'react'
import type { ApiCallName } from '../../../shared/api-names'
import type { ApiOutput } from '../../../shared/contract'
import { callKey, queryCacheOf } from './query-cache'
import { useApi } from './use-api'

/** A read's outcome for one input. */
export type ReadOutcome<N extends ApiCallName> = { key: string } & (
  { value: ApiOutput<N>; error: null } | { value: null; error: string }
)

/**
 * A read through the query cache, for the input given now, keeping the previous answer while the next
 * is on its way: `current` is the answer for this input (null until it arrives); `previous` the last
 * answer shown, whatever its input (a table keeps drawing its rows from it meanwhile). An answer that
 * has already arrived (asked for ahead, or by the early script) is shown by the very render that asks
 * for it; an answer to an input the caller has moved on from is never shown.
 */
export function useRead<N extends ApiCallName>(name: N, input: unknown) {
  const cache = queryCacheOf(useApi())
  const key = callKey(name, input)
  const arrived = (): ReadOutcome<N> | null => {
    const value = cache.peek(name, input)
    return value === undefined ? null : { key, value, error: null }
  }
  const [outcome, setOutcome] = useState<ReadOutcome<N> | null>(arrived)
  if (outcome?.key !== key) {
    const ready = arrived()
    if (ready) setOutcome(ready)
  }
  // A layout effect: the request leaves as soon as the new input is committed, not a frame later.
  useLayoutEffect(() => {
    let current = true
    cache.read(name, input).then(
      (value) => current && setOutcome((shown) => (shown?.key === key ? shown : { key, value, error: null })),
      (error: unknown) => current && setOutcome({ key, value: null, error: (error as Error).message }),
    )
    return () => {
      current = false
    }
    // `key` stands for the call and its input.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cache, key])
  return { current: outcome?.key === key ? outcome : null, previous: outcome }
}

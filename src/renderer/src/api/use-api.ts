import { createContext, useContext, useEffect, useRef, useState } from 'react'
import type { BriefingApi } from '../../../shared/contract'

export const ApiContext = createContext<BriefingApi | null>(null)

export function useApi(): BriefingApi {
  const api = useContext(ApiContext)
  if (!api) throw new Error('The app is not connected to its data.')
  return api
}

export type Loadable<T> =
  { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T }

/**
 * Loads once per change of `key`; ignores answers that arrive after the component moved on. `atOnce`
 * may give the value for the first render (an early answer, see QueryCache.take); it is then
 * not loaded again for that key.
 */
export function useLoad<T>(
  load: (api: BriefingApi) => Promise<T>,
  key: string,
  atOnce?: () => T | undefined,
): Loadable<T> {
  const api = useApi()
  const [settled, setSettled] = useState<{ key: string; result: Loadable<T> } | null>(() => {
    const value = atOnce?.()
    return value === undefined ? null : { key, result: { state: 'ready', value } }
  })
  const given = useRef(settled?.key)
  useEffect(() => {
    if (given.current === key) return
    let current = true
    load(api).then(
      (value) => current && setSettled({ key, result: { state: 'ready', value } }),
      (error: unknown) =>
        current && setSettled({ key, result: { state: 'error', message: (error as Error).message } }),
    )
    return () => {
      current = false
    }
    // `load` is recreated on every render; `key` says when the request really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key])
  return settled && settled.key === key ? settled.result : { state: 'loading' }
}

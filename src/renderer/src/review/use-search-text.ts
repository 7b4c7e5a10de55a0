import { startTransition, useCallback, useRef, useState } from 'react'

/**
 * A value of a table's query shown at once by its control and handed on to the query when its rows
 * are ready. A change (`change`) shows the new value at once (only the control redraws) and hands it on
 * once the change's rows are ready (`ready`, the query asked for ahead) or, without it, as a transition
 * React renders when it has time; a faster user's older values are skipped. A value the table sets
 * itself (`set`: a restored view, a link) sets both, so a change still on its way is dropped.
 */
export function useHandedOn<T>(initial: T) {
  const [value, setValueOnly] = useState(initial)
  const [shown, setShown] = useState(initial)
  const latest = useRef(initial)
  const set = useCallback((next: T) => {
    latest.current = next
    setShown(next)
    setValueOnly(next)
  }, [])
  const change = useCallback((next: T, ready?: Promise<unknown>) => {
    latest.current = next
    setShown(next)
    const handOn = () => {
      if (latest.current === next) setValueOnly(next)
    }
    if (ready) ready.then(handOn, handOn)
    else startTransition(handOn)
  }, [])
  return { value, shown, set, change }
}

/**
 * A table's search and its search box's text (useHandedOn): a keystroke changes the text at once and
 * the search once the keystroke's rows are ready; "Clear search" and restored views set both.
 */
export function useSearchText(initial: string) {
  const { value, shown, set, change } = useHandedOn(initial)
  return { search: value, text: shown, setSearch: set, typeSearch: change }
}

import { startTransition, useCallback, useRef, useState } from 'react'

/**
 * A table's search and its search box's text, owned together by the table. A keystroke changes the
 * text at once (only the box redraws) and the search once the keystroke's rows are ready (`ready`, the
 * Entities query asked for ahead) or, without it, as a transition React renders when it has time; a
 * faster typist's older texts are skipped. A search the table sets itself (a restored view, a link,
 * "Clear search") sets the text too, so a keystroke still on its way is dropped: the text is no longer its.
 */
export function useSearchText(initial: string) {
  const [search, setSearchOnly] = useState(initial)
  const [text, setText] = useState(initial)
  const latest = useRef(initial)
  const setSearch = useCallback((value: string) => {
    latest.current = value
    setText(value)
    setSearchOnly(value)
  }, [])
  const typeSearch = useCallback((next: string, ready?: Promise<unknown>) => {
    latest.current = next
    setText(next)
    const handOn = () => {
      if (latest.current === next) setSearchOnly(next)
    }
    if (ready) ready.then(handOn, handOn)
    else startTransition(handOn)
  }, [])
  return { search, text, setSearch, typeSearch }
}

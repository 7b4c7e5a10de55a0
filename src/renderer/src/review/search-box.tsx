import { startTransition, useEffect, useRef, useState } from 'react'

/**
 * The table's search box, labelled "Search"; "/" anywhere outside a text field focuses it. It keeps what
 * is typed itself, so a keystroke redraws only this box at once, and hands the text on: when `onInput`
 * returns a promise (the query's rows, asked for at once), once that settles; otherwise as a transition,
 * rendered when React has time. Either way a faster typist's older texts are simply skipped.
 */
export function SearchBox({
  value,
  onChange,
  onInput,
  placeholder,
}: {
  value: string
  onChange(value: string): void
  /** Called at once with each keystroke's text (to send the query early); see above for its promise. */
  onInput?(value: string): Promise<unknown> | void
  placeholder: string
}) {
  const box = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(value)
  const latest = useRef(value)
  // A search set from outside (a restored or saved view, "Clear search") replaces what is in the box.
  const [given, setGiven] = useState(value)
  if (value !== given) {
    setGiven(value)
    setText(value)
  }
  // The text this box last handed on, to tell it apart from a search set from outside.
  const handed = useRef(value)
  // A search set from outside (a "Clear") drops one still on its way. The text this box handed on
  // does not: its render may come after a newer keystroke, whose search must still be handed on (this
  // once left "云" shown after "云从" was typed).
  useEffect(() => {
    if (value !== handed.current) latest.current = value
  }, [value])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target
      const typing =
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLInputElement && ['text', 'search', 'number', 'date'].includes(target.type))
      if (event.key === '/' && !typing) {
        event.preventDefault()
        box.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <input
      ref={box}
      type="search"
      aria-label="Search"
      placeholder={placeholder}
      value={text}
      onChange={(event) => {
        const next = event.target.value
        setText(next)
        latest.current = next
        const handOn = () => {
          if (latest.current !== next) return
          handed.current = next
          setGiven(next)
          onChange(next)
        }
        const ready = onInput?.(next)
        if (ready) ready.then(handOn, handOn)
        else startTransition(handOn)
      }}
      maxLength={500}
    />
  )
}

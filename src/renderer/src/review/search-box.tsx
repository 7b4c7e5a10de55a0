import { startTransition, useEffect, useRef, useState } from 'react'

/**
 * The table's search box, labelled "Search"; "/" anywhere outside a text field focuses it. It keeps what
 * is typed itself and hands it on as a transition: a keystroke redraws only this box at once, and the
 * table's new query renders when React has time (a faster typist's older queries are simply skipped).
 */
export function SearchBox({
  value,
  onChange,
  onInput,
  placeholder,
}: {
  value: string
  onChange(value: string): void
  /** Called at once with each keystroke's text, before the transition (to send the query early). */
  onInput?(value: string): void
  placeholder: string
}) {
  const box = useRef<HTMLInputElement>(null)
  const [text, setText] = useState(value)
  // A search set from outside (a restored or saved view, "Clear search") replaces what is in the box.
  const [given, setGiven] = useState(value)
  if (value !== given) {
    setGiven(value)
    setText(value)
  }
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
        onInput?.(next)
        startTransition(() => {
          setGiven(next)
          onChange(next)
        })
      }}
      maxLength={500}
    />
  )
}

import { useEffect, useRef } from 'react'

/**
 * A table's search box, labelled "Search": a controlled input (the table owns its text, see
 * useSearchText); "/" anywhere outside a text field focuses it.
 */
export function SearchBox({
  value,
  onChange,
  placeholder,
}: {
  value: string
  onChange(value: string): void
  placeholder: string
}) {
  const box = useRef<HTMLInputElement>(null)
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
      value={value}
      onChange={(event) => onChange(event.target.value)}
      maxLength={500}
    />
  )
}

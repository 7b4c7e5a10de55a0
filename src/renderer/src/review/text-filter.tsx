/** A "contains" filter for a text column; case and accents do not matter. */
export function TextFilter({
  title,
  value,
  onChange,
}: {
  title: string
  value: string
  onChange: (next: string) => void
}) {
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      <input
        type="search"
        className="facet-search"
        aria-label={`${title} contains`}
        placeholder="contains…"
        value={value}
        maxLength={500}
        onChange={(event) => onChange(event.target.value)}
      />
    </fieldset>
  )
}

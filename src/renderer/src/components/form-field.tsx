import type { ReactNode } from 'react'

/** Each problem the schema (or the store) found, by field path ("source.url"); '' for the whole form. */
export type Problems = Record<string, string>

/** "Invalid input for "addReaction": reaction.source.url: …" from the main process, by field. */
export function problemsFromError(error: Error, inputField: string): Problems {
  const problems: Problems = {}
  const detail = error.message.replace(/^Invalid input for "[^"]+": /, '')
  for (const part of detail.split('; ')) {
    const match = new RegExp(`^${inputField}\\.([\\w.]+): (.*)$`).exec(part)
    if (match) problems[match[1]] ??= match[2]
  }
  if (Object.keys(problems).length === 0) problems[''] = error.message
  return problems
}

/** A labelled field of a form written in the app, with its hint and, once checked, its problem. */
export function Field({
  label,
  path,
  problems,
  hint,
  children,
}: {
  label: string
  path: string
  problems: Problems
  hint?: string
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode
}) {
  const id = `field-${path.replaceAll('.', '-')}`
  const problem = problems[path]
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(problem),
        'aria-describedby': problem ? `${id}-problem` : undefined,
      })}
      {hint ? <span className="hint">{hint}</span> : null}
      {problem ? (
        <span className="field-problem" id={`${id}-problem`}>
          {problem}
        </span>
      ) : null}
    </div>
  )
}

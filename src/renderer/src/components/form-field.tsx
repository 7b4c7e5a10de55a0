import type { ReactNode } from 'react'
import { RELIABILITIES } from '../../../shared/domain'
import type { ZodType } from 'zod'
import type { BriefingApi } from '../../../shared/contract'
import type { useAuthor } from './use-author'

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

/** A source as a written form holds it; the source's words and reliability where the form asks for them. */
export interface SourceDraft {
  publication: string
  title: string
  date: string
  url: string
  excerpt?: string
  reliability?: string
}

/** The fields of a source (publication, title, date, link, and where kept its words and reliability). */
export function SourceFields<S extends SourceDraft>({
  legend,
  source,
  onChange,
  problems,
  wordsHint,
}: {
  legend: string
  source: S
  onChange(change: Partial<S>): void
  problems: Problems
  wordsHint?: string
}) {
  const field = (key: keyof SourceDraft) => ({
    value: source[key] ?? '',
    onChange: (event: { target: { value: string } }) => onChange({ [key]: event.target.value } as Partial<S>),
  })
  return (
    <fieldset>
      <legend>{legend}</legend>
      <Field label="Publication" path="source.publication" problems={problems}>
        {(props) => <input {...props} {...field('publication')} />}
      </Field>
      <Field label="Title" path="source.title" problems={problems}>
        {(props) => <input {...props} {...field('title')} />}
      </Field>
      <Field label="Published" path="source.date" problems={problems} hint="YYYY-MM-DD, or YYYY-MM, YYYY">
        {(props) => <input {...props} {...field('date')} />}
      </Field>
      <Field label="Link" path="source.url" problems={problems} hint="http:// or https://">
        {(props) => <input {...props} type="url" {...field('url')} />}
      </Field>
      {source.excerpt === undefined ? null : (
        <Field label="The source's words" path="source.excerpt" problems={problems} hint={wordsHint}>
          {(props) => <textarea {...props} rows={3} {...field('excerpt')} />}
        </Field>
      )}
      {source.reliability === undefined ? null : (
        <Field label="Reliability" path="source.reliability" problems={problems}>
          {(props) => (
            <select {...props} {...field('reliability')}>
              {RELIABILITIES.map((reliability) => (
                <option key={reliability}>{reliability}</option>
              ))}
            </select>
          )}
        </Field>
      )}
    </fieldset>
  )
}

/** "Your name", asked the first time something is written (see useAuthor). */
/** A form's submit button and Cancel, both held while it saves. */
export function FormActions({
  submit,
  onCancel,
  saving = false,
}: {
  submit: string
  onCancel: () => void
  saving?: boolean
}) {
  return (
    <div className="form-actions">
      <button type="submit" disabled={saving}>
        {submit}
      </button>
      <button type="button" onClick={onCancel} disabled={saving}>
        Cancel
      </button>
    </div>
  )
}

export function AuthorField({
  author,
  problems,
}: {
  author: ReturnType<typeof useAuthor>
  problems: Problems
}) {
  if (!author.asking) return null
  return (
    <Field label="Your name" path="author" problems={problems} hint="Kept in this store; set once.">
      {(props) => (
        <input {...props} value={author.typed} onChange={(event) => author.setTyped(event.target.value)} />
      )}
    </Field>
  )
}

/**
 * Saves what a form wrote, as every written form does: checked by its schema and for the author's name
 * first (problems shown by field, nothing sent), then written; the main process's refusals are shown
 * by field too. `write` returns what to say once it is done.
 */
export async function saveWritten(options: {
  input: unknown
  schema: ZodType
  author: ReturnType<typeof useAuthor>
  api: BriefingApi
  /** The contract's name for the input ("correction", "note"), as its refusals name fields. */
  inputField: string
  setProblems(problems: Problems): void
  write(): Promise<string>
  onDone(message: string): void
}): Promise<void> {
  const parsed = options.schema.safeParse(options.input)
  const found: Problems = {}
  if (!parsed.success) for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message
  const nameProblem = options.author.problem()
  if (nameProblem) found.author = nameProblem
  options.setProblems(found)
  if (Object.keys(found).length > 0) return
  try {
    await options.author.save(options.api)
    options.onDone(await options.write())
  } catch (error) {
    options.setProblems(problemsFromError(error as Error, options.inputField))
  }
}

import { useState } from 'react'
import {
  CORRECTABLE_FIELDS,
  fieldCorrectionSchema,
  RELIABILITY_DEFAULT,
  type CorrectableType,
  type FieldCorrectionInput,
} from '../../../shared/local-edits'
import { RELIABILITIES } from '../../../shared/domain'
import { useApi } from '../api/use-api'
import { Field, problemsFromError, type Problems } from '../components/form-field'
import { useAuthor } from '../components/use-author'

interface SourceDraft {
  publication: string
  title: string
  date: string
  url: string
  excerpt: string
  reliability: string
}

const NO_SOURCE: SourceDraft = {
  publication: '',
  title: '',
  date: '',
  url: '',
  excerpt: '',
  reliability: RELIABILITY_DEFAULT,
}

/**
 * Corrects one field of an entity or a round (a local edit), with the source that supports the
 * correction: checked by the schema the main process applies, problems shown beside their fields.
 */
export function CorrectFieldForm({
  type,
  id,
  current,
  onDone,
  onCancel,
}: {
  type: CorrectableType
  id: string
  /** The record's values now, by field, to start from. */
  current: Record<string, string | null>
  onDone(message: string): void
  onCancel(): void
}) {
  const api = useApi()
  const author = useAuthor()
  const fields = CORRECTABLE_FIELDS[type] as Record<string, string>
  const [field, setField] = useState(Object.keys(fields)[0])
  const [value, setValue] = useState(current[field] ?? '')
  const [reason, setReason] = useState('')
  const [source, setSource] = useState<SourceDraft>(NO_SOURCE)
  const [problems, setProblems] = useState<Problems>({})

  async function save() {
    const correction = { type, id, field, value, reason, source }
    const parsed = fieldCorrectionSchema.safeParse(correction)
    const found: Problems = {}
    if (!parsed.success)
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message
    const nameProblem = author.problem()
    if (nameProblem) found.author = nameProblem
    setProblems(found)
    if (Object.keys(found).length > 0) return
    try {
      await author.save(api)
      const result = await api.correctField({ correction: correction as FieldCorrectionInput })
      onDone(`${result.edit.description} (local edit ${result.edit.id}).`)
    } catch (error) {
      setProblems(problemsFromError(error as Error, 'correction'))
    }
  }

  const sourceField = (key: keyof SourceDraft) => ({
    value: source[key],
    onChange: (event: { target: { value: string } }) => setSource({ ...source, [key]: event.target.value }),
  })
  return (
    <form
      className="written-form"
      aria-label="Correct a field"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <h4>Correct a field</h4>
      {problems[''] ? (
        <p className="error" role="alert">
          {problems['']}
        </p>
      ) : null}
      {author.asking ? (
        <Field label="Your name" path="author" problems={problems} hint="Kept in this store; set once.">
          {(props) => (
            <input
              {...props}
              value={author.typed}
              onChange={(event) => author.setTyped(event.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field label="Field" path="field" problems={problems}>
        {(props) => (
          <select
            {...props}
            value={field}
            onChange={(event) => {
              setField(event.target.value)
              setValue(current[event.target.value] ?? '')
            }}
          >
            {Object.entries(fields).map(([key, name]) => (
              <option key={key} value={key}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Corrected value" path="value" problems={problems} hint="Empty: not known">
        {(props) => <input {...props} value={value} onChange={(event) => setValue(event.target.value)} />}
      </Field>
      <Field label="Why" path="reason" problems={problems}>
        {(props) => <input {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <fieldset>
        <legend>Source of the correction</legend>
        <Field label="Publication" path="source.publication" problems={problems}>
          {(props) => <input {...props} {...sourceField('publication')} />}
        </Field>
        <Field label="Title" path="source.title" problems={problems}>
          {(props) => <input {...props} {...sourceField('title')} />}
        </Field>
        <Field label="Published" path="source.date" problems={problems} hint="YYYY-MM-DD, or YYYY-MM, YYYY">
          {(props) => <input {...props} {...sourceField('date')} />}
        </Field>
        <Field label="Link" path="source.url" problems={problems} hint="http:// or https://">
          {(props) => <input {...props} type="url" {...sourceField('url')} />}
        </Field>
        <Field label="The source's words" path="source.excerpt" problems={problems}>
          {(props) => <textarea {...props} rows={2} {...sourceField('excerpt')} />}
        </Field>
        <Field label="Reliability" path="source.reliability" problems={problems}>
          {(props) => (
            <select {...props} {...sourceField('reliability')}>
              {RELIABILITIES.map((reliability) => (
                <option key={reliability}>{reliability}</option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <div className="form-actions">
        <button type="submit">Save the correction</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}

/**
 * "Correct a field…" in a details panel: opens the form; the panel reads the record again and says
 * what was corrected (its own state: this part is drawn anew with the record).
 */
export function CorrectField({
  type,
  id,
  current,
  onCorrected,
}: {
  type: CorrectableType
  id: string
  current: Record<string, string | null>
  /** The record was corrected (`message` says how): the panel reads it again. */
  onCorrected(message: string): void
}) {
  const [correcting, setCorrecting] = useState(false)
  return (
    <>
      {correcting ? (
        <CorrectFieldForm
          type={type}
          id={id}
          current={current}
          onCancel={() => setCorrecting(false)}
          onDone={(done) => {
            setCorrecting(false)
            onCorrected(done)
          }}
        />
      ) : (
        <button type="button" onClick={() => setCorrecting(true)}>
          Correct a field…
        </button>
      )}
    </>
  )
}

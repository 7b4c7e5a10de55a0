import { useState } from 'react'
import {
  CORRECTABLE_FIELDS,
  fieldCorrectionSchema,
  RELIABILITY_DEFAULT,
  type CorrectableType,
  type FieldCorrectionInput,
} from '../../../shared/local-edits'
import { useApi } from '../api/use-api'
import {
  AuthorField,
  Field,
  FormActions,
  saveWritten,
  SourceFields,
  type Problems,
  type SourceDraft,
} from '../components/form-field'
import { useAuthor } from '../components/use-author'

const NO_SOURCE: Required<SourceDraft> = {
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
  const [source, setSource] = useState(NO_SOURCE)
  const [problems, setProblems] = useState<Problems>({})

  const save = () => {
    const correction = { type, id, field, value, reason, source }
    return saveWritten({
      input: correction,
      schema: fieldCorrectionSchema,
      author,
      api,
      inputField: 'correction',
      setProblems,
      write: async () => {
        const result = await api.correctField({ correction: correction as FieldCorrectionInput })
        return `${result.edit.description} (local edit ${result.edit.id}).`
      },
      onDone,
    })
  }

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
      <AuthorField author={author} problems={problems} />
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
      <SourceFields
        legend="Source of the correction"
        source={source}
        onChange={(change) => setSource({ ...source, ...change })}
        problems={problems}
      />
      <FormActions submit="Save the correction" onCancel={onCancel} />
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

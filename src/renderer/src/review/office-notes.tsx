import { useState } from 'react'
import type { OfficeNote } from '../../../shared/domain'
import { writtenNoteSchema, type WrittenNoteInput } from '../../../shared/local-edits'
import { useApi } from '../api/use-api'
import {
  AuthorField,
  Field,
  FormActions,
  saveWritten,
  SourceFields,
  type Problems,
} from '../components/form-field'
import { SourceLink } from '../components/source-link'
import { useAuthor } from '../components/use-author'

function NoteForm({
  on,
  editing,
  onDone,
  onCancel,
}: {
  on: { entity: string } | { round: string }
  /** The note to rewrite; absent to add one. */
  editing?: OfficeNote
  onDone(message: string): void
  onCancel(): void
}) {
  const api = useApi()
  const author = useAuthor()
  const [text, setText] = useState(editing?.text ?? '')
  const [assessment, setAssessment] = useState(editing?.assessment ?? false)
  const [source, setSource] = useState({
    publication: editing?.source?.publication ?? '',
    title: editing?.source?.title ?? '',
    date: editing?.source?.date ?? '',
    url: editing?.source?.url ?? '',
  })
  const [problems, setProblems] = useState<Problems>({})

  const save = () => {
    const note: WrittenNoteInput = { ...on, text, assessment, source: assessment ? undefined : source }
    return saveWritten({
      input: note,
      schema: writtenNoteSchema,
      author,
      api,
      inputField: 'note',
      setProblems,
      write: async () => {
        const result = editing ? await api.editNote({ id: editing.id, note }) : await api.addNote({ note })
        return `${result.edit.description} (local edit ${result.edit.id}).`
      },
      onDone,
    })
  }

  return (
    <form
      className="written-form"
      aria-label={editing ? 'Edit the note' : 'Add a note'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      {problems[''] ? (
        <p className="error" role="alert">
          {problems['']}
        </p>
      ) : null}
      <AuthorField author={author} problems={problems} />
      <Field label="Note" path="text" problems={problems} hint="At most 2,000 characters">
        {(props) => (
          <textarea {...props} rows={3} value={text} onChange={(event) => setText(event.target.value)} />
        )}
      </Field>
      <label className="inline">
        <input
          type="checkbox"
          checked={assessment}
          onChange={(event) => setAssessment(event.target.checked)}
        />
        My own assessment (no source)
      </label>
      {assessment ? null : (
        <SourceFields
          legend="Source"
          source={source}
          onChange={(change) => setSource({ ...source, ...change })}
          problems={problems}
        />
      )}
      <FormActions submit="Save the note" onCancel={onCancel} />
    </form>
  )
}

/**
 * The notes offices wrote on an entity or a round — each with its source or marked as an assessment,
 * and "local" with its author when written here — and "Add a note".
 */
export function OfficeNotes({
  on,
  notes,
  onChanged,
}: {
  on: { entity: string } | { round: string }
  notes: OfficeNote[]
  /** A note was added or deleted (`message` says which): the panel reads the record again. */
  onChanged(message: string): void
}) {
  const api = useApi()
  // The form: null when closed, {} to add a note, { editing } to rewrite one.
  const [writing, setWriting] = useState<{ editing?: OfficeNote } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  async function remove(id: string) {
    try {
      const result = await api.deleteNote({ id })
      onChanged(`${result.edit.description} (local edit ${result.edit.id}).`)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }
  return (
    <section aria-label="Notes">
      <h4>Notes ({notes.length})</h4>
      {notes.length === 0 ? <p className="unknown">No notes yet.</p> : null}
      <ul className="office-notes">
        {notes.map((note) => (
          <li key={note.id}>
            {note.text}{' '}
            <span className="origin">
              —{' '}
              {note.assessment ? (
                'the writer’s own assessment'
              ) : note.source ? (
                <SourceLink source={note.source} />
              ) : null}
            </span>
            {note.written ? (
              <>
                {' '}
                <span className="badge local">
                  local · {note.written.author}, {note.written.at.slice(0, 10)}
                </span>{' '}
                <button type="button" className="link" onClick={() => setWriting({ editing: note })}>
                  Edit
                </button>{' '}
                <button type="button" className="link" onClick={() => void remove(note.id)}>
                  Delete
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {writing ? (
        <NoteForm
          on={on}
          editing={writing.editing}
          onCancel={() => setWriting(null)}
          onDone={(message) => {
            setWriting(null)
            onChanged(message)
          }}
        />
      ) : (
        <button type="button" onClick={() => setWriting({})}>
          Add a note…
        </button>
      )}
    </section>
  )
}

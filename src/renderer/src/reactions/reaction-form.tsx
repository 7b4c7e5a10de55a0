import { useState } from 'react'
import { ORGANISATION_KINDS, STANCES, type Reaction } from '../../../shared/domain'
import {
  writtenReactionSchema,
  type LocalEditResult,
  type WrittenReactionInput,
} from '../../../shared/local-edits'
import { useApi, useLoad } from '../api/use-api'
import {
  AuthorField,
  Field,
  FormActions,
  problemsFromError,
  SourceFields,
  type Problems,
} from '../components/form-field'
import { LoadState } from '../components/load-state'
import { EntityPicker, RoundChoices } from '../components/record-pickers'
import { useAuthor } from '../components/use-author'

/** The form's fields as typed: strings, '' for not given (the schema turns them into null). */
interface Draft {
  text: string
  textKind: 'verbatim' | 'paraphrase'
  language: string
  speaker: string
  speakerRole: string
  organisation: string
  organisationKind: string
  stance: string
  dateSaid: string
  context: string
  notes: string
  rounds: string[]
  entities: string[]
  source: {
    publication: string
    title: string
    date: string
    url: string
    excerpt: string
    reliability: string
  }
}

const EMPTY: Draft = {
  text: '',
  textKind: 'verbatim',
  language: 'en',
  speaker: '',
  speakerRole: '',
  organisation: '',
  organisationKind: '',
  stance: '',
  dateSaid: '',
  context: '',
  notes: '',
  rounds: [],
  entities: [],
  source: { publication: '', title: '', date: '', url: '', excerpt: '', reliability: 'single' },
}

/** A stored reaction as the form shows it, for a correction. */
function draftOf(r: Reaction): Draft {
  return {
    text: r.text,
    textKind: r.textKind,
    language: r.language,
    speaker: r.speaker ?? '',
    speakerRole: r.speakerRole ?? '',
    organisation: r.organisation ?? '',
    organisationKind: r.organisationKind,
    stance: r.stance ?? '',
    dateSaid: r.dateSaid ?? '',
    context: r.context ?? '',
    notes: r.notes ?? '',
    rounds: r.rounds.map((round) => round.id),
    entities: r.entities.map((entity) => entity.id),
    source: {
      publication: r.source.publication,
      title: r.source.title ?? '',
      date: r.source.date ?? '',
      url: r.source.url ?? '',
      excerpt: r.sourceExcerpt ?? '',
      reliability: r.source.reliability,
    },
  }
}

function problemsOf(draft: Draft): Problems {
  const result = writtenReactionSchema.safeParse({
    ...draft,
    stance: draft.stance || null,
  } as WrittenReactionInput)
  if (result.success) return {}
  const problems: Problems = {}
  for (const issue of result.error.issues) problems[issue.path.join('.')] ??= issue.message
  return problems
}

/**
 * Adds a reaction (or corrects one) as a local edit: every field the store keeps, with the source it
 * was read in; checked by the same schema the main process applies, each problem shown by its field.
 */
export function ReactionForm({
  editing,
  onDone,
  onCancel,
}: {
  /** The reaction to correct; absent to add one. */
  editing?: Reaction
  onDone(result: LocalEditResult): void
  onCancel(): void
}) {
  const api = useApi()
  const rounds = useLoad((client) => client.listRounds({}), 'rounds')
  const author = useAuthor()
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing) : EMPTY))
  const [pickedNames, setPickedNames] = useState<Record<string, string>>(() =>
    Object.fromEntries((editing?.entities ?? []).map((entity) => [entity.id, entity.name])),
  )
  const [problems, setProblems] = useState<Problems>({})
  const [saving, setSaving] = useState(false)
  const knownAuthor = author.known

  // A field's problem goes once it is edited; saving checks everything again.
  const settle = (paths: string[]) =>
    setProblems((previous) =>
      paths.some((path) => path in previous)
        ? Object.fromEntries(Object.entries(previous).filter(([path]) => !paths.includes(path)))
        : previous,
    )
  const set = (change: Partial<Draft>) => {
    settle(Object.keys(change))
    setDraft((previous) => ({ ...previous, ...change }))
  }
  const setSource = (change: Partial<Draft['source']>) => {
    // The text is checked against the source's words: editing those settles both.
    settle(Object.keys(change).flatMap((key) => [`source.${key}`, ...(key === 'excerpt' ? ['text'] : [])]))
    setDraft((previous) => ({ ...previous, source: { ...previous.source, ...change } }))
  }
  const text = (path: keyof Draft) => ({
    value: draft[path] as string,
    onChange: (event: { target: { value: string } }) => set({ [path]: event.target.value }),
  })

  async function save() {
    const found = problemsOf(draft)
    const nameProblem = author.problem()
    if (nameProblem) found.author = nameProblem
    setProblems(found)
    if (Object.keys(found).length > 0) return
    setSaving(true)
    try {
      await author.save(api)
      const reaction = { ...draft, stance: draft.stance || null } as WrittenReactionInput
      const result = editing
        ? await api.editReaction({ id: editing.id, reaction })
        : await api.addReaction({ reaction })
      onDone(result)
    } catch (error) {
      setProblems(problemsFromError(error as Error, 'reaction'))
    } finally {
      setSaving(false)
    }
  }

  const count = Object.keys(problems).length
  return (
    <form
      className="written-form"
      aria-label={editing ? 'Correct the reaction' : 'Add a reaction'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <h2>{editing ? 'Correct the reaction' : 'Add a reaction'}</h2>
      <p className="hint">
        Saved as a local edit{knownAuthor ? ` by ${knownAuthor}` : ''}: marked “local” in the tables, details
        and briefings, and undone from the Updates view like an import.
      </p>
      {count > 0 ? (
        <p className="error" role="alert">
          {problems[''] ??
            `${count === 1 ? 'One field needs' : `${count} fields need`} attention before saving.`}
        </p>
      ) : null}
      <AuthorField author={author} problems={problems} />
      <fieldset>
        <legend>What was said</legend>
        <Field label="Text" path="text" problems={problems}>
          {(props) => <textarea {...props} rows={4} {...text('text')} />}
        </Field>
        <div className="field" role="radiogroup" aria-label="Verbatim or paraphrase">
          {(['verbatim', 'paraphrase'] as const).map((kind) => (
            <label key={kind} className="inline">
              <input
                type="radio"
                name="textKind"
                checked={draft.textKind === kind}
                onChange={() => set({ textKind: kind })}
              />
              {kind === 'verbatim' ? 'Verbatim (the speaker’s words)' : 'Paraphrase (no quotation marks)'}
            </label>
          ))}
        </div>
        <Field label="Language" path="language" problems={problems} hint="A tag such as en, zh-Hans">
          {(props) => <input {...props} {...text('language')} />}
        </Field>
        <Field label="Date said" path="dateSaid" problems={problems} hint="YYYY-MM-DD, or YYYY-MM, YYYY">
          {(props) => <input {...props} {...text('dateSaid')} />}
        </Field>
        <Field label="Context" path="context" problems={problems} hint="The outlet's framing, if any">
          {(props) => <input {...props} {...text('context')} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Who said it</legend>
        <Field label="Speaker" path="speaker" problems={problems}>
          {(props) => <input {...props} {...text('speaker')} />}
        </Field>
        <Field label="Role" path="speakerRole" problems={problems}>
          {(props) => <input {...props} {...text('speakerRole')} />}
        </Field>
        <Field label="Organisation" path="organisation" problems={problems}>
          {(props) => <input {...props} {...text('organisation')} />}
        </Field>
        <Field label="Organisation kind" path="organisationKind" problems={problems}>
          {(props) => (
            <select {...props} {...text('organisationKind')}>
              <option value="">Choose…</option>
              {ORGANISATION_KINDS.map((kind) => (
                <option key={kind}>{kind}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Stance" path="stance" problems={problems}>
          {(props) => (
            <select {...props} {...text('stance')}>
              <option value="">not classified</option>
              {STANCES.map((stance) => (
                <option key={stance}>{stance}</option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>What it responds to</legend>
        <h4>Rounds</h4>
        <LoadState loadable={rounds} what="rounds">
          {(list) => (
            <RoundChoices
              rounds={list}
              chosen={draft.rounds}
              onToggle={(id) =>
                set({
                  rounds: draft.rounds.includes(id)
                    ? draft.rounds.filter((round) => round !== id)
                    : [...draft.rounds, id],
                })
              }
            />
          )}
        </LoadState>
        <h4>Entities</h4>
        <EntityPicker
          picked={draft.entities}
          pickedNames={pickedNames}
          onPick={(hit) => {
            setPickedNames((names) => ({ ...names, [hit.id]: hit.name }))
            set({ entities: [...draft.entities, hit.id] })
          }}
          onUnpick={(id) => set({ entities: draft.entities.filter((entity) => entity !== id) })}
        />
      </fieldset>
      <SourceFields
        legend="Source"
        source={draft.source}
        onChange={setSource}
        problems={problems}
        wordsHint="For verbatim text: the passage as the source prints it; the text must occur in it."
      />
      <FormActions
        submit={editing ? 'Save the correction' : 'Add the reaction'}
        onCancel={onCancel}
        saving={saving}
      />
    </form>
  )
}

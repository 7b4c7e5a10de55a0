import { WatchNotices } from '../changes/watch-notices'
import { useEffect, useState, type DragEvent } from 'react'
import type { ConflictDecisions, ImportPreview, ImportResult } from '../../../shared/updates'
import { ConflictsPanel } from './conflicts-panel'
import { useApi } from '../api/use-api'
import { FileButton } from '../components/file-button'
import { MatchingPanel } from './matching-panel'
import { PreviewPanel } from './preview-panel'
import { stageFile } from '../api/stage-file'

type Step =
  | { name: 'idle' }
  | { name: 'working'; label: string; progress: number | null }
  | { name: 'preview'; uploadId: string; preview: ImportPreview; options: ListOptions }
  | { name: 'done'; result: ImportResult }
  | { name: 'failed'; message: string }

/** For a published list: the CSL source kept and the user's answers for possible matches. */
interface ListOptions {
  source?: string
  decisions: Record<string, string>
}

const NO_OPTIONS: ListOptions = { decisions: {} }

/** A file handed in from outside the panel: dropped on the window, or chosen from the File menu. */
export type IncomingUpdate =
  { kind: 'file'; file: File } | { kind: 'staged'; uploadId: string; fileName: string }

/** Choose or drop a bundle → verify and preview → Apply or Cancel. Nothing changes before Apply. */
export function ImportPanel({
  onImported,
  incoming,
}: {
  onImported: () => void
  incoming: IncomingUpdate | null
}) {
  const api = useApi()
  const [step, setStep] = useState<Step>({ name: 'idle' })
  const [answered, setAnswered] = useState<Set<string>>(new Set())
  const [kept, setKept] = useState<ConflictDecisions>({})
  const [dragging, setDragging] = useState(false)

  async function open(file: File) {
    setAnswered(new Set())
    setKept({})
    try {
      setStep({ name: 'working', label: `Reading ${file.name}`, progress: 0 })
      const uploadId = await stageFile(api, file, (progress) =>
        setStep({ name: 'working', label: `Reading ${file.name}`, progress }),
      )
      setStep({ name: 'working', label: 'Verifying and reading the contents', progress: null })
      const preview = await api.previewUpdate({ uploadId })
      setStep({ name: 'preview', uploadId, preview, options: NO_OPTIONS })
    } catch (error) {
      setStep({ name: 'failed', message: (error as Error).message })
    }
  }

  async function previewStaged(uploadId: string, fileName: string, options: ListOptions = NO_OPTIONS) {
    setAnswered(new Set())
    setKept({})
    try {
      setStep({ name: 'working', label: `Reading ${fileName}`, progress: null })
      const preview = await api.previewUpdate({ uploadId, ...options })
      setStep({ name: 'preview', uploadId, preview, options })
    } catch (error) {
      setStep({ name: 'failed', message: (error as Error).message })
    }
  }

  // A file handed in from outside is previewed once, as soon as it arrives.
  useEffect(() => {
    if (!incoming) return
    let cancelled = false
    const start = () =>
      incoming.kind === 'file' ? open(incoming.file) : previewStaged(incoming.uploadId, incoming.fileName)
    void Promise.resolve().then(() => (cancelled ? undefined : start()))
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open/previewStaged are recreated every render
  }, [incoming])

  async function apply(uploadId: string, options: ListOptions) {
    try {
      setStep({ name: 'working', label: 'Applying', progress: null })
      const result = await api.applyUpdate({ uploadId, confirmed: true, ...options, conflicts: kept })
      setStep({ name: 'done', result })
      onImported()
    } catch (error) {
      setStep({ name: 'failed', message: (error as Error).message })
    }
  }

  async function cancel(uploadId: string) {
    await api.discardUpdate({ uploadId })
    setStep({ name: 'idle' })
  }

  function onDrop(event: DragEvent) {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) void open(file)
  }

  const unanswered =
    step.name === 'preview' ? step.preview.confirmations.filter((question) => !answered.has(question)) : []
  const undecided =
    step.name === 'preview' ? step.preview.conflicts.filter((conflict) => !(conflict.key in kept)) : []
  return (
    <section aria-label="Import an update" className="panel">
      <h3>Import an update</h3>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          Drop a signed update bundle, or a list as published (Consolidated Screening List CSV or JSON, BIS
          Entity List CSV, OpenSanctions FtM), here, or
        </p>
        <FileButton label="Choose file…" onFile={(file) => void open(file)} />
        <p className="status">Nothing changes until you press Apply.</p>
      </div>

      {step.name === 'working' ? (
        <div className="progress" role="status">
          {step.label}… <progress aria-label={step.label} max={1} value={step.progress ?? undefined} />
        </div>
      ) : null}
      {step.name === 'failed' ? (
        <p className="error" role="alert">
          {step.message}
        </p>
      ) : null}
      {step.name === 'done' ? (
        <p className="success" role="status">
          {step.result.outcome === 'applied'
            ? `Imported ${step.result.preview.bundle.signed ? `${step.result.preview.bundle.publisher}, sequence ${step.result.preview.bundle.sequence}` : step.result.preview.bundle.fileName}. It can be undone from the history below.`
            : 'This file is already imported; nothing changed.'}
        </p>
      ) : null}
      {step.name === 'done' ? <WatchNotices notices={step.result.watched} /> : null}
      {step.name === 'preview' ? (
        <>
          <PreviewPanel preview={step.preview} />
          {step.preview.matching ? (
            <MatchingPanel
              matching={step.preview.matching}
              source={step.options.source}
              onSource={(source) =>
                void previewStaged(step.uploadId, step.preview.bundle.fileName ?? 'the file', {
                  source,
                  decisions: {},
                })
              }
              decisions={step.options.decisions}
              onDecision={(entry, entityId) =>
                void previewStaged(step.uploadId, step.preview.bundle.fileName ?? 'the file', {
                  ...step.options,
                  decisions: { ...step.options.decisions, [entry]: entityId },
                })
              }
              onDecisions={(decisions) =>
                void previewStaged(step.uploadId, step.preview.bundle.fileName ?? 'the file', {
                  ...step.options,
                  decisions: { ...step.options.decisions, ...decisions },
                })
              }
            />
          ) : null}
          <ConflictsPanel
            conflicts={step.preview.conflicts}
            decisions={kept}
            onDecide={(key, decision) => setKept((previous) => ({ ...previous, [key]: decision }))}
          />
          {step.preview.confirmations.map((question) => (
            <label key={question} className="confirm">
              <input
                type="checkbox"
                checked={answered.has(question)}
                onChange={(event) =>
                  setAnswered((previous) => {
                    const next = new Set(previous)
                    if (event.target.checked) next.add(question)
                    else next.delete(question)
                    return next
                  })
                }
              />{' '}
              {question}
            </label>
          ))}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={step.preview.alreadyImported || unanswered.length > 0 || undecided.length > 0}
              onClick={() => void apply(step.uploadId, step.options)}
            >
              Apply
            </button>
            <button type="button" onClick={() => void cancel(step.uploadId)}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </section>
  )
}

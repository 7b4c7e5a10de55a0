import { useCallback, useEffect, useRef, useState } from 'react'
import { downloadFile } from '../components/download'
import {
  DEFAULT_BRIEFING_SETTINGS,
  type BriefingPdf,
  type BriefingSettings,
  type SavedBriefing,
} from '../../../shared/briefing'
import type { ApiInput } from '../../../shared/contract'
import { useApi } from '../api/use-api'
import type { EntityViewQuery } from '../../../shared/contract'
import { PdfPreview } from '../briefing/pdf-preview'
import { bytesFromBase64 } from '../components/base64'
import { SavedBriefings } from '../briefing/saved-briefings'
import { ScopePicker } from '../briefing/scope-picker'
import { SettingsForm } from '../briefing/settings-form'
import type { BriefingAction } from '../navigation'

/** How long typing pauses before the preview is printed again. */
const PREVIEW_DELAY_MS = 700

type Preview =
  | { state: 'waiting' }
  | { state: 'rendering'; last: BriefingPdf | null }
  | { state: 'ready'; pdf: BriefingPdf }
  | { state: 'error'; message: string; last: BriefingPdf | null }

function lastPdf(preview: Preview): BriefingPdf | null {
  if (preview.state === 'ready') return preview.pdf
  if (preview.state === 'waiting') return null
  return preview.last
}

function downloadPdf(pdf: BriefingPdf) {
  downloadFile(pdf.fileName, bytesFromBase64(pdf.base64 ?? '') as BlobPart, 'application/pdf')
}

/** The settings as the contract takes them (filters from facet values are valid by construction). */
function asInput(settings: BriefingSettings): ApiInput<'renderBriefing'>['settings'] {
  return settings as ApiInput<'renderBriefing'>['settings']
}

/**
 * Compose a briefing: scope, title page, sections; a live preview that is the exported PDF itself;
 * export, save and reopen.
 */
export function BriefingView({
  active,
  actions,
  onActionsTaken,
  entityView,
}: {
  /** Whether the view is on screen: the preview is printed only then. */
  active: boolean
  /** What other views asked of this one ("Brief this view", File → Export briefing…), in order. */
  actions: BriefingAction[]
  onActionsTaken(): void
  /** The Entities table's search, filters and order as last seen (for "the current view" scope). */
  entityView: EntityViewQuery
}) {
  const api = useApi()
  const [settings, setSettings] = useState<BriefingSettings>(() => ({
    ...DEFAULT_BRIEFING_SETTINGS,
    scope: { kind: 'query', ...entityView },
  }))
  const [savedId, setSavedId] = useState<string | null>(null)
  const [saved, setSaved] = useState<SavedBriefing[]>([])
  const [pickedNames, setPickedNames] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState<Preview>({ state: 'waiting' })
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)

  const patch = (change: Partial<BriefingSettings>) => setSettings((previous) => ({ ...previous, ...change }))

  const reloadSaved = useCallback(() => {
    api.listBriefings({}).then(setSaved, (error: unknown) => setMessage((error as Error).message))
  }, [api])
  useEffect(reloadSaved, [reloadSaved])

  // Print the preview again once the writer pauses; answers to older settings are dropped.
  const key = JSON.stringify(settings)
  const titleMissing = !settings.title.trim()
  useEffect(() => {
    if (!active || titleMissing) return
    let current = true
    const timer = setTimeout(() => {
      setPreview((previous) => ({ state: 'rendering', last: lastPdf(previous) }))
      api.renderBriefing({ settings: asInput(settings) }).then(
        (pdf) => current && setPreview({ state: 'ready', pdf }),
        (error: unknown) =>
          current &&
          setPreview((previous) => ({
            state: 'error',
            message: (error as Error).message,
            last: lastPdf(previous),
          })),
      )
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
    // `key` stands for the whole settings object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, active, titleMissing])

  const exportNow = useCallback(async () => {
    setBusy(true)
    setMessage('Exporting…')
    try {
      const result = await api.exportBriefing({ settings: asInput(settings) })
      if (result.base64) {
        downloadPdf(result)
        setMessage(`Downloaded ${result.fileName}: ${result.pageCount} pages.`)
      } else {
        setMessage(result.saved ? `Saved ${result.path}: ${result.pageCount} pages.` : 'Not exported.')
      }
    } catch (error) {
      setMessage(`Export failed: ${(error as Error).message}`)
    } finally {
      setBusy(false)
    }
  }, [api, settings])

  // "Brief this view" in the Entities table takes its search, filters and order as the scope (as the
  // actions come, so an export asked for with it prints that scope); File → Export briefing… in the
  // desktop menu exports. Then the actions are handed back as taken.
  const [seenActions, setSeenActions] = useState<BriefingAction[]>([])
  if (actions !== seenActions) {
    setSeenActions(actions)
    const chosen = actions.findLast((action) => action.kind !== 'export')
    if (chosen?.kind === 'use-entity-view')
      setSettings((previous) => ({ ...previous, scope: { kind: 'query', ...chosen.view } }))
    if (chosen?.kind === 'use-scope') setSettings((previous) => ({ ...previous, scope: chosen.scope }))
  }
  const taken = useRef<BriefingAction[]>([])
  useEffect(() => {
    if (actions.length === 0 || taken.current === actions) return
    taken.current = actions
    onActionsTaken()
    // The export is an event from outside React (a menu command): it starts here, once per request.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (actions.some((action) => action.kind === 'export')) void exportNow()
  }, [actions, exportNow, onActionsTaken])

  async function save(asNew: boolean) {
    try {
      const result = await api.saveBriefing({
        id: asNew ? undefined : (savedId ?? undefined),
        settings: asInput(settings),
      })
      setSavedId(result.id)
      setMessage(`Saved “${result.settings.title}”.`)
      reloadSaved()
    } catch (error) {
      setMessage(`Not saved: ${(error as Error).message}`)
    }
  }

  async function remove(briefing: SavedBriefing) {
    if (!window.confirm(`Delete the saved briefing “${briefing.settings.title}”?`)) return
    await api.deleteBriefing({ id: briefing.id })
    if (savedId === briefing.id) setSavedId(null)
    setMessage(`Deleted “${briefing.settings.title}”.`)
    reloadSaved()
  }

  const shown = lastPdf(preview)
  return (
    <div className="briefing">
      <form
        className="briefing-settings"
        aria-label="Briefing settings"
        onSubmit={(event) => event.preventDefault()}
      >
        <ScopePicker
          scope={settings.scope}
          onChange={(scope) => patch({ scope })}
          entityView={entityView}
          pickedNames={pickedNames}
          onPickedName={(id, name) => setPickedNames((previous) => ({ ...previous, [id]: name }))}
        />
        <SettingsForm settings={settings} onChange={patch} />
        <section className="panel" aria-labelledby="saved-briefings">
          <h3 id="saved-briefings">Saved briefings</h3>
          <SavedBriefings
            briefings={saved}
            openId={savedId}
            onOpen={(briefing) => {
              setSettings(briefing.settings)
              setSavedId(briefing.id)
              setMessage(`Opened “${briefing.settings.title}”.`)
            }}
            onDelete={(briefing) => void remove(briefing)}
          />
        </section>
      </form>
      <section className="briefing-preview" aria-labelledby="preview-heading">
        <div className="toolbar">
          <h3 id="preview-heading">Preview</h3>
          <p className="status" role="status">
            {preview.state === 'rendering' ? 'Updating the preview… ' : ''}
            {shown
              ? `${shown.pageCount} ${shown.pageCount === 1 ? 'page' : 'pages'} · ` +
                (shown.changeCount !== null
                  ? `${shown.changeCount} changes`
                  : `${shown.entityCount} entities · ${shown.reactionCount} reactions`)
              : ''}
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy || titleMissing || preview.state === 'error'}
            onClick={() => void exportNow()}
          >
            Export PDF…
          </button>
          <button type="button" onClick={() => void save(false)}>
            {savedId ? 'Save changes' : 'Save briefing'}
          </button>
          {savedId ? (
            <button type="button" onClick={() => void save(true)}>
              Save as new
            </button>
          ) : null}
        </div>
        <p className="status" aria-live="polite">
          {message}
        </p>
        {titleMissing || preview.state === 'error' ? (
          <p role="alert" className="error">
            {titleMissing ? 'A title is required.' : preview.state === 'error' ? preview.message : ''}
          </p>
        ) : null}
        {shown?.base64 ? <PdfPreview base64={shown.base64} /> : null}
      </section>
    </div>
  )
}

import { overview } from './overview-services'
import type { ApiCallName } from '../../shared/api-names'
import { parseApiInput, type ApiHandlers, type ApiOutput } from '../../shared/contract'
import { ChromiumPrinter } from '../briefing/chromium-printer'
import type { PdfPrinter } from '../briefing/pdf-printer'
import { entityHistory, queryChanges } from '../store/changes-query'
import { listWatches, removeWatch, watchEntity, watchSearch } from '../store/watches'
import { deleteSavedBriefing, listSavedBriefings, saveBriefing } from '../store/saved-briefings'
import type { Store } from '../store/open-store'
import * as views from '../store/saved-views'
import { prepareInBackground } from './background-work'
import { renderBriefingPdf } from './briefing-services'
import * as catalog from './catalog-services'
import * as edits from './edit-services'
import * as publishing from './publish-services'
import { exportEntitiesCsv } from './entity-export'
import { guardWrites } from './guard-writes'
import { StagedFiles } from './staged-files'
import * as updates from './update-services'

/** What differs between the desktop shell and browser mode; tests get the browser-mode defaults. */
export interface PlatformHooks {
  openSourceLink(url: string): Promise<{ opened: boolean; message: string }>
  /** Prints briefings: Electron's printToPDF in the desktop app, a local Chromium otherwise. */
  printer: PdfPrinter
  /**
   * Hands a finished briefing PDF to the user: the desktop app asks where to save it and writes it
   * there; null means the caller gets the bytes back (browser mode downloads them itself).
   */
  saveBriefingPdf: ((fileName: string, pdf: Buffer) => Promise<{ saved: boolean; path?: string }>) | null
}

export function browserPlatform(printer: PdfPrinter = new ChromiumPrinter()): PlatformHooks {
  return {
    // In browser mode the page opens links itself; the host never starts programs on the user's behalf.
    openSourceLink: async () => ({ opened: false, message: 'In browser mode, links open in your browser.' }),
    printer,
    saveBriefingPdf: null,
  }
}

/**
 * Every Entities query but the plain first page needs the in-memory entity index (built in a worker,
 * which takes a while on a large store). The first query starts the build, after answering when it is the
 * plain first page (which SQLite answers alone, faster without the build competing for the two cores).
 * Should no query come soon (another view opened first), the build starts anyway, and with it the
 * store's background integrity check, which is held back the same way.
 */
const INDEX_BUILD_DELAY_MS = 1500

function warmEntityIndexSoon(store: Store): void {
  setTimeout(() => prepareInBackground(store), INDEX_BUILD_DELAY_MS).unref()
}

/**
 * After an import or its undo: the write-ahead log their commit left (see wal-checkpoint.ts) is copied
 * into the store's file by a worker thread, while the host goes on answering.
 */
function copyLogSoon(store: Store): void {
  store.checkpointInBackground().catch(() => undefined)
}

/** Binds every contract call to its service. Input reaching these functions is already validated. */
export function createApiHandlers(
  store: Store,
  staged: StagedFiles = new StagedFiles(),
  platform: PlatformHooks = browserPlatform(),
): ApiHandlers {
  warmEntityIndexSoon(store)
  return guardWrites(store, {
    appInfo: () => catalog.appInfo(store),
    rememberView: ({ view }) => catalog.rememberView(store, view),
    stats: () => catalog.stats(store),
    overview: (query) => overview(store, query),
    listEntities: () => catalog.listEntities(store),
    queryEntities: (query) => catalog.queryEntities(store, query),
    exportEntitiesCsv: (query) => exportEntitiesCsv(store, query),
    getEntity: ({ id }) => catalog.getEntity(store, id),
    listRounds: () => catalog.listRounds(store),
    getRound: ({ id }) => catalog.getRound(store, id),
    listReactions: () => catalog.listReactions(store),
    search: ({ query, limit, minScore }) => catalog.searchWhenReady(store, query, limit, minScore),
    stageUpdate: ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64')
      return { uploadId: staged.stage(fileName, bytes), bytes: bytes.length }
    },
    previewUpdate: ({ uploadId, source, decisions }) => {
      const file = staged.get(uploadId)
      return updates.previewUpdate(store, file.bytes, file.fileName, { source, decisions })
    },
    applyUpdate: async ({ uploadId, confirmed, source, decisions, conflicts }) => {
      const file = staged.get(uploadId)
      const result = await updates.applyUpdate(store, file.bytes, file.fileName, confirmed, {
        source,
        decisions,
        conflicts,
      })
      staged.discard(uploadId)
      copyLogSoon(store)
      return result
    },
    discardUpdate: ({ uploadId }) => {
      staged.discard(uploadId)
      return null
    },
    importHistory: () => updates.history(store),
    queryChanges: (query) => queryChanges(store.db, query),
    entityHistory: ({ id }) => entityHistory(store.db, id),
    listWatches: () => listWatches(store.db),
    addWatch: (input) =>
      'entityId' in input
        ? watchEntity(store.db, input.entityId)
        : watchSearch(store.db, input.name, input.query),
    removeWatch: ({ id }) => {
      removeWatch(store.db, id)
      return null
    },
    addReaction: ({ reaction }) => edits.addReaction(store, reaction),
    editReaction: ({ id, reaction }) => edits.editReaction(store, id, reaction),
    deleteReaction: ({ id }) => edits.removeReaction(store, id),
    correctField: ({ correction }) => edits.correct(store, correction),
    addNote: ({ note }) => edits.addNote(store, note),
    editNote: ({ id, note }) => edits.editNote(store, id, note),
    deleteNote: ({ id }) => edits.removeNote(store, id),
    listLocalEdits: () => edits.localEdits(store),
    redoLocalEdit: ({ importId }) => edits.redo(store, importId),
    setAuthorName: ({ name }) => {
      edits.rememberAuthor(store, name)
      return null
    },
    publishingState: () => publishing.publishingState(store),
    createSigningKey: ({ publisher, passphrase }) =>
      publishing.createSigningKey(store, publisher, passphrase),
    exportPublicKey: ({ keyId }) => publishing.exportPublicKey(store, keyId),
    publishLocalEdits: ({ keyId, passphrase, since, editIds }) =>
      publishing.publish(store, keyId, passphrase, { since, editIds }),
    undoLastImport: ({ importId }) => {
      const entry = updates.undoLastImport(store, importId)
      copyLogSoon(store)
      return entry
    },
    listTrustedKeys: () => updates.trustedKeys(store),
    addTrustedKey: ({ keyFile }) => updates.trustKey(store, keyFile),
    listJudgements: () => updates.judgements(store),
    revokeJudgement: ({ id }) => {
      updates.forgetJudgement(store, id)
      return null
    },
    removeTrustedKey: ({ fingerprint }) => {
      updates.distrustKey(store, fingerprint)
      return null
    },
    renderBriefing: async ({ settings }) => {
      const { pdf, info } = await renderBriefingPdf(store, settings, platform.printer)
      return { ...info, base64: pdf.toString('base64') }
    },
    exportBriefing: async ({ settings }) => {
      const { pdf, info } = await renderBriefingPdf(store, settings, platform.printer)
      if (!platform.saveBriefingPdf) return { ...info, base64: pdf.toString('base64'), saved: false }
      const { saved, path } = await platform.saveBriefingPdf(info.fileName, pdf)
      return { ...info, saved, path }
    },
    listBriefings: () => listSavedBriefings(store.db),
    saveBriefing: ({ id, settings }) => saveBriefing(store.db, settings, id),
    deleteBriefing: ({ id }) => {
      deleteSavedBriefing(store.db, id)
      return null
    },
    loadViews: ({ table }) => views.loadViews(store.db, table),
    saveView: ({ table, name, state }) => {
      views.saveView(store.db, table, name, state)
      return null
    },
    deleteView: ({ table, name }) => {
      views.deleteView(store.db, table, name)
      return null
    },
    openSourceLink: ({ url }) => platform.openSourceLink(url),
  })
}

/**
 * The one entry point every transport uses: validate against the contract, then run the service.
 * Invalid input throws ApiInputError before any service code runs.
 */
export async function dispatchApiCall<N extends ApiCallName>(
  handlers: ApiHandlers,
  name: N,
  rawInput: unknown,
): Promise<ApiOutput<N>> {
  const input = parseApiInput(name, rawInput)
  const handler = handlers[name] as (input: unknown) => Promise<ApiOutput<N>> | ApiOutput<N>
  return handler(input)
}

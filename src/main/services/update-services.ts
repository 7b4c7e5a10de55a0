import fs from 'node:fs'
import path from 'node:path'
import type {
  ImportHistoryEntry,
  ImportPreview,
  ImportResult,
  ConflictDecisions,
  Judgement,
  TrustedKey,
} from '../../shared/updates'
import { listJudgements, revokeJudgement } from '../store/judgements'
import { readVerifiedBundle } from '../bundles/bundle-reader'
import {
  applyPending,
  discardPending,
  importHistory,
  latestAppliedImport,
  pendingFromBundle,
  previewPending,
  undoLatestImport,
  type PendingUpdate,
} from '../bundles/import-bundle'
import { ImportError } from '../importers/import-error'
import type { MatchDecisions } from '../importers/plan-import'
import { detectFormat, type RequestedFormat } from '../importers/read-source'
import { pendingFromSource } from '../importers/source-update'
import { parsePublicKeyFile } from '../bundles/keys'
import { addTrustedKey, listTrustedKeys, removeTrustedKey, trustStoreLookup } from '../store/trust-store'
import { listWatches, watchNotices } from '../store/watches'
import { prepareEntityIndex } from '../store/entity-index'
import { prepareFuzzyNameIndex } from '../store/fuzzy-index'
import type { Store } from '../store/open-store'
import { UserError } from '../user-error'
import { withCompactHeap } from '../heap-policy'

/** Update services: the same steps for the app and the command line (read → preview → apply → undo). */

export interface UpdateOptions {
  /** "auto" (the default) decides by the file's content, never its name. */
  format?: RequestedFormat
  /** For a Consolidated Screening List: keep only this source list. */
  source?: string
  /** For a published list: which known entity an ambiguous party is ("new" for none). */
  decisions?: MatchDecisions
  /** For each conflict with the user's own edits (EditConflict.key): keep "mine" or take "theirs". */
  conflicts?: ConflictDecisions
}

/**
 * Reads an update file for this store: a bundle is verified against the trusted keys; a published list
 * (CSL, BIS, FtM) is read, matched against the store and turned into the same kind of pending update.
 * Callers that preview and then apply read once.
 */
export async function prepareUpdate(
  store: Store,
  bytes: Buffer,
  fileName: string | null,
  options: UpdateOptions = {},
): Promise<PendingUpdate> {
  const name = fileName ?? 'the file'
  const requested = options.format ?? 'auto'
  const format = requested === 'auto' ? detectFormat(bytes, name) : requested
  if (format === 'bundle') {
    if (options.source)
      throw new ImportError('--source applies to a Consolidated Screening List, not to a bundle.')
    const bundle = await readVerifiedBundle(bytes, trustStoreLookup(store.db))
    return { ...pendingFromBundle(bundle, fileName), conflictDecisions: options.conflicts }
  }
  const pending = await pendingFromSource(store.db, bytes, name, format, {
    source: options.source,
    decisions: options.decisions,
  })
  return { ...pending, conflictDecisions: options.conflicts }
}

/**
 * Reads an update file (as prepareUpdate), hands it to `use`, and frees what it holds on disk
 * whatever `use` does.
 */
export async function withPreparedUpdate<T>(
  store: Store,
  bytes: Buffer,
  fileName: string | null,
  options: UpdateOptions,
  use: (update: PendingUpdate) => T | Promise<T>,
): Promise<T> {
  return withCompactHeap(async () => {
    const update = await prepareUpdate(store, bytes, fileName, options)
    try {
      return await use(update)
    } finally {
      discardPending(update)
    }
  })
}

export function previewPrepared(store: Store, update: PendingUpdate): ImportPreview {
  return previewPending(store.db, update)
}

/**
 * Applies an update, then says which of the user's watches it touched. A watched search is run over the
 * new data: its indexes are built in their workers first, as the Entities table's queries wait for them,
 * not on the thread that answers the app.
 */
export async function applyPrepared(
  store: Store,
  update: PendingUpdate,
  confirmed: boolean,
): Promise<ImportResult> {
  const result = applyPending(store.db, update, { fileName: update.summary.fileName, confirmed })
  if (result.outcome !== 'applied') return result
  const watches = listWatches(store.db)
  const searches = watches.filter((watch) => watch.kind === 'search')
  if (searches.length > 0) {
    await prepareEntityIndex(store.db, store.path)
    if (searches.some((watch) => watch.query!.minScore < 100))
      await prepareFuzzyNameIndex(store.db, store.path)
  }
  return { ...result, watched: watchNotices(store.db, result.entry!.id, watches) }
}

/** The app's two steps arrive as separate calls, so each reads the staged bytes afresh. */
export async function previewUpdate(
  store: Store,
  bytes: Buffer,
  fileName: string | null,
  options: UpdateOptions = {},
): Promise<ImportPreview> {
  return withPreparedUpdate(store, bytes, fileName, options, (update) => previewPrepared(store, update))
}

export async function applyUpdate(
  store: Store,
  bytes: Buffer,
  fileName: string | null,
  confirmed: boolean,
  options: UpdateOptions = {},
): Promise<ImportResult> {
  return withPreparedUpdate(store, bytes, fileName, options, (update) =>
    applyPrepared(store, update, confirmed),
  )
}

export function history(store: Store): ImportHistoryEntry[] {
  return importHistory(store.db)
}

export function latestUndoable(store: Store): ImportHistoryEntry | null {
  return latestAppliedImport(store.db)
}

/** Undoes import `importId`, refused unless it is still the latest one applied. */
export function undoLastImport(store: Store, importId: number): ImportHistoryEntry {
  return undoLatestImport(store.db, importId)
}

export function trustedKeys(store: Store): TrustedKey[] {
  return listTrustedKeys(store.db)
}

export function trustKey(store: Store, keyFileText: string): TrustedKey {
  return addTrustedKey(store.db, parsePublicKeyFile(keyFileText))
}

export function distrustKey(store: Store, fingerprint: string): void {
  if (!removeTrustedKey(store.db, fingerprint))
    throw new UserError(`No trusted key has the fingerprint ${fingerprint}.`, 'not-found', 'UnknownKey')
}

export function judgements(store: Store): Judgement[] {
  return listJudgements(store.db)
}

export function forgetJudgement(store: Store, id: number): void {
  if (!revokeJudgement(store.db, id))
    throw new UserError(
      `There is no judgement ${id}. List them with "judgements list".`,
      'not-found',
      'UnknownJudgement',
    )
}

/** Reads a file the user named, with a message that says which file when it cannot be read. */
export function readUserFile(file: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    throw new UserError(
      `Cannot read ${path.resolve(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

import type Database from 'better-sqlite3'
import type { OriginKind } from '../../shared/domain'
import {
  bundleLabel,
  type BundleSummary,
  type ConflictDecisions,
  type EditConflict,
  type ImportHistoryEntry,
  type ImportMatching,
  type ImportPreview,
  type ImportResult,
} from '../../shared/updates'
import { createOrigin } from '../store/write-records'
import { writeAndRollBack, writeRecords } from '../store/transactions'
import { setMeta } from '../store/meta'
import {
  importHistory,
  insertImport,
  isAlreadyImported,
  latestAppliedImport,
  latestSequence,
  markImportUndone,
  readHistoryEntry,
  setImportCounts,
} from '../store/imports'
import { writeJudgements, type NewJudgement } from '../store/judgements'
import { applyOperations, type AppliedChanges } from './apply-operations'
import { BundleError } from './bundle-error'
import type { OperationSpool } from './operation-spool'
import type { VerifiedBundle } from './bundle-reader'
import { discardJournal, finishJournal, replayJournalBackwards, startJournal } from '../store/undo-journal'
import { UserError } from '../user-error'
import { ChangeRecorder, discardRecordedChanges } from '../store/change-recorder'
import { LocalHoldings } from '../store/local-holdings'
import { EditConflicts, noEdits } from './edit-conflicts'

type Db = Database.Database

/**
 * Anything that can be previewed, applied and undone: a verified bundle, or a published list read by an
 * importer. Both carry bundle operations, so both go through the same checks, apply and journal.
 */
export interface PendingUpdate {
  summary: BundleSummary
  /** Large updates keep them in temporary files: `discardPending` when done with the update. */
  operations: OperationSpool
  warnings: string[]
  confirmations: string[]
  origin: { kind: OriginKind; label: string }
  matching: ImportMatching | null
  /** For a published list: the user's decisions, kept as judgements when the update is applied. */
  judgements?: NewJudgement[]
  /** For each conflict with the user's own edits (EditConflict.key): keep "mine" or take "theirs". */
  conflictDecisions?: ConflictDecisions
}

/** The key id a local edit's history row carries (it is applied as an update of its own). */
export const LOCAL_EDIT_KEY = 'local'

export function pendingFromBundle(bundle: VerifiedBundle, fileName: string | null): PendingUpdate {
  const { manifest } = bundle
  return {
    summary: {
      signed: true,
      format: 'bundle',
      bundleId: bundle.bundleId,
      fileName,
      publisher: manifest.publisher,
      keyId: manifest.keyId,
      sequence: manifest.sequence,
      created: manifest.created,
      expires: manifest.expires,
      dataAsOf: manifest.dataAsOf,
      expired: bundle.expired,
      operations: bundle.operations.count,
    },
    operations: bundle.operations,
    warnings: bundle.warnings,
    confirmations: bundle.expired ? [`The bundle expired on ${manifest.expires}. Import it anyway?`] : [],
    origin: {
      kind: 'bundle',
      label: bundleLabel(manifest.publisher, manifest.sequence, fileName),
    },
    matching: null,
  }
}

/** Frees what an update holds on disk; it cannot be previewed or applied afterwards. */
export function discardPending(update: PendingUpdate): void {
  update.operations.discard()
}

/** A replayed or older bundle from the same publisher is refused: sequences only move forward. */
function checkSequence(db: Db, update: PendingUpdate): void {
  // Unsigned lists have no sequence; "already imported" (same file hash) is their only replay check.
  if (!update.summary.signed) return
  const { publisher, sequence } = update.summary
  const latest = latestSequence(db, publisher)
  if (latest !== null && sequence <= latest) {
    throw new BundleError(
      'rollback',
      `This bundle has sequence ${sequence} from ${publisher}, but sequence ${latest} is already imported: an old or replayed bundle (rollback) is refused.`,
    )
  }
}

function alreadyImportedPreview(update: PendingUpdate): ImportPreview {
  return {
    bundle: update.summary,
    alreadyImported: true,
    counts: [],
    changes: [],
    totalChanges: 0,
    warnings: [`This ${update.summary.signed ? 'bundle' : 'file'} is already imported.`],
    confirmations: [],
    matching: update.matching,
    conflicts: [],
  }
}

function previewFrom(update: PendingUpdate, applied: AppliedChanges): ImportPreview {
  return {
    bundle: update.summary,
    alreadyImported: false,
    counts: applied.counts,
    changes: applied.changes,
    totalChanges: applied.totalChanges,
    warnings: update.warnings,
    confirmations: update.confirmations,
    matching: update.matching,
    conflicts: applied.conflicts,
  }
}

/**
 * The user's own edits the update may meet: none for a local edit (the user's own), else what local
 * edits hold, with the user's decisions (none in a preview, which shows the update's values).
 */
function editConflicts(db: Db, update: PendingUpdate, decisions: ConflictDecisions | null): EditConflicts {
  if (update.summary.keyId === LOCAL_EDIT_KEY) return noEdits()
  return new EditConflicts(LocalHoldings.read(db), decisions)
}

/** Thrown when an update changes what the user edited and the user has not said what to keep. */
export class ConflictsUndecided extends UserError {
  constructor(readonly conflicts: EditConflict[]) {
    const named = conflicts
      .slice(0, 5)
      .map((c) => (c.field === null ? `${c.label} (removed)` : `${c.label}, ${c.field}`))
    super(
      `This update changes ${conflicts.length === 1 ? 'something' : `${conflicts.length} things`} you edited in the app: ${named.join('; ')}${conflicts.length > 5 ? '; …' : ''}. Choose for each whether to keep yours or take the update's (on the command line --keep-mine or --take-theirs). Nothing was changed.`,
      'conflict',
      'ConflictsUndecided',
    )
  }
}

/** What importing would change, computed by applying inside a savepoint that is always rolled back. */
export function previewPending(db: Db, update: PendingUpdate): ImportPreview {
  if (isAlreadyImported(db, update.summary.bundleId)) return alreadyImportedPreview(update)
  checkSequence(db, update)
  return writeAndRollBack(db, () => {
    const originId = createOrigin(db, update.origin.kind, update.origin.label)
    return previewFrom(
      update,
      applyOperations(db, update.operations, originId, null, editConflicts(db, update, null)),
    )
  })
}

export interface ApplyOptions {
  fileName?: string | null
  /** The user said yes to every confirmation the preview asked (e.g. an expired bundle). */
  confirmed?: boolean
  now?: Date
  /** False: keep no record of the changes (the bench measures what keeping them costs). */
  recordChanges?: boolean
  /** When its records entered the store, if not now: a redone edit keeps the time it was written. */
  originAt?: Date
  /** Runs in the import's transaction once its records are written (a local edit keeps itself). */
  whileApplying?: (applied: { importId: number; originId: number }) => void
}

/** Thrown when a bundle needs the user's yes (an expired bundle) and did not get it. */
export class ConfirmationRequired extends Error {
  constructor(readonly questions: string[]) {
    super(`${questions.join(' ')} Nothing was changed; confirm to import (on the command line: --yes).`)
    this.name = 'ConfirmationRequired'
  }
}

/** Preview → apply in one transaction → history entry. Re-importing the same update changes nothing. */
export function applyPending(db: Db, update: PendingUpdate, options: ApplyOptions = {}): ImportResult {
  const now = options.now ?? new Date()
  const { summary } = update
  return writeRecords(db, (): ImportResult => {
    if (isAlreadyImported(db, summary.bundleId)) {
      return {
        outcome: 'already-imported',
        entry: null,
        preview: alreadyImportedPreview(update),
        watched: [],
      }
    }
    checkSequence(db, update)
    if (update.confirmations.length > 0 && !options.confirmed)
      throw new ConfirmationRequired(update.confirmations)
    // The history row comes first so every journaled change can carry its id.
    const importId = insertImport(db, summary, now.toISOString())
    startJournal(db, importId)
    const originAt = (options.originAt ?? now).toISOString()
    const originId = createOrigin(db, update.origin.kind, update.origin.label, originAt)
    const recorder = options.recordChanges === false ? null : new ChangeRecorder(db, importId)
    const conflicts = editConflicts(db, update, update.conflictDecisions ?? {})
    const applied = applyOperations(db, update.operations, originId, recorder, conflicts)
    // Never drops an edit of the user's silently: refused, and rolled back, until each is decided.
    const undecided = conflicts.undecided()
    if (undecided.length > 0) throw new ConflictsUndecided(undecided)
    if (update.judgements) writeJudgements(db, update.judgements, now.toISOString(), summary.fileName)
    setMeta(db, 'data_as_of', summary.dataAsOf)
    finishJournal(db)
    setImportCounts(db, importId, applied.counts)
    options.whileApplying?.({ importId, originId })
    return {
      outcome: 'applied',
      entry: readHistoryEntry(db, importId),
      preview: previewFrom(update, applied),
      // Filled in once the import is committed (update-services.ts): a watched search reads the new data.
      watched: [],
    }
  })
}

/**
 * Restores the store exactly as it was before the latest applied import, in one transaction. That import
 * must be `expectedId`: two people (or two windows) who asked to undo the same import undo it once, and
 * the second is told it is no longer the latest.
 */
export function undoLatestImport(db: Db, expectedId: number, now: Date = new Date()): ImportHistoryEntry {
  return writeRecords(db, () => {
    const latest = latestAppliedImport(db)
    if (!latest)
      throw new UserError('There is no import to undo. Nothing was changed.', 'conflict', 'NothingToUndo')
    if (latest.id !== expectedId) {
      throw new UserError(
        `Import ${expectedId} is not the latest applied import (import ${latest.id} is), so it cannot be ` +
          'undone now. Nothing was changed.',
        'conflict',
        'NotLatestImport',
      )
    }
    replayJournalBackwards(db, latest.id)
    discardJournal(db, latest.id)
    discardRecordedChanges(db, latest.id)
    markImportUndone(db, latest.id, now.toISOString())
    return readHistoryEntry(db, latest.id)
  })
}

export { importHistory, latestAppliedImport }

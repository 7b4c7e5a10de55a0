import type Database from 'better-sqlite3'
import type { VerifiedBundle } from '../bundles/bundle-reader'
import { applyPending, pendingFromBundle, previewPending, type ApplyOptions } from '../bundles/import-bundle'
import type { ConflictDecisions, ImportPreview, ImportResult } from '../../shared/updates'

/** For tests and the bench: a verified bundle's preview in one call (the app goes through PendingUpdate). */
export function previewImport(
  db: Database.Database,
  bundle: VerifiedBundle,
  fileName: string | null = null,
): ImportPreview {
  return previewPending(db, pendingFromBundle(bundle, fileName))
}

/** For tests and the bench: a verified bundle applied in one call. */
export function applyImport(
  db: Database.Database,
  bundle: VerifiedBundle,
  options: ApplyOptions & { conflictDecisions?: ConflictDecisions } = {},
): ImportResult {
  const pending = pendingFromBundle(bundle, options.fileName ?? null)
  return applyPending(db, { ...pending, conflictDecisions: options.conflictDecisions }, options)
}

import fs from 'node:fs'
import path from 'node:path'
import type { ImportHistoryEntry, ImportPreview, ImportResult, TrustedKey } from '../../shared/updates'
import { readVerifiedBundle, type VerifiedBundle } from '../bundles/bundle-reader'
import {
  applyImport,
  importHistory,
  latestAppliedImport,
  previewImport,
  undoLatestImport,
} from '../bundles/import-bundle'
import { parsePublicKeyFile } from '../bundles/keys'
import { addTrustedKey, listTrustedKeys, removeTrustedKey, trustStoreLookup } from '../bundles/trust-store'
import type { Store } from '../store/open-store'

/** Update services: the same steps for the app and the command line (verify → preview → apply → undo). */
/** Verifies a bundle against this store's trusted keys; callers that preview and apply verify once. */
export function verifyForStore(store: Store, bytes: Buffer): Promise<VerifiedBundle> {
  return readVerifiedBundle(bytes, trustStoreLookup(store.db))
}

export function previewVerified(
  store: Store,
  bundle: VerifiedBundle,
  fileName: string | null,
): ImportPreview {
  return previewImport(store.db, bundle, fileName)
}

export function applyVerified(
  store: Store,
  bundle: VerifiedBundle,
  fileName: string | null,
  confirmed: boolean,
): ImportResult {
  return applyImport(store.db, bundle, { fileName, confirmed })
}

/** The app's two steps arrive as separate calls, so each verifies the staged bytes afresh. */
export async function previewUpdate(
  store: Store,
  bytes: Buffer,
  fileName: string | null,
): Promise<ImportPreview> {
  return previewVerified(store, await verifyForStore(store, bytes), fileName)
}

export async function applyUpdate(
  store: Store,
  bytes: Buffer,
  fileName: string | null,
  confirmed: boolean,
): Promise<ImportResult> {
  return applyVerified(store, await verifyForStore(store, bytes), fileName, confirmed)
}

export function history(store: Store): ImportHistoryEntry[] {
  return importHistory(store.db)
}

export function latestUndoable(store: Store): ImportHistoryEntry | null {
  return latestAppliedImport(store.db)
}

export function undoLastImport(store: Store): ImportHistoryEntry {
  return undoLatestImport(store.db)
}

export function trustedKeys(store: Store): TrustedKey[] {
  return listTrustedKeys(store.db)
}

export function trustKey(store: Store, keyFileText: string): TrustedKey {
  return addTrustedKey(store.db, parsePublicKeyFile(keyFileText))
}

export function distrustKey(store: Store, fingerprint: string): void {
  if (!removeTrustedKey(store.db, fingerprint))
    throw new Error(`No trusted key has the fingerprint ${fingerprint}.`)
}

/** Reads a file the user named, with a message that says which file when it cannot be read. */
export function readUserFile(file: string): Buffer {
  try {
    return fs.readFileSync(file)
  } catch (error) {
    throw new Error(
      `Cannot read ${path.resolve(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    )
  }
}

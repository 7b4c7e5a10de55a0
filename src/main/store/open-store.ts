import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  LAST_UNMARKED_VERSION,
  LATEST_STORE_VERSION,
  MIGRATIONS,
  STORE_APPLICATION_ID,
  VERSION_1_TABLES,
} from './migrations'
import type { Migration } from './migrations/migration'
import {
  backgroundIntegrityCheck,
  checkIntegrityNow,
  removeSiblingsMadeSince,
  translateOpenError,
  walSiblings,
  withReadOnlyConnection,
} from './integrity-check'
import { StoreError } from './store-error'
import { deleteMeta, getMeta } from './meta'
import { rebuildSearchIndex } from './search-index'
import { checkpointInBackground } from './wal-checkpoint'

const SQLITE_HEADER = 'SQLite format 3\0'

export interface OpenStoreOptions {
  /** The better_sqlite3.node built for the running runtime (Electron ships its own build). */
  nativeBinding?: string
  /** For tests of upgrades: stop migrating at this version. */
  migrateTo?: number
  /**
   * When SQLite's integrity check of an existing file runs. "before-open" (the default, for commands
   * that open the store to change it): the store is not opened unless the check passes. "in-background"
   * (the app's long-running hosts): the check runs in a worker thread while the first view is read
   * (it reads the whole file), and `integrity` says how it went; writes wait
   * for it (see guardWrites). It starts when `checkIntegrity` is called (the hosts do once the index
   * is built and they are quiet), or by itself ten seconds after opening. A store that needs migrating is always checked before it is opened.
   */
  integrityCheck?: 'before-open' | 'in-background'
}

/** An open store: the one SQLite file and the path it lives at. */
export interface Store {
  /** The connection. Outside src/main/store it is only handed to the store's functions (ESLint refuses any call on it). */
  db: Database.Database
  path: string
  /** Why the store was opened for reading only (its file or folder cannot be written), or null. */
  readOnly: string | null
  close(): void
  /**
   * Settles when the file has passed SQLite's integrity check (at once when it was checked before
   * opening); rejects with a StoreError ("corrupt") when it failed.
   */
  integrity: Promise<void>
  /** Starts a background integrity check now, if it has not started yet (a no-op otherwise). */
  checkIntegrity(): void
  /** Copies the write-ahead log into the file off-thread, after a large import (see wal-checkpoint.ts). */
  checkpointInBackground(): Promise<void>
}

/** When a background integrity check starts if nobody asked for it sooner. */
const INTEGRITY_CHECK_DELAY_MS = 10_000

/**
 * Opens (creating if missing) the store at `storePath` and brings its schema up to date. Anything that
 * could refuse the file (not SQLite, corrupt, made by a newer version) is checked through a read-only
 * connection first, so a refused file is never modified.
 */
export function openStore(storePath: string, options: OpenStoreOptions = {}): Store {
  const resolved = path.resolve(storePath)
  const readOnly = readOnlyReason(resolved)
  if (readOnly && needsSnapshot(resolved)) return openSnapshot(resolved, readOnly, options)
  return openStoreAt(resolved, readOnly, options)
}

function openStoreAt(resolved: string, readOnly: string | null, options: OpenStoreOptions): Store {
  let integrity = Promise.resolve()
  let checkIntegrity = () => {}
  const target = options.migrateTo ?? LATEST_STORE_VERSION
  if (fs.existsSync(resolved)) {
    const siblingsBefore = walSiblings(resolved)
    try {
      const version = inspectExistingFile(resolved, options)
      const migrating = version !== null && version < target
      if (readOnly && (version === null || migrating)) {
        throw new StoreError(
          `${resolved} cannot be opened: ${readOnly}, and the store needs ${version === null ? 'setting up' : 'upgrading'} ` +
            'before it can be read. Copy it to a folder you can write to and open the copy. The file was left untouched.',
          resolved,
          'read-only',
        )
      }
      if (version !== null && options.integrityCheck === 'in-background' && !migrating) {
        const check = backgroundIntegrityCheck(resolved, options.nativeBinding)
        integrity = check.result
        checkIntegrity = check.start
        setTimeout(check.start, INTEGRITY_CHECK_DELAY_MS).unref()
        // Rejections are for those who ask (guardWrites); an unasked one must not end the process.
        integrity.catch(() => undefined)
      } else if (version !== null) {
        checkIntegrityNow(resolved, options.nativeBinding)
      }
    } catch (error) {
      // A refused file is left as it was found: no -wal or -shm beside it that the checks made.
      removeSiblingsMadeSince(resolved, siblingsBefore)
      throw error
    }
  } else if (readOnly) {
    throw new StoreError(`${resolved} cannot be created: ${readOnly}.`, resolved, 'read-only')
  } else fs.mkdirSync(path.dirname(resolved), { recursive: true })

  if (readOnly) return openReadOnly(resolved, readOnly, options, integrity, checkIntegrity)
  const db = new Database(resolved, { nativeBinding: options.nativeBinding })
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    // Bulk imports touch many pages in one transaction; a larger cache keeps them from spilling to disk.
    db.pragma('cache_size = -65536')
    // Statement journals and sorts stay in memory: with triggers every insert needs one.
    db.pragma('temp_store = MEMORY')
    migrate(db, options.migrateTo ?? LATEST_STORE_VERSION)
  } catch (error) {
    db.close()
    throw translateOpenError(error, resolved)
  }
  return {
    db,
    path: resolved,
    readOnly: null,
    close: () => db.close(),
    integrity,
    checkIntegrity,
    checkpointInBackground: () => checkpointInBackground(resolved, options.nativeBinding),
  }
}

/**
 * Why a store at `file` can only be read, or null when it can be written: SQLite writes the file and,
 * in WAL mode, two files beside it, so both the file and its folder must be writable.
 */
function readOnlyReason(file: string): string | null {
  const folder = path.dirname(file)
  if (fs.existsSync(file) && !canWrite(file)) return 'the file is read-only'
  if (fs.existsSync(folder) && !canWrite(folder)) return `its folder ${folder} is read-only`
  return null
}

function canWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** A store that can be read but never written; SQLite itself refuses any write through this connection. */
function openReadOnly(
  file: string,
  reason: string,
  options: OpenStoreOptions,
  integrity: Promise<void>,
  checkIntegrity: () => void,
): Store {
  const siblingsBefore = walSiblings(file)
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
    db.pragma('busy_timeout = 5000')
    db.pragma('foreign_keys = ON')
  } catch (error) {
    removeSiblingsMadeSince(file, siblingsBefore)
    throw translateOpenError(error, file)
  }
  return {
    db,
    path: file,
    readOnly: reason,
    close: () => {
      db.close()
      // A read-only connection cannot remove the empty log it opened beside the file; it goes here.
      removeSiblingsMadeSince(file, siblingsBefore)
    },
    integrity,
    checkIntegrity,
    checkpointInBackground: () => Promise.resolve(),
  }
}

/** The first `length` bytes of a file. */
function readHeader(file: string, length: number): Buffer {
  const header = Buffer.alloc(length)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, header, 0, length, 0)
  } finally {
    fs.closeSync(fd)
  }
  return header
}

/**
 * Whether SQLite cannot read the store where it is: a store in WAL mode needs its -shm file, which a
 * read-only folder without one cannot hold (SQLITE_READONLY_DIRECTORY).
 */
function needsSnapshot(file: string): boolean {
  if (!fs.existsSync(file) || fs.existsSync(`${file}-shm`) || canWrite(path.dirname(file))) return false
  // The file format's write and read versions (header bytes 18 and 19) are 2 in WAL mode.
  return readHeader(file, 20)[18] === 2
}

/**
 * Reads a store from a read-only folder through a private copy in the temporary folder, removed on
 * close: what the app shows is the store as it was when opened, and the original is never touched.
 */
function openSnapshot(file: string, reason: string, options: OpenStoreOptions): Store {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-briefing-read-only-'))
  const copy = path.join(folder, path.basename(file))
  const removeCopy = () => fs.rmSync(folder, { recursive: true, force: true })
  try {
    fs.copyFileSync(file, copy)
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`)
    const store = openStoreAt(copy, reason, options)
    return {
      ...store,
      path: file,
      close: () => {
        store.close()
        removeCopy()
      },
    }
  } catch (error) {
    removeCopy()
    if (!(error instanceof StoreError)) throw error
    throw new StoreError(error.message.split(copy).join(file), file, error.code)
  }
}

/** The refusal for a write to a store opened read-only, naming the file, the reason and what was refused. */
export function readOnlyRefusal(store: Store, what: string): StoreError {
  return new StoreError(
    `${store.path} is open read-only (${store.readOnly}), so ${what} was refused. Nothing was changed. ` +
      'Copy the store to a folder you can write to, or make the file writable, and open it again.',
    store.path,
    'read-only',
  )
}

/**
 * Refuses a file that is not a store this version can open, without modifying it. Returns its store
 * version, or null for an empty file (a new database to SQLite).
 */
function inspectExistingFile(file: string, options: OpenStoreOptions): number | null {
  const size = fs.statSync(file).size
  if (size === 0) return null
  if (readHeader(file, 16).toString('latin1') !== SQLITE_HEADER) {
    throw new StoreError(
      `${file} is not a Sanctions Briefing store: it is not an SQLite database. The file was left untouched.`,
      file,
      'not-a-database',
    )
  }
  return withReadOnlyConnection(file, options.nativeBinding, (probe) => {
    const version = probe.pragma('user_version', { simple: true }) as number
    const applicationId = probe.pragma('application_id', { simple: true }) as number
    if (applicationId !== STORE_APPLICATION_ID && !isUnmarkedStore(probe, applicationId, version)) {
      const tables = probe.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()
      throw new StoreError(
        `${file} is not a Sanctions Briefing store: it is an SQLite database of another kind ` +
          `(application id ${applicationId}, version ${version}, ${tables} tables). The file was left untouched; ` +
          'name a new file with --db to start a store.',
        file,
        'not-a-store',
      )
    }
    if (version > LATEST_STORE_VERSION) {
      throw new StoreError(
        `${file} was made by a newer version of Sanctions Briefing (store version ${version}; this version ` +
          `understands up to ${LATEST_STORE_VERSION}). Update the app to open it. The file was left untouched.`,
        file,
        'from-newer-version',
      )
    }
    return version
  })
}

/** A store made before stores were marked: versions 1 to 9, with every table version 1 made. */
function isUnmarkedStore(probe: Database.Database, applicationId: number, version: number): boolean {
  if (applicationId !== 0 || version < 1 || version > LAST_UNMARKED_VERSION) return false
  const tables = new Set(
    probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  )
  return VERSION_1_TABLES.every((table) => tables.has(table))
}

function migrate(db: Database.Database, target: number): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending: Migration[] = MIGRATIONS.filter((m) => m.version > current && m.version <= target)
  if (pending.length === 0) return
  // One transaction for every pending step: a failure leaves the store at the version it had.
  db.transaction(() => {
    for (const step of pending) {
      step.up(db)
      db.pragma(`user_version = ${step.version}`)
    }
    // Rebuilt once, at the latest schema; a store migrated part way (tests of upgrades) keeps the mark.
    if (target === LATEST_STORE_VERSION && getMeta(db, SEARCH_INDEX_STALE) !== null) {
      rebuildSearchIndex(db)
      deleteMeta(db, SEARCH_INDEX_STALE)
    }
  }).immediate()
}

/** Set by a migration that changes what the search index holds (see migrations/migration.ts). */
const SEARCH_INDEX_STALE = 'search_index_stale' as const

/** A free file name beside `storePath` for a fresh store, offered when the existing one cannot be opened. */
export function freshStorePathBeside(storePath: string, now: Date = new Date()): string {
  const dir = path.dirname(path.resolve(storePath))
  const base = path.basename(storePath).replace(/\.sqlite$/i, '')
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')
  let candidate = path.join(dir, `${base}.new-${stamp}.sqlite`)
  for (let n = 2; fs.existsSync(candidate); n++)
    candidate = path.join(dir, `${base}.new-${stamp}-${n}.sqlite`)
  return candidate
}

import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { LATEST_STORE_VERSION, MIGRATIONS } from './migrations'
import type { Migration } from './migrations/migration'
import {
  backgroundIntegrityCheck,
  checkIntegrityNow,
  translateOpenError,
  withReadOnlyConnection,
} from './integrity-check'
import { StoreError } from './store-error'
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
   * (it reads the whole file: 1.2 s at 100,000 entities), and `integrity` says how it went; writes wait
   * for it (see guardWrites). It starts when `checkIntegrity` is called (the hosts do once the index
   * is built and they are quiet), or by itself ten seconds after opening. A store that needs migrating is always checked before it is opened.
   */
  integrityCheck?: 'before-open' | 'in-background'
}

/** An open store: the one SQLite file and the path it lives at. */
export interface Store {
  db: Database.Database
  path: string
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
  let integrity = Promise.resolve()
  let checkIntegrity = () => {}
  if (fs.existsSync(resolved)) {
    const version = inspectExistingFile(resolved, options)
    const migrating = version !== null && version < (options.migrateTo ?? LATEST_STORE_VERSION)
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
  } else fs.mkdirSync(path.dirname(resolved), { recursive: true })

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
    close: () => db.close(),
    integrity,
    checkIntegrity,
    checkpointInBackground: () => checkpointInBackground(resolved, options.nativeBinding),
  }
}

/**
 * Refuses a file that is not a store this version can open, without modifying it. Returns its store
 * version, or null for an empty file (a new database to SQLite).
 */
function inspectExistingFile(file: string, options: OpenStoreOptions): number | null {
  const size = fs.statSync(file).size
  if (size === 0) return null
  const header = Buffer.alloc(16)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, header, 0, 16, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new StoreError(
      `${file} is not a Sanctions Briefing store: it is not an SQLite database. The file was left untouched.`,
      file,
      'not-a-database',
    )
  }
  return withReadOnlyConnection(file, options.nativeBinding, (probe) => {
    const version = probe.pragma('user_version', { simple: true }) as number
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
  }).immediate()
}

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

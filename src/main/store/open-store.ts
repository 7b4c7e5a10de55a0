import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { LATEST_STORE_VERSION, MIGRATIONS } from './migrations'
import type { Migration } from './migrations/migration'
import { StoreError } from './store-error'

const SQLITE_HEADER = 'SQLite format 3\0'

export interface OpenStoreOptions {
  /** The better_sqlite3.node built for the running runtime (Electron ships its own build). */
  nativeBinding?: string
  /** For tests of upgrades: stop migrating at this version. */
  migrateTo?: number
}

/** An open store: the one SQLite file and the path it lives at. */
export interface Store {
  db: Database.Database
  path: string
  close(): void
}

/**
 * Opens (creating if missing) the store at `storePath` and brings its schema up to date. Anything that
 * could refuse the file (not SQLite, corrupt, made by a newer version) is checked through a read-only
 * connection first, so a refused file is never modified.
 */
export function openStore(storePath: string, options: OpenStoreOptions = {}): Store {
  const resolved = path.resolve(storePath)
  if (fs.existsSync(resolved)) inspectExistingFile(resolved, options)
  else fs.mkdirSync(path.dirname(resolved), { recursive: true })

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
  return { db, path: resolved, close: () => db.close() }
}

function inspectExistingFile(file: string, options: OpenStoreOptions): void {
  const size = fs.statSync(file).size
  if (size === 0) return // an empty file is a new database to SQLite
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
  let probe: Database.Database | undefined
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
    const version = probe.pragma('user_version', { simple: true }) as number
    if (version > LATEST_STORE_VERSION) {
      throw new StoreError(
        `${file} was made by a newer version of Sanctions Briefing (store version ${version}; this version ` +
          `understands up to ${LATEST_STORE_VERSION}). Update the app to open it. The file was left untouched.`,
        file,
        'from-newer-version',
      )
    }
    const check = probe.pragma('quick_check', { simple: true }) as string
    if (check !== 'ok') {
      throw new StoreError(
        `${file} is damaged (SQLite integrity check: ${check}). The file was left untouched.`,
        file,
        'corrupt',
      )
    }
  } catch (error) {
    throw translateOpenError(error, file)
  } finally {
    probe?.close()
  }
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

function translateOpenError(error: unknown, file: string): Error {
  if (error instanceof StoreError) return error
  const code = (error as { code?: string }).code ?? ''
  const message = error instanceof Error ? error.message : String(error)
  if (code === 'SQLITE_NOTADB') {
    return new StoreError(
      `${file} is not a Sanctions Briefing store: ${message}. The file was left untouched.`,
      file,
      'not-a-database',
    )
  }
  if (code === 'SQLITE_CORRUPT') {
    return new StoreError(`${file} is damaged: ${message}. The file was left untouched.`, file, 'corrupt')
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new StoreError(
      `${file} is busy: another program holds a lock on it and did not release it within 5 seconds (${message}).`,
      file,
      'locked',
    )
  }
  return new StoreError(`Could not open ${file}: ${message}`, file, 'unreadable')
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

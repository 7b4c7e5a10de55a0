import Database from 'better-sqlite3'
import fs from 'node:fs'
import { Worker } from 'node:worker_threads'
import { builtWorkerScript } from '../built-worker'
import { StoreError } from './store-error'

/** Uses a read-only connection to `file` (which a refusal then never modifies), SQLite errors translated. */
export function withReadOnlyConnection<T>(
  file: string,
  nativeBinding: string | undefined,
  use: (db: Database.Database) => T,
): T {
  let probe: Database.Database | undefined
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding })
    return use(probe)
  } catch (error) {
    throw translateOpenError(error, file)
  } finally {
    probe?.close()
  }
}

const WAL_SIBLINGS = ['-wal', '-shm'] as const

/** Which of the files SQLite keeps beside a WAL database exist now (see removeSiblingsMadeSince). */
export function walSiblings(file: string): string[] {
  return WAL_SIBLINGS.filter((suffix) => fs.existsSync(file + suffix))
}

/**
 * A read-only connection to a file in WAL mode makes its -wal and -shm files: a file refused is left
 * as it was found, so those made since `before` go again (an empty log only: one with content is data).
 */
export function removeSiblingsMadeSince(file: string, before: readonly string[]): void {
  const made = WAL_SIBLINGS.filter((suffix) => !before.includes(suffix) && fs.existsSync(file + suffix))
  const log = file + '-wal'
  if (made.includes('-wal') && fs.statSync(log).size > 0) return
  for (const suffix of made) fs.rmSync(file + suffix, { force: true })
}

/** SQLite's quick_check through a read-only connection: a StoreError ("corrupt") when it fails. */
export function checkIntegrityNow(file: string, nativeBinding?: string): void {
  withReadOnlyConnection(file, nativeBinding, (probe) => {
    const check = probe.pragma('quick_check', { simple: true }) as string
    if (check !== 'ok') {
      throw new StoreError(
        `${file} is damaged (SQLite integrity check: ${check}). The file was left untouched.`,
        file,
        'corrupt',
      )
    }
  })
}

/** SQLite's integrity check, to be run in the background: `start` launches it (once); `result` settles. */
export interface BackgroundCheck {
  result: Promise<void>
  start(): void
}

/**
 * The same check run in the background, when `start` is first called, so that it need not compete with
 * the first view for the machine's cores.
 */
export function backgroundIntegrityCheck(file: string, nativeBinding?: string): BackgroundCheck {
  let settle!: { resolve(): void; reject(error: Error): void }
  const result = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
  let started = false
  return {
    result,
    start() {
      if (started) return
      started = true
      checkOffThread(file, nativeBinding).then(settle.resolve, settle.reject)
    },
  }
}

/**
 * In a worker thread (out/main/integrity-worker.js) through its own read-only connection, so the host
 * answers meanwhile. Without the build (the tests), in this thread once the current work is done.
 */
function checkOffThread(file: string, nativeBinding?: string): Promise<void> {
  const script = builtWorkerScript('integrity-worker.js', import.meta.url)
  if (!script) {
    return new Promise((resolve) => setImmediate(resolve)).then(() => checkIntegrityNow(file, nativeBinding))
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { file, nativeBinding } })
    // A host that stops before the check ends need not wait for it.
    worker.unref()
    worker.once('message', (problem: { message: string; code: StoreError['code'] } | null) =>
      problem ? reject(new StoreError(problem.message, file, problem.code)) : resolve(),
    )
    worker.once('error', (error) => reject(translateOpenError(error, file)))
    worker.once('exit', (code) =>
      reject(
        new StoreError(`The integrity check of ${file} stopped (exit code ${code}).`, file, 'unreadable'),
      ),
    )
  })
}

/** A StoreError a user can act on, for an error SQLite gave opening or reading `file`. */
export function translateOpenError(error: unknown, file: string): Error {
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

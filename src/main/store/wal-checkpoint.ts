import Database from 'better-sqlite3'
import { Worker } from 'node:worker_threads'
import { builtWorkerScript } from '../built-worker'

/** Copies the write-ahead log into the database file through a connection of its own. */
export function checkpointNow(file: string, nativeBinding?: string): void {
  const db = new Database(file, { fileMustExist: true, nativeBinding })
  try {
    db.pragma('busy_timeout = 5000')
    // PASSIVE: copies what no reader still needs and never waits for, or blocks, the host's own work.
    db.pragma('wal_checkpoint(PASSIVE)')
  } finally {
    db.close()
  }
}

/**
 * The checkpoint in a worker thread (out/main/checkpoint-worker.js), so the host answers meanwhile;
 * without the build (the tests), in this thread once the current work is done. Failures are not the
 * user's concern: SQLite checkpoints at the next commit or when the store is closed.
 */
export function checkpointInBackground(file: string, nativeBinding?: string): Promise<void> {
  const script = builtWorkerScript('checkpoint-worker.js', import.meta.url)
  if (!script) {
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      checkpointNow(file, nativeBinding),
    )
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: { file, nativeBinding } })
    worker.unref()
    worker.once('error', reject)
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`The checkpoint of ${file} stopped (exit code ${code}).`)),
    )
  })
}

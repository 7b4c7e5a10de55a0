import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * A worker script the build puts in out/main (see electron.vite.config.ts), found from the module that
 * starts it: beside that module, or one folder up when the bundler put the module in chunks/. Null when
 * running from source (the tests), where callers do the work in their own thread instead.
 */
export function builtWorkerScript(fileName: string, fromModuleUrl: string): URL | null {
  for (const relative of [`./${fileName}`, `../${fileName}`]) {
    const candidate = new URL(relative, fromModuleUrl)
    if (candidate.protocol === 'file:' && existsSync(fileURLToPath(candidate))) return candidate
  }
  return null
}

/**
 * Starts a built worker script for one answer: resolves with its first message (the worker is then
 * stopped), rejects if it fails or stops first. Null when the script is not built. The worker does not
 * keep the process alive.
 */
export function askWorkerOnce<T>(
  fileName: string,
  fromModuleUrl: string,
  workerData: unknown,
): Promise<T> | null {
  const script = builtWorkerScript(fileName, fromModuleUrl)
  if (!script) return null
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(script, { workerData })
    worker.unref()
    worker.once('message', (answer: T) => {
      resolve(answer)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the worker ${fileName} stopped (${code})`)))
  })
}

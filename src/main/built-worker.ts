import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

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

import { test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Folders of a spec's own in the temporary folder, removed after each test whatever its outcome: a
 * test run leaves the machine as it found it (the print test checks exactly that for the app).
 */
export function useTempDirs(prefix: string): () => string {
  const made: string[] = []
  test.afterEach(() => {
    for (const dir of made.splice(0)) {
      // A test may leave a folder read-only; give it back its write permission to remove it.
      for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
        if (entry.isDirectory()) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}

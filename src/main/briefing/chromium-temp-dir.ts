import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Chromium puts its process-singleton socket at TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket and
 * aborts when that path is longer than a Unix socket address holds (107 bytes on Linux, 103 on macOS).
 */
const SOCKET_PATH_LIMIT = 103
const SOCKET_PATH_TAIL = '/org.chromium.Chromium.XXXXXX/SingletonSocket'
const PREFIX = 'sbc-'

/**
 * A temporary folder for one Chromium (its TMPDIR). A one-shot printer's Chromium is killed when its
 * thread exits rather than shut down (see print-worker.ts), and a killed Chromium leaves its socket
 * folder behind; in a folder of its own, that goes when the folder is removed: on close, or when the
 * thread exits, after the exit handler Playwright registered at launch has killed the browser.
 */
export class ChromiumTempDir {
  private readonly remove = () => rmSync(this.path, { recursive: true, force: true })

  private constructor(readonly path: string) {
    process.once('exit', this.remove)
  }

  /** A new folder, or null where its name would make Chromium's socket path too long. */
  static create(): ChromiumTempDir | null {
    const base = tmpdir()
    const longest = path.join(base, `${PREFIX}XXXXXX`).length + SOCKET_PATH_TAIL.length
    if (longest > SOCKET_PATH_LIMIT) return null
    return new ChromiumTempDir(mkdtempSync(path.join(base, PREFIX)))
  }

  /** Moves the removal behind the exit handlers registered since (Playwright's, which kills Chromium). */
  removeLastOnExit(): void {
    process.off('exit', this.remove)
    process.once('exit', this.remove)
  }

  removeNow(): void {
    process.off('exit', this.remove)
    this.remove()
  }
}

import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Chromium puts its process-singleton socket at TMPDIR/org.chromium.Chromium.XXXXXX/SingletonSocket and
 * aborts when that path is longer than a Unix socket address holds (107 bytes on Linux, 103 on macOS).
 */
const SOCKET_PATH_LIMIT = 103
const SOCKET_PATH_TAIL = '/org.chromium.Chromium.XXXXXX/SingletonSocket'
const PREFIX = 'sbc-'
/** Where the folder goes when the temporary folder's path is too long for Chromium's socket. */
const SHORT_BASE = '/tmp'

function fits(base: string): boolean {
  return path.join(base, `${PREFIX}XXXXXX`).length + SOCKET_PATH_TAIL.length <= SOCKET_PATH_LIMIT
}

function writableFolder(folder: string): boolean {
  try {
    fs.accessSync(folder, fs.constants.W_OK)
    return fs.statSync(folder).isDirectory()
  } catch {
    return false
  }
}

/**
 * The one folder a printer's Chromium writes in: its profile, its TMPDIR (socket folder) and its
 * runtime folder (dconf, and PulseAudio's, were any audio started), so that whatever Chromium or its
 * libraries leave behind goes when the printer removes the folder: on close, or when the thread exits,
 * after the exit handler Playwright registered at launch has killed the browser.
 */
export class ChromiumTempDir {
  private readonly remove = () => fs.rmSync(this.path, { recursive: true, force: true })

  private constructor(readonly path: string) {
    process.once('exit', this.remove)
  }

  /** Chromium's profile (user data) folder. */
  get profile(): string {
    return path.join(this.path, 'profile')
  }

  /** Where Playwright would keep downloads and traces (it makes none for a print). */
  get artifacts(): string {
    return path.join(this.path, 'artifacts')
  }

  /** The environment Chromium runs in: every temporary and runtime path inside this folder. */
  environment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    return { ...env, TMPDIR: this.path, XDG_RUNTIME_DIR: this.path, PULSE_RUNTIME_PATH: this.path }
  }

  /**
   * A new folder in the temporary folder, or in /tmp where that one's path would make Chromium's
   * socket path too long; null where neither will do.
   */
  static create(): ChromiumTempDir | null {
    const base = [tmpdir(), SHORT_BASE].find((candidate) => fits(candidate) && writableFolder(candidate))
    if (!base) return null
    const folder = fs.mkdtempSync(path.join(base, PREFIX))
    // Chromium wants its runtime folder private.
    fs.chmodSync(folder, 0o700)
    return new ChromiumTempDir(folder)
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

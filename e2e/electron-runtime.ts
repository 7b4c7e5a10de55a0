import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Finds the Electron binary the way the electron package does, without requiring the package: its
 * index.js starts a download when the binary is missing, and these machines have no network for it.
 */
function electronExecutable(): string | null {
  const packageDir = path.dirname(require.resolve('electron/package.json'))
  const pathFile = path.join(packageDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return null
  const relative = fs.readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist')
  const executable = path.join(dist, relative)
  return fs.existsSync(executable) ? executable : null
}

export type ElectronRuntime =
  { available: true; executablePath: string } | { available: false; reason: string }

/**
 * Whether the desktop app can be launched here: the Electron runtime must be installed (npm ci without
 * ELECTRON_SKIP_BINARY_DOWNLOAD) and better-sqlite3 built for it (npm start or scripts/build-electron-native.mjs).
 */
export function electronRuntime(): ElectronRuntime {
  const executablePath = electronExecutable()
  if (!executablePath) {
    return {
      available: false,
      reason: 'the Electron runtime is not installed (npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1)',
    }
  }
  const native = path.resolve('build', 'electron-native', 'better_sqlite3.node')
  if (!fs.existsSync(native)) {
    return {
      available: false,
      reason: `better-sqlite3 is not built for Electron (run node scripts/build-electron-native.mjs)`,
    }
  }
  return { available: true, executablePath }
}

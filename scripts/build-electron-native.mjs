// Builds better-sqlite3 against the installed Electron's ABI into build/electron-native/, leaving the
// Node build in node_modules (used by the CLI and the tests) untouched. Needs the internet the first
// time (Electron's headers); run by `npm start` and before packaging, never by `npm install`.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
const electronVersion = require('electron/package.json').version
const sourceDir = path.dirname(require.resolve('better-sqlite3/package.json'))
const workDir = path.join(root, 'build', 'electron-native', 'better-sqlite3')
const output = path.join(root, 'build', 'electron-native', 'better_sqlite3.node')
const stamp = path.join(root, 'build', 'electron-native', 'electron-version.txt')

if (fs.existsSync(output) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === electronVersion) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is already built.`)
  process.exit(0)
}

fs.rmSync(workDir, { recursive: true, force: true })
fs.cpSync(sourceDir, workDir, {
  recursive: true,
  filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
})
console.log(`Building better-sqlite3 for Electron ${electronVersion}…`)
execFileSync(
  process.platform === 'win32' ? 'npx.cmd' : 'npx',
  [
    '--yes',
    'node-gyp',
    'rebuild',
    `--target=${electronVersion}`,
    '--dist-url=https://electronjs.org/headers',
    '--release',
  ],
  { cwd: workDir, stdio: 'inherit' },
)
fs.copyFileSync(path.join(workDir, 'build', 'Release', 'better_sqlite3.node'), output)
fs.writeFileSync(stamp, electronVersion)
console.log(`Wrote ${path.relative(root, output)}`)

import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { cli, SAMPLE_OPERATIONS } from './cli'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-read-only-')

/**
 * Root may write any file, so as root the command runs without the capabilities that let it
 * (setpriv, util-linux): the permission bits then hold for it as for any user.
 */
function runWithoutOverride(args: string[]) {
  const command = [process.execPath, 'out/main/cli.js', ...args]
  const asRoot = process.getuid?.() === 0
  const [file, ...rest] = asRoot
    ? [
        'setpriv',
        '--inh-caps=-dac_override,-dac_read_search,-fowner',
        '--bounding-set=-dac_override,-dac_read_search,-fowner',
        ...command,
      ]
    : command
  return spawnSync(file, rest, { encoding: 'utf8', timeout: 60_000 })
}

/** A store made by the built CLI in a folder of its own, as a user's would be. */
function newStore() {
  const dir = newTempDir()
  const storeDir = path.join(dir, 'store')
  fs.mkdirSync(storeDir)
  const db = path.join(storeDir, 'store.sqlite')
  cli(db, 'stats')
  return { dir, storeDir, db }
}

function storeFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name)).toString('base64')]),
  )
}

test('a store in a read-only folder opens for reading, says so, and refuses writes naming file and reason', () => {
  const { dir, storeDir, db } = newStore()
  const list = path.join(dir, 'list.jsonl')
  fs.writeFileSync(list, SAMPLE_OPERATIONS.map((op) => JSON.stringify(op)).join('\n'))
  fs.chmodSync(db, 0o444)
  fs.chmodSync(storeDir, 0o555)
  const before = storeFiles(storeDir)
  try {
    const stats = runWithoutOverride(['--db', db, '--json', 'stats'])
    expect(stats.status, stats.stderr).toBe(0)
    expect(JSON.parse(stats.stdout).entities).toBeGreaterThan(0)
    expect(stats.stderr).toContain(`${db} is open read-only (the file is read-only)`)

    const search = runWithoutOverride(['--db', db, 'search', 'yuncong'])
    expect(search.status, search.stderr).toBe(0)
    expect(search.stdout).toContain('CloudWalk')

    const imported = runWithoutOverride(['--db', db, 'import', list, '--yes'])
    expect(imported.status).toBe(1)
    expect(imported.stderr).toContain(
      `${db} is open read-only (the file is read-only), so importing was refused`,
    )
    expect(imported.stderr).toContain('Nothing was changed')

    const undo = runWithoutOverride(['--db', db, 'undo', '--yes'])
    expect(undo.status).toBe(1)
    expect(undo.stderr).toContain('so undoing an import was refused')
    expect(storeFiles(storeDir)).toEqual(before)
  } finally {
    fs.chmodSync(storeDir, 0o755)
    fs.chmodSync(db, 0o644)
  }
})

test('a writable store in a read-only folder is opened read-only too, naming the folder', () => {
  const { storeDir, db } = newStore()
  fs.chmodSync(storeDir, 0o555)
  try {
    const stats = runWithoutOverride(['--db', db, 'stats'])
    expect(stats.status, stats.stderr).toBe(0)
    expect(stats.stderr).toContain(`is open read-only (its folder ${storeDir} is read-only)`)
    const fresh = runWithoutOverride(['--db', path.join(storeDir, 'new.sqlite'), 'stats'])
    expect(fresh.status).toBe(1)
    expect(fresh.stderr).toContain(`new.sqlite cannot be created: its folder ${storeDir} is read-only`)
    expect(fs.existsSync(path.join(storeDir, 'new.sqlite'))).toBe(false)
  } finally {
    fs.chmodSync(storeDir, 0o755)
  }
})

import { test, expect } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import { cli, publishBundle, spawnCli } from './cli'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-crash-')

/** A bundle big enough that applying it takes a while: many new entities with aliases. */
function largeOperations(count: number): unknown[] {
  const operations: unknown[] = [
    {
      op: 'upsert',
      type: 'source',
      record: { id: 'bulk-source', publication: 'Bulk Gazette', reliability: 'primary' },
    },
  ]
  for (let i = 0; i < count; i++) {
    operations.push({
      op: 'upsert',
      type: 'entity',
      record: {
        id: `bulk-${i}`,
        name: `Bulk Trading Company Number ${i}`,
        aliases: [`Bulk ${i} Ltd`, `Bulk ${i} Holdings`, `散装贸易${i}`],
        type: 'company',
        country: 'CN',
        sources: [{ source: 'bulk-source' }],
      },
    })
  }
  return operations
}

test('a process killed while applying leaves the store exactly as it was', async () => {
  test.setTimeout(120_000)
  const dir = newTempDir()
  const db = path.join(dir, 'store.sqlite')
  const { bundle, publicKey } = publishBundle(
    dir,
    path.join(dir, 'publisher.sqlite'),
    largeOperations(30_000),
  )
  cli(db, 'trust', 'add', publicKey)
  const before = cli(db, '--json', 'stats')

  const child = spawnCli(db, 'import', bundle, '--yes')
  // Wait until the import is writing (the write-ahead log grows), then kill it without warning.
  await expect
    .poll(() => (fs.existsSync(`${db}-wal`) ? fs.statSync(`${db}-wal`).size : 0), {
      timeout: 60_000,
      intervals: [20],
    })
    .toBeGreaterThan(2 * 1024 * 1024)
  child.kill('SIGKILL')
  await new Promise((resolve) => child.once('exit', resolve))

  expect(cli(db, '--json', 'stats')).toBe(before)
  expect(JSON.parse(cli(db, '--json', 'history'))).toEqual([])
  // The interrupted bundle imports cleanly afterwards.
  cli(db, 'import', bundle, '--yes')
  expect(JSON.parse(cli(db, '--json', 'stats')).entities).toBe(JSON.parse(before).entities + 30_000)
})

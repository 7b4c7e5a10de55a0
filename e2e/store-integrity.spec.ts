import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { cli, spawnCli } from './cli'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-integrity-')

/** Scribbles over the cell pointers of a store's last page: its schema still reads, its data does not. */
function damageLastPage(db: string): Buffer {
  const bytes = fs.readFileSync(db)
  const pageSize = bytes.readUInt16BE(16)
  const last = bytes.length / pageSize - 1
  bytes.fill(0xab, last * pageSize + 8, last * pageSize + 200)
  fs.writeFileSync(db, bytes)
  return bytes
}

/**
 * serve checks the store's integrity in a worker thread (out/main/integrity-worker.js) while it answers
 * the first view. This runs the built host on a damaged store: it starts, says what is wrong, refuses
 * calls, and leaves the file as it was.
 */
test('serve checks the store in the background, reports damage and changes nothing', async () => {
  const dir = newTempDir()
  const db = path.join(dir, 'store.sqlite')
  cli(db, 'stats')
  const bytes = damageLastPage(db)
  const serve = spawnCli(db, 'serve', '--port', '0')
  try {
    const url = new URL(
      await new Promise<string>((resolve) =>
        readline.createInterface({ input: serve.stdout! }).once('line', resolve),
      ),
    )
    const reported = await new Promise<string>((resolve) =>
      readline.createInterface({ input: serve.stderr! }).on('line', (line) => {
        if (line.includes('damaged')) resolve(line)
      }),
    )
    expect(reported).toContain(`${db} is damaged (SQLite integrity check:`)
    const token = new URLSearchParams(url.hash.slice(1)).get('token')
    const response = await fetch(new URL('/rpc/saveView', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ table: 'entities', name: 'mine', state: {} }),
    })
    const body = (await response.json()) as { error?: { message: string } }
    expect(body.error?.message).toContain('is damaged')
  } finally {
    serve.kill('SIGINT')
    await new Promise((resolve) => serve.once('exit', resolve))
  }
  expect(fs.readFileSync(db).equals(bytes)).toBe(true)
})

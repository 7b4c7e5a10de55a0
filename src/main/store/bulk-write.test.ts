import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../test-support/temp-dir'
import { openStore } from './open-store'
import { asBulkWrite } from './bulk-write'
import { checkpointNow } from './wal-checkpoint'

const tempDir = useTempDir()

/** Enough rows that the log passes SQLite's automatic checkpoint threshold (1,000 pages). */
function writeManyRows(db: ReturnType<typeof openStore>['db']): void {
  db.transaction(() => {
    const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
    for (let i = 0; i < 20_000; i++) insert.run(`bulk-${i}`, 'x'.repeat(200))
  })()
}

describe('a bulk write and its checkpoint', () => {
  it('is left out of the commit, and made later through a connection of its own', () => {
    const file = path.join(tempDir(), 'store.sqlite')
    const store = openStore(file)
    const sizeBefore = fs.statSync(file).size
    asBulkWrite(store.db, () => writeManyRows(store.db))
    // Committed and readable, but still only in the log: the file itself has not grown.
    expect(store.db.prepare("SELECT count(*) FROM meta WHERE key LIKE 'bulk-%'").pluck().get()).toBe(20_000)
    expect(fs.statSync(file).size).toBe(sizeBefore)
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(4_000_000)
    // The automatic checkpoint and the usual page cache are back for the writes that follow.
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    expect(store.db.pragma('cache_size', { simple: true })).toBe(-65536)

    checkpointNow(file)
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 4_000_000)
    store.close()
  })

  it('is made at the commit as usual outside a bulk write', () => {
    const file = path.join(tempDir(), 'store.sqlite')
    const store = openStore(file)
    const sizeBefore = fs.statSync(file).size
    writeManyRows(store.db)
    expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 4_000_000)
    store.close()
  })

  it('comes back on even when the write fails', () => {
    const store = openStore(path.join(tempDir(), 'store.sqlite'))
    expect(() =>
      asBulkWrite(store.db, () => {
        throw new Error('refused')
      }),
    ).toThrow('refused')
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
    store.close()
  })
})

import Database from 'better-sqlite3'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useTempDir } from '../test-support/temp-dir'
import { indexEntity } from './search-index'
import { fuzzyEntityMatches } from './fuzzy-index'
import { searchIndex } from './search-index'
import { LATEST_STORE_VERSION, MIGRATIONS, STORE_APPLICATION_ID } from './migrations'
import {
  DESIGNATION_ACTIONS,
  ENTITY_TYPES,
  ORGANISATION_KINDS,
  ORIGIN_KINDS,
  RELIABILITIES,
  STANCES,
  TEXT_KINDS,
} from '../../shared/domain'
import { freshStorePathBeside, openStore } from './open-store'
import { StoreError } from './store-error'

const tempDir = useTempDir()

/** The StoreError openStore refuses `file` with (the test fails if it opens it). */
function refusalOf(file: string): StoreError {
  try {
    openStore(file).close()
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError)
    return error as StoreError
  }
  throw new Error(`${file} was opened, not refused`)
}

/** The files SQLite keeps beside a database in WAL mode, where they exist. */
function siblings(file: string): string[] {
  return ['-wal', '-shm', '-journal'].filter((suffix) => fs.existsSync(file + suffix))
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[]
}

describe('openStore', () => {
  it('creates a new store at the latest version with WAL, foreign keys and STRICT tables', () => {
    const store = openStore(path.join(tempDir(), 'nested', 'new.sqlite'))
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION)
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(tableNames(store.db)).toEqual(
      expect.arrayContaining(['entities', 'rounds', 'designations', 'reactions', 'sources']),
    )
    const notStrict = store.db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE '%STRICT' AND name NOT LIKE 'search_index%' AND name NOT LIKE 'name_trigrams%' AND name NOT LIKE 'sqlite_%'",
      )
      .pluck()
      .all()
    expect(notStrict).toEqual([])
    store.close()
  })

  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    'upgrades a store from version %i to the latest, keeping its records',
    (fromVersion) => {
      const file = path.join(tempDir(), 'old.sqlite')
      const old = openStore(file, { migrateTo: fromVersion })
      expect(old.db.pragma('user_version', { simple: true })).toBe(fromVersion)
      old.db
        .prepare("INSERT INTO origins (kind, label, at) VALUES ('import', 'test', '2020-01-01T00:00:00Z')")
        .run()
      old.db
        .prepare(
          "INSERT INTO entities (id, primary_name, original_name, type, origin_id) VALUES ('e1', 'CloudWalk', '云从科技', 'company', 1)",
        )
        .run()
      // From version 2 on, the app indexes what it writes; before it, the upgrade must build the index.
      if (fromVersion >= 2) indexEntity(old.db, 'e1')
      old.close()

      const upgraded = openStore(file)
      expect(upgraded.db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION)
      expect(upgraded.db.prepare('SELECT primary_name FROM entities').pluck().get()).toBe('CloudWalk')
      // The search index built by the upgrade covers records that existed before it.
      const hits = upgraded.db
        .prepare(
          'SELECT e.record_id FROM search_index JOIN search_entries e ON e.id = search_index.rowid WHERE search_index MATCH \'"云 从"\'',
        )
        .pluck()
        .all()
      expect(hits).toEqual(['e1'])
      // Fuzzy matching finds them too, its Chinese names spelled from the pinyin kept (version 16).
      expect([...fuzzyEntityMatches(upgraded.db, 'Cloudwak', 80).keys()]).toEqual(['e1'])
      // The pinyin rows (version 5) are in, and the rebuild is not left pending.
      expect(searchIndex(upgraded.db, 'yuncong', 5).map((hit) => hit.id)).toEqual(['e1'])
      expect(upgraded.db.prepare("SELECT 1 FROM meta WHERE key = 'search_index_stale'").get()).toBeUndefined()
      upgraded.close()
    },
  )

  it('accepts in its CHECK constraints exactly the values the domain lists (migrations are frozen SQL)', () => {
    const store = openStore(path.join(tempDir(), 'checks.sqlite'))
    const allowed = (table: string, column: string) => {
      const sql = store.db
        .prepare('SELECT sql FROM sqlite_schema WHERE name = ?')
        .pluck()
        .get(table) as string
      const list = new RegExp(`${column} IN \\(([^)]*)\\)`).exec(sql)![1]
      return list.split(',').map((value) => value.trim().replace(/^'|'$/g, ''))
    }
    // A value added to a domain list needs a migration that widens the table's CHECK.
    expect(allowed('origins', 'kind')).toEqual([...ORIGIN_KINDS])
    expect(allowed('sources', 'reliability')).toEqual([...RELIABILITIES])
    expect(allowed('entities', 'type')).toEqual([...ENTITY_TYPES])
    expect(allowed('designations', 'action')).toEqual([...DESIGNATION_ACTIONS])
    expect(allowed('reactions', 'organisation_kind')).toEqual([...ORGANISATION_KINDS])
    expect(allowed('reactions', 'stance')).toEqual([...STANCES])
    expect(allowed('reactions', 'text_kind')).toEqual([...TEXT_KINDS])
    store.close()
  })

  it('refuses a store from a newer version and leaves the file byte for byte unchanged', () => {
    const file = path.join(tempDir(), 'future.sqlite')
    const future = new Database(file)
    future.exec('CREATE TABLE something_new (x INTEGER) STRICT')
    future.pragma(`application_id = ${STORE_APPLICATION_ID}`)
    future.pragma(`user_version = ${LATEST_STORE_VERSION + 1}`)
    future.close()
    const before = fs.readFileSync(file)

    expect(() => openStore(file)).toThrowError(StoreError)
    expect(() => openStore(file)).toThrowError(/newer version.*left untouched/s)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(siblings(file)).toEqual([])
  })

  it('refuses a file that is not SQLite, naming it, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'notes.sqlite')
    fs.writeFileSync(file, 'These are my notes, not a database.\n'.repeat(200))
    const before = fs.readFileSync(file)
    const error = refusalOf(file)
    expect(error.code).toBe('not-a-database')
    expect(error.message).toContain(file)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a damaged SQLite file and leaves it untouched', () => {
    const file = path.join(tempDir(), 'damaged.sqlite')
    const store = openStore(file)
    store.db.exec("INSERT INTO meta (key, value) VALUES ('k', 'v')")
    store.db.pragma('wal_checkpoint(TRUNCATE)')
    store.close()
    const bytes = fs.readFileSync(file)
    // Keep the header, scribble over the schema page.
    bytes.fill(0xab, 100, 4096)
    fs.writeFileSync(file, bytes)
    expect(() => openStore(file)).toThrowError(StoreError)
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    expect(siblings(file)).toEqual([])
  })

  it('marks a new store as ours: application id and a meta row', () => {
    const file = path.join(tempDir(), 'empty.sqlite')
    fs.writeFileSync(file, '')
    const store = openStore(file)
    expect(store.db.pragma('application_id', { simple: true })).toBe(STORE_APPLICATION_ID)
    expect(store.db.prepare("SELECT value FROM meta WHERE key = 'store_format'").pluck().get()).toBe(
      'sanctions-briefing',
    )
    store.close()
  })

  describe('refuses an SQLite file of another application, leaving it byte for byte and with no files beside it', () => {
    function foreignFile(make: (db: Database.Database) => void, wal = false): string {
      const file = path.join(tempDir(), 'other-app.db')
      const db = new Database(file)
      if (wal) db.pragma('journal_mode = WAL')
      make(db)
      db.close()
      expect(siblings(file)).toEqual([])
      return file
    }

    it.each([
      ['user_version 0', (db: Database.Database) => db.exec('CREATE TABLE notes (body TEXT)'), false],
      [
        'user_version 0 in WAL mode',
        (db: Database.Database) => db.exec('CREATE TABLE notes (body TEXT)'),
        true,
      ],
      [
        'a table named meta at user_version 3',
        (db: Database.Database) => {
          db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)')
          db.pragma('user_version = 3')
        },
        true,
      ],
      [
        'another application id',
        (db: Database.Database) => {
          db.exec('CREATE TABLE t (x)')
          db.pragma('application_id = 42')
          db.pragma('user_version = 10')
        },
        false,
      ],
    ])('with %s', (_label, make, wal) => {
      const file = foreignFile(make, wal)
      const before = fs.readFileSync(file)
      const error = refusalOf(file)
      expect(error.code).toBe('not-a-store')
      expect(error.message).toMatch(/is not a Sanctions Briefing store.*left untouched/s)
      expect(fs.readFileSync(file).equals(before)).toBe(true)
      expect(siblings(file)).toEqual([])
    })
  })

  describe('with the integrity check in the background (the long-running hosts)', () => {
    /** A store whose schema reads fine but one of whose data pages is scribbled over. */
    function storeWithDamagedDataPage(migrateTo?: number): { file: string; bytes: Buffer } {
      const file = path.join(tempDir(), 'damaged-data.sqlite')
      const store = openStore(file, migrateTo === undefined ? {} : { migrateTo })
      const insert = store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)')
      store.db.transaction(() => {
        for (let i = 0; i < 3000; i++) insert.run(`key-${i}`, 'v'.repeat(200))
      })()
      store.db.pragma('wal_checkpoint(TRUNCATE)')
      store.close()
      const bytes = fs.readFileSync(file)
      const pageSize = bytes.readUInt16BE(16)
      const lastPage = bytes.length / pageSize - 1
      bytes.fill(0xab, lastPage * pageSize + 8, lastPage * pageSize + 200)
      fs.writeFileSync(file, bytes)
      return { file, bytes }
    }

    it('opens at once, then reports the damage it finds, having changed nothing', async () => {
      const { file, bytes } = storeWithDamagedDataPage()
      expect(() => openStore(file)).toThrowError(StoreError)
      const store = openStore(file, { integrityCheck: 'in-background' })
      try {
        expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_STORE_VERSION)
        store.checkIntegrity()
        const error = await store.integrity.then(
          () => null,
          (caught: unknown) => caught,
        )
        expect(error).toBeInstanceOf(StoreError)
        expect((error as StoreError).code).toBe('corrupt')
        expect((error as StoreError).message).toContain(`${file} is damaged`)
      } finally {
        store.close()
      }
      expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    })

    it('starts by itself ten seconds after opening, should nobody ask sooner, and passes a sound store', async () => {
      const file = path.join(tempDir(), 'sound.sqlite')
      openStore(file).close()
      vi.useFakeTimers({ toFake: ['setTimeout'] })
      const store = openStore(file, { integrityCheck: 'in-background' })
      try {
        let settled = false
        void store.integrity.then(() => (settled = true))
        vi.advanceTimersByTime(9_900)
        await new Promise((resolve) => setImmediate(resolve))
        expect(settled).toBe(false)
        vi.advanceTimersByTime(100)
        await expect(store.integrity).resolves.toBeUndefined()
      } finally {
        vi.useRealTimers()
        store.close()
      }
    })

    it('still checks before opening a store it would migrate', () => {
      const { file, bytes } = storeWithDamagedDataPage(LATEST_STORE_VERSION - 1)
      expect(() => openStore(file, { integrityCheck: 'in-background' })).toThrowError(/is damaged/)
      expect(fs.readFileSync(file).equals(bytes)).toBe(true)
    })
  })

  it('offers a free path for a fresh store beside an unusable one', () => {
    const dir = tempDir()
    const file = path.join(dir, 'store.sqlite')
    const when = new Date('2026-11-29T10:20:30Z')
    const first = freshStorePathBeside(file, when)
    expect(path.dirname(first)).toBe(dir)
    expect(path.basename(first)).toBe('store.new-20261129-102030.sqlite')
    fs.writeFileSync(first, '')
    expect(freshStorePathBeside(file, when)).not.toBe(first)
  })

  it('lets two connections (as two processes would) write and read the same store', () => {
    const file = path.join(tempDir(), 'shared.sqlite')
    const writer = openStore(file)
    const reader = openStore(file)
    writer.db.prepare("INSERT INTO meta (key, value) VALUES ('who', 'writer')").run()
    expect(reader.db.prepare("SELECT value FROM meta WHERE key = 'who'").pluck().get()).toBe('writer')
    // A reader inside a long read transaction does not block the writer under WAL.
    reader.db.exec('BEGIN')
    reader.db.prepare('SELECT count(*) FROM meta').get()
    writer.db.prepare("INSERT INTO meta (key, value) VALUES ('second', 'write')").run()
    reader.db.exec('COMMIT')
    expect(reader.db.prepare("SELECT count(*) FROM meta WHERE key IN ('who', 'second')").pluck().get()).toBe(
      2,
    )
    writer.close()
    reader.close()
  })

  it('works while another process writes to the same store', () => {
    const file = path.join(tempDir(), 'two-processes.sqlite')
    const mine = openStore(file)
    mine.db.exec('BEGIN')
    mine.db.prepare('SELECT count(*) FROM meta').get()
    const child = `
      const Database = require('better-sqlite3')
      const db = new Database(process.argv[1])
      db.pragma('busy_timeout = 5000')
      db.prepare("INSERT INTO meta (key, value) VALUES ('from', 'child')").run()
      db.close()`
    // The child writes while this process holds an open read transaction.
    execFileSync(process.execPath, ['-e', child, file], { cwd: process.cwd() })
    mine.db.exec('COMMIT')
    expect(mine.db.prepare("SELECT value FROM meta WHERE key = 'from'").pluck().get()).toBe('child')
    mine.close()
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPending } from '../bundles/import-bundle'
import { pendingFromSource } from '../importers/source-update'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { queryChanges } from './changes-query'

const tempDir = useTempDir()
const fixture = (name: string) =>
  fs.readFileSync(path.join(import.meta.dirname, '..', 'importers', 'fixtures', name))

/** Two imports on known days: the BIS sample on 1 March 2026, the 2019 CSL excerpt on 15 April 2026. */
function storeWithTwoImports() {
  const store = openDefaultStore(tempDir())
  const days = [
    ['bis-entity-list-2015-sample.csv', 'bis', '2026-03-01T10:00:00Z'],
    ['csl-2019-excerpt.csv', 'csl', '2026-04-15T23:30:00Z'],
  ] as const
  for (const [file, format, at] of days) {
    const now = new Date(at)
    const update = pendingFromSource(store.db, fixture(file), file, format, { now })
    applyPending(store.db, update, { confirmed: true, now })
  }
  return store
}

describe('queryChanges scopes', () => {
  it('takes a period by the days the imports were taken in, inclusive, and a single import', () => {
    const store = storeWithTwoImports()
    const imports = (scope: object) =>
      queryChanges(store.db, { scope, filters: {}, offset: 0, limit: 1 }).imports.map((entry) => entry.id)
    expect(imports({})).toEqual([2, 1])
    expect(imports({ since: '2026-03-01' })).toEqual([2, 1])
    expect(imports({ since: '2026-03-02' })).toEqual([2])
    expect(imports({ until: '2026-03-01' })).toEqual([1])
    expect(imports({ until: '2026-04-14' })).toEqual([1])
    expect(imports({ since: '2026-04-15', until: '2026-04-15' })).toEqual([2])
    expect(imports({ until: '2026-03' })).toEqual([1])
    expect(imports({ since: '2026-05-01' })).toEqual([])
    expect(imports({ importId: 1 })).toEqual([1])
    store.close()
  })

  it('pages newest import first, and its total and counts cover every change that passes', () => {
    const store = storeWithTwoImports()
    const all = queryChanges(store.db, { scope: {}, filters: {}, offset: 0, limit: 1000 })
    expect(all.rows[0].importId).toBe(2)
    expect(all.rows.at(-1)!.importId).toBe(1)
    const pages = [0, 50, 100].flatMap(
      (offset) => queryChanges(store.db, { scope: {}, filters: {}, offset, limit: 50 }).rows,
    )
    expect(pages.map((row) => `${row.importId} ${row.recordId}`)).toEqual(
      all.rows.slice(0, 150).map((row) => `${row.importId} ${row.recordId}`),
    )
    const byKind = Object.fromEntries(all.counts.kinds.map((count) => [count.value, count.count]))
    expect(byKind.new).toBe(all.rows.filter((row) => row.kind === 'new').length)
    expect(all.total).toBe(all.rows.length)
    // A list filter keeps the records of that list's rounds, entities included.
    const bis = queryChanges(store.db, {
      scope: {},
      filters: { list: 'US BIS Entity List' },
      offset: 0,
      limit: 1000,
    })
    expect(bis.rows.length).toBeGreaterThan(0)
    expect(bis.rows.every((row) => row.lists.includes('US BIS Entity List'))).toBe(true)
    expect(bis.rows.some((row) => row.type === 'entity')).toBe(true)
    store.close()
  })

  it('records each new record with its label, country, lists and rounds as the store has them', () => {
    const store = storeWithTwoImports()
    const { rows } = queryChanges(store.db, { scope: { importId: 1 }, filters: {}, offset: 0, limit: 1000 })
    const one = <T>(sql: string, ...params: unknown[]) => store.db.prepare(sql).get(...params) as T
    for (const change of rows) {
      expect(change.kind).toBe('new')
      if (change.type === 'designation') {
        const d = one<{ name: string; country: string | null; round: string; list: string }>(
          `SELECT e.primary_name AS name, e.country, d.round_id AS round, r.list_name AS list FROM designations d
           JOIN entities e ON e.id = d.entity_id JOIN rounds r ON r.id = d.round_id WHERE d.id = ?`,
          change.recordId,
        )
        expect(change).toMatchObject({
          label: d.name,
          country: d.country,
          rounds: [d.round],
          lists: [d.list],
        })
      } else if (change.type === 'entity') {
        const e = one<{ name: string; country: string | null }>(
          'SELECT primary_name AS name, country FROM entities WHERE id = ?',
          change.recordId,
        )
        const rounds = store.db
          .prepare('SELECT DISTINCT round_id FROM designations WHERE entity_id = ?')
          .pluck()
          .all(change.recordId) as string[]
        expect(change).toMatchObject({ label: e.name, country: e.country, entityId: change.recordId })
        expect([...change.rounds].sort()).toEqual(rounds.sort())
        expect(change.lists).toEqual(['US BIS Entity List'])
      } else if (change.type === 'round') {
        expect(change.lists).toEqual(['US BIS Entity List'])
        expect(change.rounds).toEqual([change.recordId])
        expect(change.label).toMatch(/^\d+ FR \d+$/)
      } else {
        expect(change.type).toBe('source')
        expect(change.label).toBe('BIS Entity List CSV')
      }
    }
    // One source, four rounds, six entities, six designations: each recorded once.
    expect(rows.map((row) => row.type).sort()).toEqual(
      [
        'source',
        ...Array(4).fill('round'),
        ...Array(6).fill('entity'),
        ...Array(6).fill('designation'),
      ].sort(),
    )
    store.close()
  })
})

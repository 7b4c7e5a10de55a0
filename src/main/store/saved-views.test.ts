import { describe, expect, it } from 'vitest'
import { parseApiInput } from '../../shared/contract'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { deleteView, loadViews, saveView } from './saved-views'

const tempDir = useTempDir()
const state = {
  search: 'hik',
  filters: { round: ['el-2019-10-84fr54002'] },
  sort: [{ column: 'name' as const, desc: true }],
  minScore: 90,
  hiddenColumns: ['aliases'],
  columnOrder: ['country', 'name'],
  columnSizes: { name: 320 },
  scrollTop: 1200,
}
const listState = {
  search: 'oppose',
  filters: { stance: ['opposes'], round: ['el-2019-10-84fr54002'] },
  dates: { date: { from: '2019-10-01' } },
  texts: { speaker: 'geng' },
  sort: [{ column: 'date', desc: true }],
  hiddenColumns: ['source'],
  columnOrder: [],
  columnSizes: { quote: 500 },
  scrollTop: 0,
}

describe('table views', () => {
  it('keep the table as last left and named views, replaced by name and deleted', () => {
    const store = openDefaultStore(tempDir())
    try {
      expect(loadViews(store.db, 'entities')).toEqual({ current: null, saved: [] })
      saveView(store.db, 'entities', '', state)
      saveView(
        store.db,
        'entities',
        'October 2019',
        { ...state, search: '' },
        new Date('2026-11-29T10:00:00Z'),
      )
      saveView(
        store.db,
        'entities',
        'October 2019',
        { ...state, search: 'dahua' },
        new Date('2026-11-29T11:00:00Z'),
      )
      const views = loadViews(store.db, 'entities')
      expect(views.current).toEqual(state)
      expect(views.saved).toEqual([
        { name: 'October 2019', state: { ...state, search: 'dahua' }, updatedAt: '2026-11-29T11:00:00.000Z' },
      ])
      deleteView(store.db, 'entities', 'October 2019')
      expect(loadViews(store.db, 'entities').saved).toEqual([])
    } finally {
      store.close()
    }
  })

  it('keep the Rounds and Reactions tables apart from the Entities table, each with its own state', () => {
    const store = openDefaultStore(tempDir())
    try {
      saveView(store.db, 'reactions', '', listState)
      saveView(store.db, 'rounds', 'Rounds of 2020', { ...listState, filters: { list: ['Entity List'] } })
      expect(loadViews(store.db, 'reactions').current).toEqual(listState)
      expect(loadViews(store.db, 'rounds').saved.map((view) => view.name)).toEqual(['Rounds of 2020'])
      expect(loadViews(store.db, 'entities')).toEqual({ current: null, saved: [] })
      // An Entities state is not a list state: each table's schema is checked when read.
      store.db.prepare("INSERT INTO saved_views VALUES ('rounds', '', ?, 'x')").run(JSON.stringify(state))
      expect(loadViews(store.db, 'rounds').current).toBeNull()
    } finally {
      store.close()
    }
  })

  it('fill in what an older kept state lacks (column sizes, scroll) with defaults', () => {
    const store = openDefaultStore(tempDir())
    try {
      const older: Partial<typeof state> = { ...state }
      delete older.columnSizes
      delete older.scrollTop
      store.db.prepare("INSERT INTO saved_views VALUES ('entities', '', ?, 'x')").run(JSON.stringify(older))
      expect(loadViews(store.db, 'entities').current).toEqual({ ...older, columnSizes: {}, scrollTop: 0 })
    } finally {
      store.close()
    }
  })

  it('drop a kept state that no longer fits the schema instead of half-applying it', () => {
    const store = openDefaultStore(tempDir())
    try {
      store.db.prepare("INSERT INTO saved_views VALUES ('entities', '', '{\"search\": 5}', 'x')").run()
      expect(loadViews(store.db, 'entities').current).toBeNull()
    } finally {
      store.close()
    }
  })

  it('are checked at the contract: unknown tables and over-long names are refused', () => {
    expect(() => parseApiInput('saveView', { table: 'payroll', name: '', state })).toThrow(/table/)
    expect(() => parseApiInput('saveView', { table: 'entities', name: 'x'.repeat(101), state })).toThrow(
      /name/,
    )
    expect(() => parseApiInput('deleteView', { table: 'entities', name: '' })).toThrow(/name/)
    // A list table's state under the Entities table (and the other way round) does not fit.
    expect(() => parseApiInput('saveView', { table: 'entities', name: '', state: listState })).toThrow()
    expect(() => parseApiInput('saveView', { table: 'rounds', name: '', state })).toThrow()
    expect(() =>
      parseApiInput('saveView', { table: 'rounds', name: '', state: { ...listState, scrollTop: -1 } }),
    ).toThrow()
  })
})

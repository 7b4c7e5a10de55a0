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
  })
})

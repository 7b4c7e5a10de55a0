import { rebuildSearchIndex } from '../search-index'
import type { Migration } from './migration'

export const migration005: Migration = {
  version: 5,
  description: 'search by pinyin: every Chinese name is indexed with its toneless pinyin',
  up(db) {
    // The index's shape is unchanged; its entity rows gain the pinyin of their Chinese names.
    rebuildSearchIndex(db)
  },
}

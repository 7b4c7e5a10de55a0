import type { Migration } from './migration'
import { rebuildSearchIndex } from '../search-index'

export const migration002: Migration = {
  version: 2,
  description: 'full-text search over names, aliases, original-script names and quote text',
  up(db) {
    // remove_diacritics 2 also folds accents on letters that carry several marks (e.g. Vietnamese).
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5(
        kind UNINDEXED,
        record_id UNINDEXED,
        field UNINDEXED,
        display UNINDEXED,
        text,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `)
    rebuildSearchIndex(db)
  },
}

import type { Migration } from './migration'

export const migration005: Migration = {
  version: 5,
  description: 'search by pinyin: every Chinese name is indexed with its toneless pinyin',
  up(db) {
    // The index's shape is unchanged; its entity rows gain the pinyin of their Chinese names when it is
    // rebuilt after migrating (see open-store.ts).
    db.exec(`
      INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    `)
  },
}

import type { Migration } from './migration'

export const migration016: Migration = {
  version: 16,
  description:
    'exact fuzzy name matching: the trigram index gives way to the pinyin of each Chinese name, kept',
  up(db) {
    // Fuzzy matching now compares every name form in memory (store/fuzzy-index): the trigram index,
    // which only proposed candidates, is no longer read. What the memory index cannot derive quickly is
    // the pinyin of Chinese names (pinyin-pro, slow): kept here, one row per entity's search entry.
    db.exec(`
      DROP TABLE IF EXISTS name_trigrams;
      CREATE TABLE entity_pinyin (
        entry INTEGER PRIMARY KEY,
        spellings TEXT NOT NULL
      ) STRICT;
      INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    `)
  },
}

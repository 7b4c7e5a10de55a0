import type { Migration } from './migration'

export const migration006: Migration = {
  version: 6,
  description: 'fuzzy name matching: a trigram index over every entity name form, pinyin included',
  up(db) {
    // Contentless, keyed like search_index by search_entries.id; one row per entity. The trigram
    // tokenizer makes every three characters a token, so a misspelt name still shares most of them.
    db.exec(`
      CREATE VIRTUAL TABLE name_trigrams USING fts5(
        names,
        content = '',
        contentless_delete = 1,
        tokenize = 'trigram'
      );
      INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    `)
  },
}

import type { Migration } from './migration'

export const migration002: Migration = {
  version: 2,
  description: 'full-text search over names, aliases, original-script names and quote text',
  up(db) {
    // One contentless FTS5 row per record; search_entries maps its rowid to the record, so one record's
    // row is replaced through an index instead of a scan. remove_diacritics 2 folds accents on letters
    // that carry several marks.
    db.exec(`
      CREATE TABLE search_entries (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('entity', 'reaction')),
        record_id TEXT NOT NULL,
        UNIQUE (kind, record_id)
      ) STRICT;
      CREATE VIRTUAL TABLE search_index USING fts5(
        name, original, aliases, speaker, quote,
        content = '',
        contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      -- Filled after migrating, by today's indexing code (see open-store.ts).
      INSERT INTO meta (key, value) VALUES ('search_index_stale', '1')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value;
    `)
  },
}

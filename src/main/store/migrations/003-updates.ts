import type { Migration } from './migration'

export const migration003: Migration = {
  version: 3,
  description: 'update bundles: trusted publisher keys, import history and the undo journal',
  up(db) {
    db.exec(`
      CREATE TABLE trusted_keys (
        fingerprint TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
        publisher TEXT NOT NULL,
        public_key TEXT NOT NULL,
        created TEXT NOT NULL,
        expires TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        bundle_id TEXT NOT NULL,
        file_name TEXT,
        publisher TEXT NOT NULL,
        key_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        created TEXT NOT NULL,
        data_as_of TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        counts TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('applied', 'undone')),
        undone_at TEXT
      ) STRICT;
      CREATE INDEX imports_by_bundle ON imports(bundle_id);
      CREATE INDEX imports_by_key ON imports(key_id, sequence);

      -- Before-images of every row an import touched, replayed in reverse to undo it.
      CREATE TABLE import_journal (
        seq INTEGER PRIMARY KEY,
        import_id INTEGER REFERENCES imports(id),
        tbl TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        row_id INTEGER NOT NULL,
        old_row TEXT
      ) STRICT;
      CREATE INDEX import_journal_by_import ON import_journal(import_id, seq);
    `)
  },
}

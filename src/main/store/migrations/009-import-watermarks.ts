import type { Migration } from './migration'

export const migration009: Migration = {
  version: 9,
  description: 'undo removes the rows an import added by rowid instead of journaling each one',
  up(db) {
    // Per import and table, the highest rowid before the import began: rows above it are the import's
    // own, so undo deletes them in one statement and the journal holds only before-images. Imports
    // applied before this version have no watermarks; their journals hold every insert, as before.
    db.exec(`
      CREATE TABLE import_watermarks (
        import_id INTEGER NOT NULL REFERENCES imports(id),
        tbl TEXT NOT NULL,
        max_rowid INTEGER NOT NULL,
        PRIMARY KEY (import_id, tbl)
      ) STRICT;
    `)
  },
}

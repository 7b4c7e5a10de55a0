import type { Migration } from './migration'

export const migration019: Migration = {
  version: 19,
  description: 'edits written in the app, the keys they are signed with, and their publications',
  up(db) {
    // One row per local edit. Each is applied as an import (its id is the import's), so undo, the
    // change record and histories treat it as they treat a bundle. `origin_id` names the origin its
    // records carry, which marks them "local" (origins.kind keeps 'import': its CHECK cannot change
    // while records refer to it); no foreign key, since undoing the edit removes that origin.
    // `operations` are bundle operations (JSON), what redo applies again and publishing signs.
    // `written_at` is when the writer wrote it (a redo keeps it); `redone_from` is the undone edit a
    // redo applied again.
    db.exec(`
      CREATE TABLE local_edits (
        import_id INTEGER PRIMARY KEY REFERENCES imports(id),
        origin_id INTEGER NOT NULL,
        author TEXT NOT NULL,
        written_at TEXT NOT NULL,
        description TEXT NOT NULL,
        operations TEXT NOT NULL,
        redone_from INTEGER REFERENCES imports(id)
      ) STRICT;
      CREATE INDEX local_edits_by_origin ON local_edits(origin_id);
    `)
    // Keys made in the app to publish local edits: the private key only ever encrypted with the
    // user's passphrase (the encrypted key file's JSON), never plain.
    db.exec(`
      CREATE TABLE signing_keys (
        key_id TEXT PRIMARY KEY,
        publisher TEXT NOT NULL,
        created TEXT NOT NULL,
        expires TEXT NOT NULL,
        encrypted_file TEXT NOT NULL
      ) STRICT;
    `)
    // Each bundle published from the store's local edits: its sequence (the next is one higher), the
    // edits it holds (JSON array of import ids) and the newest of them, from which the next
    // publication starts.
    db.exec(`
      CREATE TABLE publications (
        id INTEGER PRIMARY KEY,
        key_id TEXT NOT NULL,
        publisher TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        published_at TEXT NOT NULL,
        last_edit INTEGER NOT NULL,
        edits TEXT NOT NULL,
        operations INTEGER NOT NULL,
        file_name TEXT NOT NULL
      ) STRICT;
    `)
  },
}

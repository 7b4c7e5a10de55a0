import type { Migration } from './migration'

export const migration018: Migration = {
  version: 18,
  description: 'watch lists: starred entities and saved searches the user follows',
  up(db) {
    // The user's own, not the data's: imports never touch these rows, and their undo leaves them as
    // they are. An entity watch names its entity by id without a foreign key, so that it survives an
    // update that retires the entity and one that brings it back.
    db.exec(`
      CREATE TABLE watches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('entity', 'search')),
        entity_id TEXT UNIQUE,
        name TEXT UNIQUE,
        query TEXT,
        created_at TEXT NOT NULL,
        CHECK ((kind = 'entity') = (entity_id IS NOT NULL AND query IS NULL)),
        CHECK ((kind = 'search') = (name IS NOT NULL AND query IS NOT NULL))
      ) STRICT;
    `)
  },
}

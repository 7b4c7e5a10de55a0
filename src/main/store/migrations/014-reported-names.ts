import type { Migration } from './migration'

export const migration014: Migration = {
  version: 14,
  description: 'names the press or another list gives an entity, each with the source that gives it',
  up(db) {
    db.exec(`
      CREATE TABLE entity_reported_names (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        source_id TEXT NOT NULL REFERENCES sources(id),
        note TEXT,
        PRIMARY KEY (entity_id, position)
      ) STRICT;
    `)
  },
}

import type { Migration } from './migration'

export const migration012: Migration = {
  version: 12,
  description: 'entities keep the identifiers lists give them (tax numbers, list entry numbers, ids)',
  up(db) {
    db.exec(`
      CREATE TABLE entity_identifiers (
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        scheme TEXT NOT NULL CHECK (length(trim(scheme)) > 0),
        value TEXT NOT NULL CHECK (length(trim(value)) > 0),
        PRIMARY KEY (entity_id, position)
      ) STRICT;
      CREATE INDEX entity_identifiers_by_value ON entity_identifiers(scheme, value);
    `)
  },
}

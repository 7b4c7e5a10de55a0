import type { Migration } from './migration'

export const migration013: Migration = {
  version: 13,
  description: "the user's judgements on possible matches: a listed party is, or is not, an entity",
  up(db) {
    db.exec(`
      CREATE TABLE judgements (
        id INTEGER PRIMARY KEY,
        party_key TEXT NOT NULL,
        party_label TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        verdict TEXT NOT NULL CHECK (verdict IN ('same', 'different')),
        decided_at TEXT NOT NULL,
        file_name TEXT,
        UNIQUE (party_key, entity_id)
      ) STRICT;
    `)
  },
}

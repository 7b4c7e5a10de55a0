import type { Migration } from './migration'

export const migration020: Migration = {
  version: 20,
  description: "notes on entities and rounds, with a source or as the writer's own assessment",
  up(db) {
    // A note is on one entity or one round; it has a source, or is the writer's own assessment
    // (assessment = 1, no source). Written in the app or brought by a bundle, like any record.
    db.exec(`
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        entity_id TEXT REFERENCES entities(id),
        round_id TEXT REFERENCES rounds(id),
        text TEXT NOT NULL,
        source_id TEXT REFERENCES sources(id),
        assessment INTEGER NOT NULL CHECK (assessment IN (0, 1)),
        origin_id INTEGER NOT NULL REFERENCES origins(id),
        CHECK ((entity_id IS NULL) != (round_id IS NULL)),
        CHECK ((source_id IS NULL) = (assessment = 1))
      ) STRICT;
      CREATE INDEX notes_by_entity ON notes(entity_id) WHERE entity_id IS NOT NULL;
      CREATE INDEX notes_by_round ON notes(round_id) WHERE round_id IS NOT NULL;
    `)
  },
}

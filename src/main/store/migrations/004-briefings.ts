import type { Migration } from './migration'

export const migration004: Migration = {
  version: 4,
  description: 'saved briefings: the settings a writer keeps to reopen and export again',
  up(db) {
    db.exec(`
      CREATE TABLE briefings (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        settings TEXT NOT NULL CHECK (json_valid(settings)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
  },
}

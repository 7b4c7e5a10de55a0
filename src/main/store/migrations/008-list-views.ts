import type { Migration } from './migration'

export const migration008: Migration = {
  version: 8,
  description: 'table views for the Rounds and Reactions tables too',
  up(db) {
    // SQLite cannot alter a CHECK constraint: the table is rebuilt with the wider one, rows kept.
    db.exec(`
      CREATE TABLE saved_views_new (
        table_name TEXT NOT NULL CHECK (table_name IN ('entities', 'rounds', 'reactions')),
        name TEXT NOT NULL CHECK (length(name) <= 100),
        state TEXT NOT NULL CHECK (json_valid(state)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (table_name, name)
      ) STRICT;
      INSERT INTO saved_views_new SELECT table_name, name, state, updated_at FROM saved_views;
      DROP TABLE saved_views;
      ALTER TABLE saved_views_new RENAME TO saved_views;
    `)
  },
}

import type { Migration } from './migration'

export const migration007: Migration = {
  version: 7,
  description: 'table views: the last state of each review table, and the views a reviewer saved by name',
  up(db) {
    // name '' is the table as the reviewer last left it, restored on the next start.
    db.exec(`
      CREATE TABLE saved_views (
        table_name TEXT NOT NULL CHECK (table_name IN ('entities')),
        name TEXT NOT NULL CHECK (length(name) <= 100),
        state TEXT NOT NULL CHECK (json_valid(state)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (table_name, name)
      ) STRICT;
    `)
  },
}

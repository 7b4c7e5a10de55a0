import type { Migration } from './migration'

export const migration015: Migration = {
  version: 15,
  description: 'verbatim reactions keep the passage of their source they were checked against, and when',
  up(db) {
    db.exec(`
      ALTER TABLE reactions ADD COLUMN source_excerpt TEXT;
      ALTER TABLE reactions ADD COLUMN excerpt_checked_on TEXT
        CHECK (excerpt_checked_on IS NULL OR excerpt_checked_on GLOB '[0-9][0-9][0-9][0-9]*');
    `)
  },
}

import type { Migration } from './migration'

export const migration011: Migration = {
  version: 11,
  description: 'designations keep the date a listing ended and the programmes it was made under',
  up(db) {
    db.exec(`
      ALTER TABLE designations ADD COLUMN ended_date TEXT
        CHECK (ended_date IS NULL OR ended_date GLOB '[0-9][0-9][0-9][0-9]*');
      ALTER TABLE designations ADD COLUMN programs TEXT;
    `)
  },
}

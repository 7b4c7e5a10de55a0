import type { Migration } from './migration'

export const migration004: Migration = {
  version: 4,
  description: 'indexes for the review table: sort by name, facet and filter by country and type',
  up(db) {
    db.exec(`
      CREATE INDEX entities_by_name ON entities(primary_name COLLATE NOCASE, id);
      CREATE INDEX entities_by_country ON entities(country);
      CREATE INDEX entities_by_type ON entities(type);
      CREATE INDEX designations_by_entity_action ON designations(entity_id, action);
    `)
  },
}

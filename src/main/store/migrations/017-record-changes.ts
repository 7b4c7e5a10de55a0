import type { Migration } from './migration'

export const migration017: Migration = {
  version: 17,
  description: 'what each import changed, record by record, for the Changes view and entity histories',
  up(db) {
    // One row per record an import added, changed, ended or retired (unchanged records get none). The
    // row keeps what the record was about at the time (its label, country, list and rounds), so a change
    // stays readable after the record itself is retired. `fields` holds each changed field's before and
    // after (JSON), null for new and retired records. Undoing an import deletes its rows.
    db.exec(`
      CREATE TABLE record_changes (
        import_id INTEGER NOT NULL REFERENCES imports(id),
        seq INTEGER NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('new', 'changed', 'ended', 'retired')),
        label TEXT NOT NULL,
        entity_id TEXT,
        country TEXT,
        lists TEXT NOT NULL,
        rounds TEXT NOT NULL,
        fields TEXT,
        PRIMARY KEY (import_id, seq)
      ) STRICT;
      CREATE INDEX record_changes_by_entity ON record_changes(entity_id, import_id) WHERE entity_id IS NOT NULL;
    `)
  },
}

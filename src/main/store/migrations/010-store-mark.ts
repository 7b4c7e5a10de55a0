import type { Migration } from './migration'

export const migration010: Migration = {
  version: 10,
  description: 'marks the file as a Sanctions Briefing store (application id and a meta row)',
  up(db) {
    // 0x53427266 is "SBrf": SQLite's header field for telling one application's files from another's.
    db.exec(`
      PRAGMA application_id = 1396863590;
      INSERT INTO meta (key, value) VALUES ('store_format', 'sanctions-briefing')
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    `)
  },
}

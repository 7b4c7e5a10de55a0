import type Database from 'better-sqlite3'

/** Tables that record the history of imports rather than the data; undo leaves them changed on purpose. */
const HISTORY_TABLES = new Set([
  'imports',
  'import_journal',
  'import_watermarks',
  'trusted_keys',
  'local_edits',
])
/** Rebuilt per record on undo, so its ids may differ: compared by content instead. */
const SEARCH_TABLE = 'search_entries'

/**
 * A full, ordered dump of the store's data: every row of every table with its rowid, plus what the
 * search index holds (whose ids may differ after a rebuild, so it is compared as a sorted list). The
 * kept pinyin (entity_pinyin) is left out: derived from the names, and keyed by those ids.
 */
export function dumpStore(db: Database.Database, options: { changeRecord?: boolean } = {}): string {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%' AND name != 'entity_pinyin' ORDER BY name",
    )
    .pluck()
    .all() as string[]
  const dump: Record<string, unknown> = {}
  for (const table of tables) {
    if (HISTORY_TABLES.has(table) || table === SEARCH_TABLE) continue
    // A redo records its changes under its own import: the data is compared without that record.
    if (table === 'record_changes' && options.changeRecord === false) continue
    // The facet counts kept for the first view are derived, checked against the records when read.
    const derived = table === 'meta' ? " WHERE key != 'plain_facets'" : ''
    dump[table] = db.prepare(`SELECT rowid AS _rowid, * FROM "${table}"${derived} ORDER BY rowid`).all()
  }
  dump[SEARCH_TABLE] = (db.prepare('SELECT kind, record_id FROM search_entries').all() as object[])
    .map((row) => JSON.stringify(row))
    .sort()
  return JSON.stringify(dump)
}

import type Database from 'better-sqlite3'

export type MetaKey =
  | 'dataset_version'
  | 'data_as_of'
  | 'initialised_at'
  | 'plain_facets'
  | 'search_index_stale'
  /** The view the app showed last, where it opens next time. */
  | 'last_view'
  /** The name local edits are marked with ("local, by …"), as the user set it. */
  | 'author_name'

export function getMeta(db: Database.Database, key: MetaKey): string | null {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined
  return value ?? null
}

export function setMeta(db: Database.Database, key: MetaKey, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

export function deleteMeta(db: Database.Database, key: MetaKey): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(key)
}

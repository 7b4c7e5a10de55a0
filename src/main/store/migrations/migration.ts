import type Database from 'better-sqlite3'

/**
 * One schema version. `up` runs inside the transaction that also sets `user_version` to `version`.
 * Migrations are frozen: literal SQL only, never today's code, since they run on stores of every age.
 * One that changes what the search index holds marks it stale (meta `search_index_stale`); the index
 * is rebuilt once, by today's code, after the last migration (open-store.ts).
 */
export interface Migration {
  version: number
  description: string
  up: (db: Database.Database) => void
}

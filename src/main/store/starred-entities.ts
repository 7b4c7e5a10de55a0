import type Database from 'better-sqlite3'
import { statement } from './statement-cache'

/** The ids of the entities the user starred (the Entities table's "Watched" filter). */
export function starredEntityIds(db: Database.Database): string[] {
  return statement(db, "SELECT entity_id FROM watches WHERE kind = 'entity'").pluck().all() as string[]
}

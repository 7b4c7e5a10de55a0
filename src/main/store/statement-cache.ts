import type Database from 'better-sqlite3'
import { stateOf } from './connection-state'

/** A prepared statement reused per connection: bulk writes run the same few statements many times. */
export function statement(db: Database.Database, sql: string): Database.Statement {
  const cache = stateOf(db).statements
  let prepared = cache.get(sql)
  if (!prepared) {
    prepared = db.prepare(sql)
    cache.set(sql, prepared)
  }
  return prepared
}

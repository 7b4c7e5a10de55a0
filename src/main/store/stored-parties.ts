import type Database from 'better-sqlite3'

/** An entity as the importers match against it: its names and the identifiers it carries. */
export interface StoredParty {
  id: string
  name: string
  originalName: string | null
  country: string | null
  type: string
  aliases: string[]
  identifiers: { scheme: string; value: string }[]
}

/** Every entity of the store with its aliases and identifiers, each read in one pass. */
export function readStoredParties(db: Database.Database): StoredParty[] {
  const aliases = new Map<string, string[]>()
  for (const row of db
    .prepare('SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, position')
    .iterate() as Iterable<{ entity_id: string; alias: string }>) {
    const list = aliases.get(row.entity_id) ?? []
    list.push(row.alias)
    aliases.set(row.entity_id, list)
  }
  const identifiers = new Map<string, { scheme: string; value: string }[]>()
  for (const row of db
    .prepare('SELECT entity_id, scheme, value FROM entity_identifiers ORDER BY entity_id, position')
    .iterate() as Iterable<{ entity_id: string; scheme: string; value: string }>) {
    const list = identifiers.get(row.entity_id) ?? []
    list.push({ scheme: row.scheme, value: row.value })
    identifiers.set(row.entity_id, list)
  }
  const rows = db.prepare('SELECT id, primary_name, original_name, country, type FROM entities').all() as {
    id: string
    primary_name: string
    original_name: string | null
    country: string | null
    type: string
  }[]
  return rows.map((row) => ({
    id: row.id,
    name: row.primary_name,
    originalName: row.original_name,
    country: row.country,
    type: row.type,
    aliases: aliases.get(row.id) ?? [],
    identifiers: identifiers.get(row.id) ?? [],
  }))
}

import type Database from 'better-sqlite3'
import { normaliseName } from './names'

/** An entity that a listed party could be: one already in the store, or one this file adds. */
export interface KnownEntity {
  id: string
  name: string
  country: string | null
  /** Primary, original-script and alternate names, as written. */
  names: string[]
  inStore: boolean
}

export interface Candidate {
  entity: KnownEntity
  /** Why it matched, for the preview: "“Hikvision” = alias “Hikvision”; country CN = CN". */
  reasons: string[]
  countryConflict: boolean
  /** A name is the same as written (case and spacing aside), not only after legal forms are dropped. */
  exact: boolean
}

const plainForm = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

/** Names (normalised) → the entities that carry them; the same index serves the store and the file. */
export class NameIndex {
  private readonly byKey = new Map<string, Set<KnownEntity>>()

  add(entity: KnownEntity): void {
    for (const name of entity.names) {
      const key = normaliseName(name)
      // One-word keys such as "ltd" or "" would match everything: too weak to be evidence.
      if (key.length < 2) continue
      const set = this.byKey.get(key) ?? new Set<KnownEntity>()
      set.add(entity)
      this.byKey.set(key, set)
    }
  }

  /** Every known entity sharing a normalised name with `names`, with the evidence for each. */
  candidates(names: string[], country: string | null): Candidate[] {
    const found = new Map<KnownEntity, string[]>()
    const exact = new Set<KnownEntity>()
    for (const name of names) {
      const key = normaliseName(name)
      for (const entity of this.byKey.get(key) ?? []) {
        const theirs =
          entity.names.find((n) => plainForm(n) === plainForm(name)) ??
          entity.names.find((n) => normaliseName(n) === key) ??
          entity.name
        if (plainForm(theirs) === plainForm(name)) exact.add(entity)
        const reasons = found.get(entity) ?? []
        reasons.push(`“${name}” = ${theirs === entity.name ? 'name' : 'also known as'} “${theirs}”`)
        found.set(entity, reasons)
      }
    }
    return [...found.entries()].map(([entity, reasons]) => {
      const countryConflict = Boolean(country && entity.country && country !== entity.country)
      const countryNote =
        !country || !entity.country
          ? `country ${country ?? 'not given'} / ${entity.country ?? 'not recorded'}`
          : `country ${country} ${countryConflict ? '≠' : '='} ${entity.country}`
      return {
        entity,
        reasons: [...new Set(reasons), countryNote],
        countryConflict,
        exact: exact.has(entity),
      }
    })
  }
}

/** Indexes every entity in the store by its names, original-script name and aliases. */
export function indexStoreEntities(db: Database.Database): NameIndex {
  const index = new NameIndex()
  const aliases = new Map<string, string[]>()
  for (const row of db
    .prepare('SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, position')
    .iterate() as Iterable<{
    entity_id: string
    alias: string
  }>) {
    const list = aliases.get(row.entity_id) ?? []
    list.push(row.alias)
    aliases.set(row.entity_id, list)
  }
  for (const row of db
    .prepare('SELECT id, primary_name, original_name, country FROM entities')
    .iterate() as Iterable<{
    id: string
    primary_name: string
    original_name: string | null
    country: string | null
  }>) {
    index.add({
      id: row.id,
      name: row.primary_name,
      country: row.country,
      names: [
        row.primary_name,
        ...(row.original_name ? [row.original_name] : []),
        ...(aliases.get(row.id) ?? []),
      ],
      inStore: true,
    })
  }
  return index
}

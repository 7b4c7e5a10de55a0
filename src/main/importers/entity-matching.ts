import type Database from 'better-sqlite3'
import type { PartyIdentifier } from './source-entry'
import { readStoredParties } from '../store/stored-parties'
import { normaliseName } from './names'

/** An entity that a listed party could be: one already in the store, or one this file adds. */
export interface KnownEntity {
  id: string
  name: string
  country: string | null
  /** Primary, original-script and alternate names, as written. */
  names: string[]
  inStore: boolean
  /** True for a person, false for an organisation (or vessel), null where not known. */
  person: boolean | null
  /** Identifiers the source gave (tax numbers, CSL entity numbers, OpenSanctions ids …). */
  identifiers: PartyIdentifier[]
  birthDates: string[]
}

export interface Candidate {
  entity: KnownEntity
  /** Why it matched, for the preview: "“Hikvision” = alias “Hikvision”; country CN = CN". */
  reasons: string[]
  countryConflict: boolean
  /** A name is the same as written (case and spacing aside), not only after legal forms are dropped. */
  exact: boolean
  /** An identifier both carry: proof that they are the same party. */
  sharedIdentifier: string | null
}

/**
 * Identifier schemes of which a party has one value (or a few, all known): two parties with values in
 * such a scheme and none in common are different parties, whatever their names.
 */
const EXCLUSIVE_SCHEMES = new Set(['ru-inn', 'ru-ogrn', 'lei', 'imo', 'wikidata', 'csl-entity-number'])

const plainForm = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

/** An id-like string among a party's names (a Wikidata Q-number, a bare number): never a name. */
function isIdLike(name: string): boolean {
  return /^q\d+$/i.test(name.trim()) || !/\p{L}/u.test(name)
}

/**
 * The key a name is compared by, or null where the name is no evidence. A person's name is compared
 * whatever its word order ("ABU JHEISHEH, Mohammed" = "Mohammed ABU JHEISHEH"), and a single word of
 * one (a given name such as "Mohammed") proves nothing about who it is.
 */
export function nameKey(name: string, person: boolean | null): string | null {
  if (isIdLike(name)) return null
  const key = normaliseName(name)
  if (key.length < 2) return null
  if (!person) return key
  const words = key.split(' ').filter(Boolean)
  if (words.length < 2) return null
  return words.sort().join(' ')
}

const identifierKey = (identifier: PartyIdentifier) => `${identifier.scheme}\u0000${identifier.value}`

/** Why two parties cannot be one, or null: a person and an organisation, other ids, other birth dates. */
export function conflictBetween(
  a: Pick<KnownEntity, 'person' | 'identifiers' | 'birthDates'>,
  b: Pick<KnownEntity, 'person' | 'identifiers' | 'birthDates'>,
): string | null {
  if (a.person !== null && b.person !== null && a.person !== b.person) return 'a person and an organisation'
  for (const scheme of EXCLUSIVE_SCHEMES) {
    const mine = a.identifiers.filter((i) => i.scheme === scheme).map((i) => i.value)
    const theirs = new Set(b.identifiers.filter((i) => i.scheme === scheme).map((i) => i.value))
    if (mine.length > 0 && theirs.size > 0 && !mine.some((value) => theirs.has(value)))
      return `${scheme} ${mine.join('/')} ≠ ${[...theirs].join('/')}`
  }
  if (a.birthDates.length > 0 && b.birthDates.length > 0) {
    const overlaps = a.birthDates.some((date) =>
      b.birthDates.some((other) => date.startsWith(other) || other.startsWith(date)),
    )
    if (!overlaps) return `born ${a.birthDates.join('/')} ≠ ${b.birthDates.join('/')}`
  }
  return null
}

/** Names and identifiers (normalised) → the entities that carry them; one index serves the store and the file. */
export class NameIndex {
  private readonly byKey = new Map<string, Set<KnownEntity>>()
  private readonly byIdentifier = new Map<string, Set<KnownEntity>>()

  add(entity: KnownEntity): void {
    for (const name of entity.names) this.index(this.byKey, nameKey(name, entity.person), entity)
    for (const identifier of entity.identifiers)
      this.index(this.byIdentifier, identifierKey(identifier), entity)
  }

  /** A merge gave `entity` more names or identifiers: later parties find it by them too. */
  addNamesAndIdentifiers(entity: KnownEntity, names: string[], identifiers: PartyIdentifier[]): void {
    for (const name of names) this.index(this.byKey, nameKey(name, entity.person), entity)
    for (const identifier of identifiers) this.index(this.byIdentifier, identifierKey(identifier), entity)
  }

  private index(map: Map<string, Set<KnownEntity>>, key: string | null, entity: KnownEntity): void {
    if (key === null) return
    const set = map.get(key) ?? new Set<KnownEntity>()
    set.add(entity)
    map.set(key, set)
  }

  /**
   * Every known entity that `party` could be, with the evidence: a shared identifier, or a whole name
   * in common. Entities it cannot be (see conflictBetween) are left out.
   */
  candidates(party: {
    names: string[]
    country: string | null
    person: boolean | null
    identifiers: PartyIdentifier[]
    birthDates: string[]
  }): Candidate[] {
    const found = new Map<KnownEntity, string[]>()
    const exact = new Set<KnownEntity>()
    const shared = new Map<KnownEntity, string>()
    for (const identifier of party.identifiers) {
      for (const entity of this.byIdentifier.get(identifierKey(identifier)) ?? []) {
        if (!shared.has(entity)) shared.set(entity, `${identifier.scheme} ${identifier.value}`)
        const reasons = found.get(entity) ?? []
        reasons.push(`same ${identifier.scheme} ${identifier.value}`)
        found.set(entity, reasons)
      }
    }
    for (const name of party.names) {
      const key = nameKey(name, party.person)
      if (key === null) continue
      for (const entity of this.byKey.get(key) ?? []) {
        const theirs =
          entity.names.find((n) => plainForm(n) === plainForm(name)) ??
          entity.names.find((n) => nameKey(n, entity.person) === key) ??
          entity.name
        if (plainForm(theirs) === plainForm(name)) exact.add(entity)
        const reasons = found.get(entity) ?? []
        reasons.push(`“${name}” = ${theirs === entity.name ? 'name' : 'also known as'} “${theirs}”`)
        found.set(entity, reasons)
      }
    }
    const candidates: Candidate[] = []
    for (const [entity, reasons] of found) {
      if (conflictBetween(party, entity)) continue
      const countryConflict = Boolean(party.country && entity.country && party.country !== entity.country)
      const countryNote =
        !party.country || !entity.country
          ? `country ${party.country ?? 'not given'} / ${entity.country ?? 'not recorded'}`
          : `country ${party.country} ${countryConflict ? '≠' : '='} ${entity.country}`
      candidates.push({
        entity,
        reasons: [...new Set(reasons), countryNote],
        countryConflict,
        exact: exact.has(entity),
        sharedIdentifier: shared.get(entity) ?? null,
      })
    }
    return candidates
  }
}

/** Indexes every entity in the store by its names, original-script name and aliases. */
export function indexStoreEntities(db: Database.Database): NameIndex {
  const index = new NameIndex()
  for (const entity of readStoredParties(db)) {
    index.add({
      id: entity.id,
      name: entity.name,
      country: entity.country,
      names: [entity.name, ...(entity.originalName ? [entity.originalName] : []), ...entity.aliases],
      inStore: true,
      person: entity.type === 'other' ? null : entity.type === 'person',
      identifiers: entity.identifiers,
      birthDates: [],
    })
  }
  return index
}

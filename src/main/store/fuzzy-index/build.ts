import type Database from 'better-sqlite3'
import { hasPinyinTable, nameForms } from '../fuzzy-names'
import { decodeSpellings } from '../index-texts'
import { FuzzyNameIndex } from './name-index'

type Db = Database.Database

/**
 * Every entity's name forms (names, aliases and the pinyin of Chinese names, as nameForms makes them),
 * read in three plain scans: the pinyin as indexing kept it (entity_pinyin), so that no name is spelled
 * again (a store migrated part way, in tests of upgrades, spells them here).
 */
export function buildFuzzyIndex(db: Db): FuzzyNameIndex {
  const entities = db
    .prepare(
      `SELECT e.id, e.primary_name, e.original_name, se.id FROM entities e
       LEFT JOIN search_entries se ON se.kind = 'entity' AND se.record_id = e.id`,
    )
    .raw()
    .all() as [string, string, string | null, number | null][]
  const aliases = new Map<string, string[]>()
  for (const [entityId, alias] of db
    .prepare('SELECT entity_id, alias FROM entity_aliases ORDER BY entity_id, position')
    .raw()
    .all() as [string, string][]) {
    const list = aliases.get(entityId)
    if (list) list.push(alias)
    else aliases.set(entityId, [alias])
  }
  const spellings = new Map(
    hasPinyinTable(db)
      ? (db.prepare('SELECT entry, spellings FROM entity_pinyin').raw().all() as [number, string][])
      : [],
  )
  const builder = FuzzyNameIndex.builder()
  // A name with no kept pinyin holds no Chinese: nameForms finds that without pinyin-pro.
  const none = new Map<string, string | null>()
  for (const [id, primary, original, entry] of entities) {
    builder.entity(id)
    const kept = entry === null ? undefined : spellings.get(entry)
    const pinyin = kept === undefined ? none : decodeSpellings(kept)
    for (const form of nameForms(primary, original, aliases.get(id) ?? [], pinyin)) builder.form(form.folded)
  }
  return builder.finish()
}

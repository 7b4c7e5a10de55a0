import type Database from 'better-sqlite3'
import { eachNameForm, hasPinyinTable } from '../fuzzy-names'
import { decodeSpellings } from '../index-texts'
import { FuzzyNameIndex } from './name-index'

type Db = Database.Database

/**
 * Every entity's name forms (names, aliases and the pinyin of Chinese names, as nameForms makes them),
 * read in one scan: the pinyin as indexing kept it (entity_pinyin), so that no name is spelled again
 * (a store migrated part way, in tests of upgrades, spells them here).
 */
export function buildFuzzyIndex(db: Db): FuzzyNameIndex {
  const kept = hasPinyinTable(db)
  // One row per entity, its aliases in order joined by a control character, which no stored name
  // holds: the record schemas refuse them (shared/text-safety).
  const entities = db
    .prepare(
      `SELECT e.id, e.primary_name, e.original_name,
              (SELECT group_concat(alias, char(31) ORDER BY position) FROM entity_aliases
                WHERE entity_id = e.id),
              ${kept ? 'p.spellings' : 'NULL'}
       FROM entities e
       ${kept ? "LEFT JOIN search_entries se ON se.kind = 'entity' AND se.record_id = e.id LEFT JOIN entity_pinyin p ON p.entry = se.id" : ''}`,
    )
    .raw()
    .all() as [string, string, string | null, string | null, string | null][]
  const builder = FuzzyNameIndex.builder()
  const form = (folded: string) => builder.form(folded)
  // A name with no kept pinyin holds no Chinese: eachNameForm finds that without pinyin-pro.
  const none = new Map<string, string | null>()
  for (const [id, primary, original, aliases, spellings] of entities) {
    builder.entity(id)
    const pinyin = spellings === null ? none : decodeSpellings(spellings)
    eachNameForm(primary, original, aliases === null ? [] : aliases.split(ALIAS_SEPARATOR), pinyin, form)
  }
  return builder.finish()
}

const ALIAS_SEPARATOR = String.fromCharCode(31)

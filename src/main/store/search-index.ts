import type Database from 'better-sqlite3'
import type { SearchHit, SearchRecordKind } from '../../shared/domain'
import { ftsQueryFor, textForIndex } from './search-text'

type Db = Database.Database

/** Fields in the order a match on them ranks: a hit on the primary name beats one inside a quote. */
const FIELD_PRIORITY = ['name', 'original-script name', 'alias', 'speaker', 'quote'] as const
type IndexedField = (typeof FIELD_PRIORITY)[number]

function insertRows(
  db: Db,
  kind: SearchRecordKind,
  recordId: string,
  rows: [IndexedField, string | null][],
): void {
  const insert = db.prepare(
    'INSERT INTO search_index (kind, record_id, field, display, text) VALUES (?, ?, ?, ?, ?)',
  )
  for (const [field, display] of rows) {
    if (display && display.trim()) insert.run(kind, recordId, field, display, textForIndex(display))
  }
}

/** Replaces the index rows of one entity; call inside the transaction that changed it. */
export function indexEntity(db: Db, entityId: string): void {
  db.prepare("DELETE FROM search_index WHERE kind = 'entity' AND record_id = ?").run(entityId)
  const entity = db.prepare('SELECT primary_name, original_name FROM entities WHERE id = ?').get(entityId) as
    { primary_name: string; original_name: string | null } | undefined
  if (!entity) return
  const aliases = db
    .prepare('SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position')
    .pluck()
    .all(entityId) as string[]
  insertRows(db, 'entity', entityId, [
    ['name', entity.primary_name],
    ['original-script name', entity.original_name],
    ...aliases.map((alias): [IndexedField, string] => ['alias', alias]),
  ])
}

/** Replaces the index rows of one reaction; call inside the transaction that changed it. */
export function indexReaction(db: Db, reactionId: string): void {
  db.prepare("DELETE FROM search_index WHERE kind = 'reaction' AND record_id = ?").run(reactionId)
  const reaction = db
    .prepare('SELECT speaker, organisation, text FROM reactions WHERE id = ?')
    .get(reactionId) as { speaker: string | null; organisation: string | null; text: string } | undefined
  if (!reaction) return
  const speaker = [reaction.speaker, reaction.organisation].filter(Boolean).join(', ')
  insertRows(db, 'reaction', reactionId, [
    ['speaker', speaker],
    ['quote', reaction.text],
  ])
}

export function rebuildSearchIndex(db: Db): void {
  db.exec('DELETE FROM search_index')
  for (const id of db.prepare('SELECT id FROM entities').pluck().all() as string[]) indexEntity(db, id)
  for (const id of db.prepare('SELECT id FROM reactions').pluck().all() as string[]) indexReaction(db, id)
}

interface IndexRow {
  kind: SearchRecordKind
  record_id: string
  field: IndexedField
  display: string
  rank: number
}

/**
 * Ranked full-text matches, one per record, best field first. Scores are bm25 relevance turned
 * positive (higher is better); an exact whole-field match is lifted above partial ones.
 */
export function searchIndex(db: Db, query: string, limit: number): SearchHit[] {
  const match = ftsQueryFor(query)
  if (!match) return []
  const rows = db
    .prepare(
      `SELECT kind, record_id, field, display, bm25(search_index) AS rank
       FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
    )
    .all(match, limit * 10) as IndexRow[]

  const folded = fold(query)
  const best = new Map<string, { row: IndexRow; exact: boolean }>()
  for (const row of rows) {
    const key = `${row.kind}:${row.record_id}`
    const exact = fold(row.display) === folded
    const current = best.get(key)
    if (!current || compareMatches({ row, exact }, current) < 0) best.set(key, { row, exact })
  }
  const ordered = [...best.values()].sort(compareMatches).slice(0, limit)
  return ordered.map(({ row, exact }) => describeHit(db, row, exact))
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Entities before reactions (a name search is about who is listed), then exact, field, relevance. */
function compareMatches(a: { row: IndexRow; exact: boolean }, b: { row: IndexRow; exact: boolean }): number {
  if (a.row.kind !== b.row.kind) return a.row.kind === 'entity' ? -1 : 1
  if (a.exact !== b.exact) return a.exact ? -1 : 1
  const byField = FIELD_PRIORITY.indexOf(a.row.field) - FIELD_PRIORITY.indexOf(b.row.field)
  return byField !== 0 ? byField : a.row.rank - b.row.rank
}

function describeHit(db: Db, row: IndexRow, exact: boolean): SearchHit {
  const score = Math.round((exact ? 100 : 0) + -row.rank * 10) / 10
  if (row.kind === 'entity') {
    const entity = db
      .prepare('SELECT primary_name, original_name FROM entities WHERE id = ?')
      .get(row.record_id) as { primary_name: string; original_name: string | null }
    return {
      kind: 'entity',
      id: row.record_id,
      name: entity.primary_name,
      originalName: entity.original_name,
      matchedField: row.field,
      matchedText: row.display,
      score,
    }
  }
  const reaction = db
    .prepare('SELECT speaker, organisation FROM reactions WHERE id = ?')
    .get(row.record_id) as { speaker: string | null; organisation: string | null }
  return {
    kind: 'reaction',
    id: row.record_id,
    name: [reaction.speaker, reaction.organisation].filter(Boolean).join(', ') || '(unnamed speaker)',
    originalName: null,
    matchedField: row.field,
    matchedText: row.display,
    score,
  }
}

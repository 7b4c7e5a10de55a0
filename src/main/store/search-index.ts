import type Database from 'better-sqlite3'
import type { SearchHit, SearchRecordKind } from '../../shared/domain'
import { countMatchedTerms, ftsQueryFor, queryTerms, textForIndex } from './search-text'
import {
  foldName,
  fuzzyEntityMatches,
  hasTrigramIndex,
  nameSimilarity,
  readEntityNames,
  trigramText,
} from './fuzzy-names'
import { pinyinForIndex } from './pinyin-text'
import { statement } from './statement-cache'

type Db = Database.Database

/**
 * One full-text row per record, one column per kind of text (name, original, aliases, speaker, quote).
 * bm25 weights rank a hit on the primary name above one in an alias, and both above one in a quote.
 */
const BM25_WEIGHTS = '10.0, 8.0, 5.0, 2.0, 1.0'

/** What a search hit says matched. */
type FieldLabel = 'name' | 'original-script name' | 'alias' | 'pinyin' | 'speaker' | 'quote'

/** The pinyin of every Chinese name of an entity (original-script name and aliases), computed once. */
function pinyinOfNames(
  original: string | null | undefined,
  aliases: string[] = [],
): Map<string, string | null> {
  const result = new Map<string, string | null>()
  for (const name of [original, ...aliases])
    if (name && !result.has(name)) result.set(name, pinyinForIndex(name))
  return result
}

interface IndexedText {
  name?: string | null
  original?: string | null
  aliases?: string[]
  speaker?: string | null
  quote?: string | null
}

/** Writes (or replaces) one record's row; call inside the transaction that changed the record. */
function writeRow(db: Db, kind: SearchRecordKind, recordId: string, text: IndexedText | null): void {
  const existing = statement(db, 'SELECT id FROM search_entries WHERE kind = ? AND record_id = ?')
    .pluck()
    .get(kind, recordId) as number | undefined
  const trigrams = kind === 'entity' && hasTrigramIndex(db)
  if (existing !== undefined) {
    statement(db, 'DELETE FROM search_index WHERE rowid = ?').run(existing)
    if (trigrams) statement(db, 'DELETE FROM name_trigrams WHERE rowid = ?').run(existing)
  }
  if (!text) {
    if (existing !== undefined) statement(db, 'DELETE FROM search_entries WHERE id = ?').run(existing)
    return
  }
  const rowid =
    existing ??
    Number(
      statement(db, 'INSERT INTO search_entries (kind, record_id) VALUES (?, ?)').run(kind, recordId)
        .lastInsertRowid,
    )
  const prepare = (value: string | null | undefined) => (value ? textForIndex(value) : null)
  const pinyin = pinyinOfNames(text.original, text.aliases)
  const spelled = [...pinyin.values()].filter((value): value is string => value !== null)
  statement(
    db,
    'INSERT INTO search_index (rowid, name, original, aliases, speaker, quote) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    rowid,
    prepare(text.name),
    prepare(text.original),
    // Aliases, then the pinyin of every Chinese name: "yuncong" and "Yun Cong" find 云从科技.
    [...(text.aliases ?? []).map(textForIndex), ...spelled].join(' \n ') || null,
    prepare(text.speaker),
    prepare(text.quote),
  )
  // Fuzzy name matching proposes candidates from three-letter pieces of every name form.
  if (trigrams && text.name) {
    statement(db, 'INSERT INTO name_trigrams (rowid, names) VALUES (?, ?)').run(
      rowid,
      trigramText(text.name, text.original ?? null, text.aliases ?? []),
    )
  }
}

/**
 * Index writes waiting for the end of a batch. FTS5 flushes its pending terms at every statement
 * savepoint, so interleaving index writes with other writes (an upsert with ON CONFLICT opens one per
 * row) turns a bulk import into thousands of tiny segment flushes. Within `withDeferredIndexing` the
 * index is written once per record, after everything else.
 */
const pending = new WeakMap<Db, Map<string, () => void>>()

export function withDeferredIndexing<T>(db: Db, work: () => T): T {
  if (pending.has(db)) return work()
  const queue = new Map<string, () => void>()
  pending.set(db, queue)
  try {
    const result = work()
    for (const write of queue.values()) write()
    return result
  } finally {
    pending.delete(db)
  }
}

function schedule(db: Db, key: string, write: () => void): void {
  const queue = pending.get(db)
  if (!queue) return write()
  queue.delete(key) // keep the queue in the order records were last written
  queue.set(key, write)
}

/** Indexes an entity from values the caller already holds (bulk writes avoid reading them back). */
export function indexEntityText(
  db: Db,
  entityId: string,
  name: string,
  original: string | null,
  aliases: string[],
): void {
  schedule(db, `entity:${entityId}`, () => writeRow(db, 'entity', entityId, { name, original, aliases }))
}

/** Re-reads one entity and replaces its row (or removes it when the entity is gone). */
export function indexEntity(db: Db, entityId: string): void {
  schedule(db, `entity:${entityId}`, () => reindexEntityNow(db, entityId))
}

function reindexEntityNow(db: Db, entityId: string): void {
  const names = readEntityNames(db, entityId)
  if (!names) return writeRow(db, 'entity', entityId, null)
  writeRow(db, 'entity', entityId, { name: names.primary, original: names.original, aliases: names.aliases })
}

function speakerOf(speaker: string | null, organisation: string | null): string {
  return [speaker, organisation].filter(Boolean).join(', ')
}

/** Re-reads one reaction and replaces its row (or removes it when the reaction is gone). */
export function indexReaction(db: Db, reactionId: string): void {
  schedule(db, `reaction:${reactionId}`, () => reindexReactionNow(db, reactionId))
}

function reindexReactionNow(db: Db, reactionId: string): void {
  const reaction = statement(db, 'SELECT speaker, organisation, text FROM reactions WHERE id = ?').get(
    reactionId,
  ) as { speaker: string | null; organisation: string | null; text: string } | undefined
  if (!reaction) return writeRow(db, 'reaction', reactionId, null)
  writeRow(db, 'reaction', reactionId, {
    speaker: speakerOf(reaction.speaker, reaction.organisation),
    quote: reaction.text,
  })
}

export function rebuildSearchIndex(db: Db): void {
  db.exec("INSERT INTO search_index (search_index) VALUES ('delete-all'); DELETE FROM search_entries")
  if (hasTrigramIndex(db)) db.exec("INSERT INTO name_trigrams (name_trigrams) VALUES ('delete-all')")
  withDeferredIndexing(db, () => {
    for (const id of db.prepare('SELECT id FROM entities').pluck().all() as string[]) indexEntity(db, id)
    for (const id of db.prepare('SELECT id FROM reactions').pluck().all() as string[]) indexReaction(db, id)
  })
}

/** Refills the trigram index from the entities' names (a migration that recreates it). */
export function rebuildTrigramIndex(db: Db): void {
  const entries = db.prepare("SELECT id, record_id FROM search_entries WHERE kind = 'entity'").all() as {
    id: number
    record_id: string
  }[]
  const insert = db.prepare('INSERT INTO name_trigrams (rowid, names) VALUES (?, ?)')
  for (const { id, record_id: entityId } of entries) {
    const names = readEntityNames(db, entityId)
    if (names) insert.run(id, trigramText(names.primary, names.original, names.aliases))
  }
}

interface IndexRow {
  kind: SearchRecordKind
  record_id: string
  rank: number
}

interface Candidate {
  field: FieldLabel
  text: string
  /** What the terms are matched against, when it differs from what is shown (pinyin). */
  match?: string
}

function candidatesFor(
  db: Db,
  row: IndexRow,
): { name: string; originalName: string | null; texts: Candidate[] } {
  if (row.kind === 'entity') {
    const { primary, original, aliases } = readEntityNames(db, row.record_id)!
    const texts: Candidate[] = [{ field: 'name', text: primary }]
    if (original) texts.push({ field: 'original-script name', text: original })
    for (const alias of aliases) texts.push({ field: 'alias', text: alias })
    // A pinyin match is explained by the Chinese name it spells, with the pinyin beside it.
    for (const name of [original, ...aliases]) {
      const spelled = name ? pinyinForIndex(name) : null
      if (spelled)
        texts.push({
          field: 'pinyin',
          text: `${name} (${spelled.slice(0, spelled.lastIndexOf(' '))})`,
          match: spelled,
        })
    }
    return { name: primary, originalName: original, texts }
  }
  const reaction = statement(db, 'SELECT speaker, organisation, text FROM reactions WHERE id = ?').get(
    row.record_id,
  ) as {
    speaker: string | null
    organisation: string | null
    text: string
  }
  const speaker = speakerOf(reaction.speaker, reaction.organisation)
  return {
    name: speaker || '(unnamed speaker)',
    originalName: null,
    texts: [
      { field: 'speaker', text: speaker },
      { field: 'quote', text: reaction.text },
    ],
  }
}

/**
 * Ranked matches. Entities come before reactions (a name search is about who is listed). Word matches
 * come first: every typed word found as a word start (or a Chinese substring); an exact whole-name match
 * leads them. With `minScore` below 100, entities whose names are merely like the query (Jaro–Winkler,
 * see fuzzy-names.ts) follow, best first. Each hit says which name, alias, pinyin or quote matched.
 */
export function searchIndex(db: Db, query: string, limit: number, minScore = 100): SearchHit[] {
  const match = ftsQueryFor(query)
  if (!match) return []
  const rows = statement(
    db,
    `SELECT e.kind, e.record_id, bm25(search_index, ${BM25_WEIGHTS}) AS rank
     FROM search_index JOIN search_entries e ON e.id = search_index.rowid
     WHERE search_index MATCH ? ORDER BY rank LIMIT ?`,
  ).all(match, Math.max(limit * 4, 100)) as IndexRow[]

  const terms = queryTerms(query)
  const folded = foldName(query)
  const hits = rows.map((row) => {
    const { name, originalName, texts } = candidatesFor(db, row)
    // The text that explains the match: most terms matched, then the field that counts most.
    let best = texts[0]
    let bestCount = -1
    for (const candidate of texts) {
      const count = countMatchedTerms(candidate.match ?? candidate.text, terms)
      if (count > bestCount) {
        best = candidate
        bestCount = count
      }
    }
    const exact = texts.some(
      (candidate) => foldName(candidate.text) === folded && candidate.field !== 'quote',
    )
    const similarity =
      row.kind === 'entity'
        ? Math.max(...texts.map((t) => Math.round(nameSimilarity(folded, foldName(t.match ?? t.text)) * 100)))
        : 0
    const hit: SearchHit = {
      kind: row.kind,
      id: row.record_id,
      name,
      originalName,
      matchedField: best.field,
      matchedText: best.text,
      score: exact ? 100 : similarity,
      method: 'words',
    }
    return { hit, exact, rank: row.rank }
  })
  hits.sort((a, b) => {
    if (a.hit.kind !== b.hit.kind) return a.hit.kind === 'entity' ? -1 : 1
    if (a.exact !== b.exact) return a.exact ? -1 : 1
    return a.rank - b.rank
  })
  const found = new Set(hits.map(({ hit }) => `${hit.kind}:${hit.id}`))
  const fuzzy: SearchHit[] =
    minScore < 100
      ? [...fuzzyEntityMatches(db, query, minScore)]
          .filter(([id]) => !found.has(`entity:${id}`))
          .map(([id, nameMatch]) => {
            const names = readEntityNames(db, id)!
            return {
              kind: 'entity' as const,
              id,
              name: names.primary,
              originalName: names.original,
              matchedField: nameMatch.field,
              matchedText: nameMatch.text,
              score: nameMatch.score,
              method: 'fuzzy' as const,
            }
          })
          .sort((a, b) => b.score - a.score)
      : []
  const entities = hits.filter(({ hit }) => hit.kind === 'entity').map(({ hit }) => hit)
  const reactions = hits.filter(({ hit }) => hit.kind === 'reaction').map(({ hit }) => hit)
  return [...entities, ...fuzzy, ...reactions].slice(0, limit)
}

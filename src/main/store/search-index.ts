import type Database from 'better-sqlite3'
import type { SearchHit, SearchRecordKind } from '../../shared/domain'
import {
  countMatchedTerms,
  ftsQueryFor,
  queryTerms,
  termCoverage,
  termsMatchedBy,
  type QueryTerm,
} from './search-text'
import { foldName, hasPinyinTable, nameSimilarity, readEntityNames } from './fuzzy-names'
import { fuzzyEntityMatches } from './fuzzy-index'
import { pinyinForIndex } from './pinyin-text'
import { EntityTexts } from './entity-texts'
import { entityIndexTexts, reactionIndexTexts, type EntityNames, type IndexTexts } from './index-texts'
import { statement } from './statement-cache'
import { flushRowBatches } from './row-batches'
import { stateOf } from './connection-state'

type Db = Database.Database

/**
 * One full-text row per record, one column per kind of text, most telling first. A hit ranks by the
 * first of these steps whose columns hold every term: a hit on the primary name comes before one in an
 * alias, both before one in a quote.
 */
const FIELD_STEPS: { columns: string; fields: FieldLabel[] }[] = [
  { columns: 'name', fields: ['name'] },
  { columns: 'name original', fields: ['original-script name'] },
  { columns: 'name original aliases', fields: ['alias', 'pinyin'] },
  { columns: 'name original aliases speaker', fields: ['speaker'] },
  { columns: 'name original aliases speaker quote', fields: ['quote'] },
]

/** What a search hit says matched. */
type FieldLabel = 'name' | 'original-script name' | 'alias' | 'pinyin' | 'speaker' | 'quote'

/**
 * Writes (or replaces) one record's row; call inside the transaction that changed the record. `isNew`:
 * the caller has just written the record for the first time, so it has no row yet to look for.
 */
function writeRow(
  db: Db,
  kind: SearchRecordKind,
  recordId: string,
  texts: IndexTexts | null,
  isNew = false,
): void {
  const existing = isNew
    ? undefined
    : (statement(db, 'SELECT id FROM search_entries WHERE kind = ? AND record_id = ?')
        .pluck()
        .get(kind, recordId) as number | undefined)
  const spellings = kind === 'entity' && hasPinyinTable(db)
  if (existing !== undefined) {
    statement(db, 'DELETE FROM search_index WHERE rowid = ?').run(existing)
    if (spellings) statement(db, 'DELETE FROM entity_pinyin WHERE entry = ?').run(existing)
  }
  if (!texts) {
    if (existing !== undefined) statement(db, 'DELETE FROM search_entries WHERE id = ?').run(existing)
    return
  }
  const rowid =
    existing ??
    Number(
      statement(db, 'INSERT INTO search_entries (kind, record_id) VALUES (?, ?)').run(kind, recordId)
        .lastInsertRowid,
    )
  statement(
    db,
    'INSERT INTO search_index (rowid, name, original, aliases, speaker, quote) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(rowid, texts.name, texts.original, texts.aliases, texts.speaker, texts.quote)
  // Fuzzy name matching compares the pinyin of Chinese names too: kept, as spelling them is slow.
  if (spellings && texts.spellings !== null)
    statement(db, 'INSERT INTO entity_pinyin (entry, spellings) VALUES (?, ?)').run(rowid, texts.spellings)
}

/**
 * Index writes waiting for the end of a batch. FTS5 flushes its pending terms at every statement
 * savepoint, so interleaving index writes with other writes (an upsert with ON CONFLICT opens one per
 * row) turns a bulk import into thousands of tiny segment flushes. Within `withDeferredIndexing` the
 * index is written once per record, in a few large runs (see WAITING_AT_MOST) and at the end; the
 * entities' texts (pinyin above all) are meanwhile computed by a worker thread when there are many
 * (see EntityTexts).
 */
export interface PendingIndex {
  /** By record id, in the order records were last written. */
  entities: Map<string, () => void>
  reactions: Map<string, () => void>
  entityTexts: EntityTexts
  /** The work's writes will be rolled back (a preview): its index writes are not made at all. */
  discard: boolean
}

/**
 * For work whose writes are rolled back, such as an import's preview: the index writes it would make
 * (full-text rows, and the pinyin they need and keep) are skipped, since nothing reads them before
 * the rollback and they are most of a large write's cost.
 */
export function withoutIndexWrites<T>(db: Db, work: () => T): T {
  const state = stateOf(db)
  if (state.pendingIndex)
    throw new Error('withoutIndexWrites inside deferred indexing: its writes would be lost')
  const batch: PendingIndex = {
    entities: new Map(),
    reactions: new Map(),
    entityTexts: new EntityTexts(0),
    discard: true,
  }
  state.pendingIndex = batch
  try {
    return work()
  } finally {
    state.pendingIndex = null
    batch.entityTexts.close()
  }
}

export function withDeferredIndexing<T>(
  db: Db,
  work: () => T,
  /** How many entities `work` will write, when the caller knows: many start the texts' worker at once. */
  expectedEntities = 0,
): T {
  const state = stateOf(db)
  if (state.pendingIndex) return work()
  const batch: PendingIndex = {
    entities: new Map(),
    reactions: new Map(),
    entityTexts: new EntityTexts(expectedEntities),
    discard: false,
  }
  state.pendingIndex = batch
  try {
    const result = work()
    writePending(db, batch)
    return result
  } finally {
    state.pendingIndex = null
    batch.entityTexts.close()
  }
}

/**
 * Index writes kept waiting at most; past this many, they are written. Each write ends a run of FTS5's
 * pending terms, so a few large runs cost little, and what waits (the writes and, in messages, the
 * worker's texts for them) stays bounded: at 100,000 entities the peak memory came out lower and
 * steadier than with every write left to the end.
 */
const WAITING_AT_MOST = 25_000

function writePending(db: Db, batch: PendingIndex): void {
  // Index rows may be read from the records' rows, which may still wait in a batch of their own.
  flushRowBatches(db)
  for (const write of batch.entities.values()) write()
  for (const write of batch.reactions.values()) write()
  batch.entityTexts.stopWhenAllTaken()
  batch.entities.clear()
  batch.reactions.clear()
}

function schedule(db: Db, kind: SearchRecordKind, id: string, write: () => void): void {
  const batch = stateOf(db).pendingIndex
  if (!batch) return write()
  if (batch.discard) return
  const writes = kind === 'entity' ? batch.entities : batch.reactions
  writes.delete(id)
  writes.set(id, write)
  if (writes.size >= WAITING_AT_MOST) writePending(db, batch)
}

/**
 * Indexes an entity from values the caller already holds (bulk writes avoid reading them back). `isNew`:
 * the caller has just written it for the first time.
 */
export function indexEntityText(db: Db, entityId: string, names: EntityNames, isNew: boolean): void {
  const batch = stateOf(db).pendingIndex
  if (batch?.discard) return
  const texts = batch?.entityTexts.request(names) ?? (() => entityIndexTexts(names))
  schedule(db, 'entity', entityId, () => writeRow(db, 'entity', entityId, texts(), isNew))
}

/** Re-reads one entity and replaces its row (or removes it when the entity is gone). */
export function indexEntity(db: Db, entityId: string): void {
  schedule(db, 'entity', entityId, () => reindexEntityNow(db, entityId))
}

function reindexEntityNow(db: Db, entityId: string): void {
  const names = readEntityNames(db, entityId)
  if (!names) return writeRow(db, 'entity', entityId, null)
  writeRow(
    db,
    'entity',
    entityId,
    entityIndexTexts({ name: names.primary, original: names.original, aliases: names.aliases }),
  )
}

function speakerOf(speaker: string | null, organisation: string | null): string {
  return [speaker, organisation].filter(Boolean).join(', ')
}

/** Re-reads one reaction and replaces its row (or removes it when the reaction is gone). */
export function indexReaction(db: Db, reactionId: string): void {
  schedule(db, 'reaction', reactionId, () => reindexReactionNow(db, reactionId))
}

/** Indexes a reaction from values the caller holds; `isNew` as for indexEntityText. */
export function indexReactionText(
  db: Db,
  reactionId: string,
  said: { speaker: string | null; organisation: string | null; text: string },
  isNew: boolean,
): void {
  schedule(db, 'reaction', reactionId, () =>
    writeRow(
      db,
      'reaction',
      reactionId,
      reactionIndexTexts(speakerOf(said.speaker, said.organisation), said.text),
      isNew,
    ),
  )
}

function reindexReactionNow(db: Db, reactionId: string): void {
  const reaction = statement(db, 'SELECT speaker, organisation, text FROM reactions WHERE id = ?').get(
    reactionId,
  ) as { speaker: string | null; organisation: string | null; text: string } | undefined
  if (!reaction) return writeRow(db, 'reaction', reactionId, null)
  writeRow(
    db,
    'reaction',
    reactionId,
    reactionIndexTexts(speakerOf(reaction.speaker, reaction.organisation), reaction.text),
  )
}

export function rebuildSearchIndex(db: Db): void {
  db.exec("INSERT INTO search_index (search_index) VALUES ('delete-all'); DELETE FROM search_entries")
  if (hasPinyinTable(db)) db.exec('DELETE FROM entity_pinyin')
  withDeferredIndexing(db, () => {
    for (const id of db.prepare('SELECT id FROM entities').pluck().all() as string[]) indexEntity(db, id)
    for (const id of db.prepare('SELECT id FROM reactions').pluck().all() as string[]) indexReaction(db, id)
  })
}

interface IndexRow {
  kind: SearchRecordKind
  record_id: string
}

const MATCHING_ROWS = `SELECT search_index.rowid AS id, e.kind, e.record_id
  FROM search_index JOIN search_entries e ON e.id = search_index.rowid
  WHERE search_index MATCH ? LIMIT ?`

/** Up to this many matches, bm25 picks which to rank: its cost grows with the matches. */
const BM25_MATCHES = 2_000
const BM25_WEIGHTS = '10.0, 8.0, 5.0, 2.0, 1.0'

/**
 * Up to `wanted` matching rows, to be ranked by the caller. When more match a query of several words,
 * bm25 (which weighs rare words above common ones, and counts repeated ones) picks them if there are
 * not too many; past that, and for one word, those matching in the more telling columns are taken
 * first, step by step, each step stopping as soon as it has enough rows.
 */
function matchingRows(db: Db, match: string, words: number, wanted: number): IndexRow[] {
  const all = statement(db, MATCHING_ROWS).all(match, wanted) as (IndexRow & { id: number })[]
  if (all.length < wanted) return all
  const matches =
    words < 2
      ? BM25_MATCHES
      : (statement(db, 'SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)')
          .pluck()
          .get(match, BM25_MATCHES) as number)
  if (matches < BM25_MATCHES)
    return statement(
      db,
      `SELECT e.kind, e.record_id FROM search_index JOIN search_entries e ON e.id = search_index.rowid
       WHERE search_index MATCH ? ORDER BY bm25(search_index, ${BM25_WEIGHTS}) LIMIT ?`,
    ).all(match, wanted) as IndexRow[]
  const rows: IndexRow[] = []
  const seen = new Set<number>()
  const take = (found: (IndexRow & { id: number })[]) => {
    for (const row of found) {
      if (rows.length >= wanted) return
      if (seen.has(row.id)) continue
      seen.add(row.id)
      rows.push(row)
    }
  }
  for (const { columns } of FIELD_STEPS.slice(0, -1)) {
    if (rows.length >= wanted) break
    // A step's rows include the earlier steps' rows: it asks for as many more as those.
    take(statement(db, MATCHING_ROWS).all(`{${columns}} : (${match})`, wanted + seen.size) as typeof all)
  }
  take(all)
  return rows
}

/** The first step whose fields' texts hold every term between them. */
function fieldStep(texts: Candidate[], terms: QueryTerm[]): number {
  const matched = new Set<QueryTerm>()
  for (let step = 0; step < FIELD_STEPS.length; step++) {
    for (const text of texts)
      if (FIELD_STEPS[step].fields.includes(text.field))
        for (const term of termsMatchedBy(text.match ?? text.text, terms)) matched.add(term)
    if (matched.size === terms.length) return step
  }
  return FIELD_STEPS.length
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
  const terms = queryTerms(query)
  const rows = matchingRows(db, match, terms.length, Math.max(limit * 4, 100))
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
    return {
      hit,
      exact,
      step: fieldStep(texts, terms),
      coverage: termCoverage(best.match ?? best.text, terms),
    }
  })
  hits.sort((a, b) => {
    if (a.hit.kind !== b.hit.kind) return a.hit.kind === 'entity' ? -1 : 1
    if (a.exact !== b.exact) return a.exact ? -1 : 1
    if (a.step !== b.step) return a.step - b.step
    // Then the text answering more of the typed words ("jiu jiu jiu" three times), and holding fewer
    // words besides: "Hikvision" before "Hikvision Digital Technology".
    return (
      b.coverage.matched - a.coverage.matched ||
      a.coverage.unmatched - b.coverage.unmatched ||
      a.hit.matchedText.length - b.hit.matchedText.length
    )
  })
  const found = new Set(hits.map(({ hit }) => `${hit.kind}:${hit.id}`))
  const fuzzy: SearchHit[] =
    minScore < 100
      ? // Entities found by words are left out of the fuzzy ones: enough are asked for to fill the list.
        [...fuzzyEntityMatches(db, query, minScore, limit + found.size)]
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

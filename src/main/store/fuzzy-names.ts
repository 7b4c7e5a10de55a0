import type Database from 'better-sqlite3'
import { recordsVersion } from './data-version'
import { stateOf } from './connection-state'
import { pinyinForIndex } from './pinyin-text'
import { decodeSpellings } from './index-texts'
import { foldToken } from './search-text'
import { statement } from './statement-cache'

type Db = Database.Database

/** A name folded for comparison: accents and case gone, punctuation to single spaces. */
export function foldName(text: string): string {
  // ASCII (most Latin names) is its own normal form and has no accents: the same result, sooner.
  if (!NOT_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  return foldToken(text.normalize('NFKC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const NOT_ASCII = /[\u0080-\uffff]/

/**
 * Jaro–Winkler similarity (0–1): the measure OFAC's Sanctions List Search and most name-screening tools
 * use. It forgives transposed and dropped letters ("Hikvison") and rewards a shared beginning.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1
  if (!a || !b) return 0
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1)
  const [matches, transpositions] =
    a.length <= 32 && b.length <= 32 ? matchShort(a, b, window) : matchWide(a, b, window)
  if (matches === 0) return 0
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3
  let prefix = 0
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/**
 * Jaro's matching: each letter of `a`, in order, takes the first unmatched equal letter of `b` within the
 * window; then the matched letters of both, in order, that differ (transpositions, counted twice). For
 * strings of any length, `b`'s positions as bits in words of 32: the first unmatched equal letter in the
 * window is the lowest bit of (positions of the letter ∧ window ∧ ¬matched), word by word across it.
 */
function matchWide(a: string, b: string, window: number): [number, number] {
  const words = (b.length + 31) >> 5
  // Each distinct letter of `b` gets a row of `words` words of bits (slotOf: its row, plus one).
  let rows = 0
  for (let j = 0; j < b.length; j++) {
    const code = b.charCodeAt(j)
    if (slotOf[code] === 0) slotOf[code] = ++rows
  }
  if (wideBits.length < rows * words) wideBits = new Int32Array(rows * words * 2)
  wideBits.fill(0, 0, rows * words)
  for (let j = 0; j < b.length; j++)
    wideBits[(slotOf[b.charCodeAt(j)] - 1) * words + (j >> 5)] |= 1 << (j & 31)
  if (bMatchedWide.length < words) bMatchedWide = new Int32Array(words * 2)
  bMatchedWide.fill(0, 0, words)
  const aMatched = scratch(a.length)
  let matches = 0
  for (let i = 0; i < a.length; i++) {
    const row = slotOf[a.charCodeAt(i)]
    const from = Math.max(0, i - window)
    const to = Math.min(b.length - 1, i + window)
    if (row === 0 || from > to) continue
    const base = (row - 1) * words
    for (let word = from >> 5; word <= to >> 5; word++) {
      let free = wideBits[base + word] & ~bMatchedWide[word]
      if (word === from >> 5) free &= -1 << (from & 31)
      if (word === to >> 5 && (to & 31) !== 31) free &= (1 << ((to & 31) + 1)) - 1
      if (free === 0) continue
      bMatchedWide[word] |= free & -free
      aMatched[i] = 1
      matches++
      break
    }
  }
  for (let j = 0; j < b.length; j++) slotOf[b.charCodeAt(j)] = 0
  let transpositions = 0
  let word = 0
  let rest = bMatchedWide[0]
  for (let i = 0; i < a.length; i++) {
    if (aMatched[i] === 0) continue
    while (rest === 0) rest = bMatchedWide[++word]
    const k = (word << 5) + 31 - Math.clz32(rest & -rest)
    rest &= rest - 1
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
  }
  return [matches, transpositions]
}

/** For matchWide: per character code of `b`, its row of bits plus one (0: not in `b`), and the rows. */
const slotOf = new Int32Array(65536)
let wideBits = new Int32Array(1024)
let bMatchedWide = new Int32Array(8)

/** Per character code, the positions of `b` holding it, as bits: only the codes of `b` are ever set. */
const positionsOf = new Int32Array(65536)

/**
 * The same matching for strings of at most 32 letters, one bit per letter of `b`: the first unmatched
 * equal letter in the window is the lowest bit of (positions of the letter ∧ window ∧ ¬matched), which
 * makes fuzzy search's many comparisons of short names several times faster than the loops above.
 */
function matchShort(a: string, b: string, window: number): [number, number] {
  for (let j = 0; j < b.length; j++) positionsOf[b.charCodeAt(j)] |= 1 << j
  let bMatched = 0
  let aMatched = 0
  let matches = 0
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window)
    const to = Math.min(b.length - 1, i + window)
    const inWindow = (to >= 31 ? -1 : (1 << (to + 1)) - 1) & ~((1 << from) - 1)
    const free = positionsOf[a.charCodeAt(i)] & inWindow & ~bMatched
    if (free === 0) continue
    bMatched |= free & -free
    aMatched |= 1 << i
    matches++
  }
  for (let j = 0; j < b.length; j++) positionsOf[b.charCodeAt(j)] = 0
  let transpositions = 0
  let rest = bMatched
  for (let i = 0; i < a.length; i++) {
    if ((aMatched & (1 << i)) === 0) continue
    const k = 31 - Math.clz32(rest & -rest)
    rest &= rest - 1
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++
  }
  return [matches, transpositions]
}

/**
 * A zeroed flag array reused by every wide comparison: a search scores thousands of name forms per
 * keystroke, and allocating one for each was most of its cost.
 */
let flags = new Uint8Array(256)
function scratch(length: number): Uint8Array {
  if (flags.length < length) flags = new Uint8Array(length * 2)
  flags.fill(0, 0, length)
  return flags
}

export interface NameMatch {
  /** 0–100: 100 is the same name once case, accents and punctuation are set aside. */
  score: number
  /** "name", "original-script name", "alias" or "pinyin". */
  field: string
  text: string
}

export interface NameForm {
  field: string
  text: string
  folded: string
}

/**
 * How well a typed query matches one name: the best of the whole name, the name without spaces ("Sense
 * Time" and "SenseTime"), and every run of as many words as the query has ("Megvi" against "Megvii" in
 * "Megvii Technology").
 */
export function nameSimilarity(query: string, name: string): number {
  let best = Math.max(jaroWinkler(query, name), jaroWinkler(query.replace(/ /g, ''), name.replace(/ /g, '')))
  // Every run of as many words as the query has, as a substring of the name (folded names have single
  // spaces between words).
  const queryWords = wordCount(query)
  const starts = [0]
  for (let at = name.indexOf(' '); at !== -1; at = name.indexOf(' ', at + 1)) starts.push(at + 1)
  for (let i = 0; i + queryWords <= starts.length; i++) {
    const end = i + queryWords < starts.length ? starts[i + queryWords] - 1 : name.length
    best = Math.max(best, jaroWinkler(query, name.slice(starts[i], end)))
  }
  return best
}

function wordCount(text: string): number {
  let count = 1
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) count++
  return count
}

/** The forms of one entity's names that fuzzy matching compares: names, aliases and their pinyin. */
export function nameForms(
  primary: string,
  original: string | null,
  aliases: string[],
  /** The pinyin of each Chinese name, when the caller has it already (indexing computes it once). */
  pinyin: Map<string, string | null> = new Map(),
): NameForm[] {
  const forms: NameForm[] = []
  eachNameForm(primary, original, aliases, pinyin, (folded, field, text) =>
    forms.push({ field, text, folded }),
  )
  return forms
}

/** The same forms in the same order, each handed to `visit` (the fuzzy index keeps only the folded text). */
export function eachNameForm(
  primary: string,
  original: string | null,
  aliases: string[],
  pinyin: Map<string, string | null>,
  visit: (folded: string, field: string, text: string) => void,
): void {
  visit(foldName(primary), 'name', primary)
  if (original) visit(foldName(original), 'original-script name', original)
  for (const alias of aliases) visit(foldName(alias), 'alias', alias)
  for (const name of [original, ...aliases]) {
    if (!name) continue
    const spelled = pinyin.has(name) ? pinyin.get(name)! : pinyinForIndex(name)
    if (spelled) visit(spelled.slice(0, spelled.lastIndexOf(' ')), 'pinyin', name)
  }
}

/** The best-scoring form of an entity's names for the query. */
export function bestNameMatch(query: string, forms: NameForm[]): NameMatch {
  const folded = foldName(query)
  let best: NameMatch = { score: 0, field: forms[0].field, text: forms[0].text }
  for (const form of forms) {
    const score = Math.round(nameSimilarity(folded, form.folded) * 100)
    if (score > best.score) best = { score, field: form.field, text: form.text }
  }
  return best
}

/** Whether the store keeps its Chinese names' pinyin yet (migrations before 16 run without it). */
export function hasPinyinTable(db: Db): boolean {
  const state = stateOf(db)
  if (state.pinyinTableSeen) return true
  const found = statement(db, "SELECT 1 FROM sqlite_schema WHERE name = 'entity_pinyin'").get() !== undefined
  if (found) state.pinyinTableSeen = true
  return found
}

/** The pinyin indexing kept for an entity's Chinese names (an empty map when it has none kept). */
function keptSpellings(db: Db, id: string): Map<string, string> {
  if (!hasPinyinTable(db)) return new Map()
  const kept = statement(
    db,
    `SELECT p.spellings FROM search_entries se JOIN entity_pinyin p ON p.entry = se.id
     WHERE se.kind = 'entity' AND se.record_id = ?`,
  )
    .pluck()
    .get(id) as string | undefined
  return kept === undefined ? new Map() : decodeSpellings(kept)
}

/** An entity's names as stored: primary, original-script and aliases in order; null when it is gone. */
export function readEntityNames(
  db: Db,
  id: string,
): { primary: string; original: string | null; aliases: string[] } | null {
  const entity = statement(db, 'SELECT primary_name, original_name FROM entities WHERE id = ?').get(id) as
    { primary_name: string; original_name: string | null } | undefined
  if (!entity) return null
  const aliases = statement(db, 'SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[]
  return { primary: entity.primary_name, original: entity.original_name, aliases }
}

/** How many entities' name forms are kept between searches (a few screens of typing). */
const FORMS_KEPT = 5_000

/**
 * An entity's name forms (names, aliases, their pinyin) for scoring, kept for the store's current
 * records: typing "B", "Be", "Bei" scores mostly the same entities, whose names are then read and
 * spelled in pinyin once. Null when the entity is gone.
 */
export function entityNameForms(db: Db, id: string): NameForm[] | null {
  // Any change through this connection counts too (total_changes): a stale name costs more than a reread.
  const version = `${recordsVersion(db)}:${statement(db, 'SELECT total_changes()').pluck().get() as number}`
  const state = stateOf(db)
  let kept = state.nameForms
  if (!kept || kept.version !== version) {
    kept = { version, forms: new Map() }
    state.nameForms = kept
  }
  let forms = kept.forms.get(id)
  if (forms === undefined) {
    const names = readEntityNames(db, id)
    forms = names ? nameForms(names.primary, names.original, names.aliases, keptSpellings(db, id)) : null
    if (kept.forms.size >= FORMS_KEPT) kept.forms.clear()
    kept.forms.set(id, forms)
  }
  return forms
}

import { chineseScriptVariants } from './chinese-script'

/**
 * Text preparation for the full-text index. SQLite's unicode61 tokenizer folds case and (with
 * remove_diacritics 2) accents, but it treats a run of Han characters as one token, so "云从" would not
 * match "云从科技". We therefore index every CJK character as its own token and turn a CJK query into a
 * phrase of adjacent characters: a substring match of any length, one character included.
 */

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const CJK_CHAR_GLOBAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
// Mirrors unicode61's notion of a token: letters, digits and combining marks.
const WORD = /[\p{L}\p{N}\p{M}]+/gu

const NOT_PLAIN_ASCII = /[^ -~\t\n]/

/** The form stored in the index: NFKC-normalised, every CJK character surrounded by spaces. */
export function textForIndex(text: string): string {
  // Plain ASCII (most Latin names) is its own NFKC form and holds no CJK: kept as it is.
  if (!NOT_PLAIN_ASCII.test(text)) return text
  return text.normalize('NFKC').replace(CJK_CHAR_GLOBAL, (char) => ` ${char} `)
}

/**
 * A query term: a Latin word matched as a prefix, or CJK characters that must stand side by side, in
 * any of their script variants (simplified or traditional, see chinese-script.ts).
 */
export type QueryTerm =
  { kind: 'prefix'; token: string } | { kind: 'phrase'; tokens: string[]; variants: string[][] }

/** Case- and accent-folded, as unicode61 with remove_diacritics folds them. */
export function foldToken(token: string): string {
  return token.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The terms of what a user typed; FTS syntax characters are simply not part of any term. */
export function queryTerms(query: string): QueryTerm[] {
  const terms: QueryTerm[] = []
  for (const word of query.normalize('NFKC').match(WORD) ?? []) {
    let latin = ''
    let cjk: string[] = []
    const flushLatin = () => {
      if (latin) terms.push({ kind: 'prefix', token: latin })
      latin = ''
    }
    const flushCjk = () => {
      if (cjk.length > 0) {
        const variants = chineseScriptVariants(cjk.join('')).map((variant) => [...variant])
        terms.push({ kind: 'phrase', tokens: cjk, variants })
      }
      cjk = []
    }
    for (const char of word) {
      if (CJK_CHAR.test(char)) {
        flushLatin()
        cjk.push(char)
      } else {
        flushCjk()
        latin += char
      }
    }
    flushLatin()
    flushCjk()
  }
  return terms
}

/**
 * Turns what a user typed into a safe FTS5 MATCH expression, or null when nothing searchable remains.
 * Every term is quoted, so FTS5 operators typed by a user are searched for, never executed.
 */
export function ftsQueryFor(query: string): string | null {
  const terms = ftsTermsFor(query)
  // An explicit AND: FTS5 joins phrases implicitly, but not a parenthesised group of script variants.
  return terms.length === 0 ? null : terms.join(' AND ')
}

/**
 * The same expression, one FTS5 term per typed word: ftsQueryFor is their implicit AND, so the rows it
 * matches are exactly those every term matches, which lets a search combine hits found term by term.
 */
export function ftsTermsFor(query: string): string[] {
  return queryTerms(query).map((term) => {
    if (term.kind === 'prefix') return `"${term.token}"*`
    const phrases = term.variants.map((tokens) => `"${tokens.join(' ')}"`)
    return phrases.length === 1 ? phrases[0] : `(${phrases.join(' OR ')})`
  })
}

function tokensOf(text: string): string[] {
  return (textForIndex(text).match(WORD) ?? []).map(foldToken)
}

/**
 * Where a term lies among a text's tokens (its first token and how many), skipping tokens marked
 * `used`; null when it is not there. A prefix term matches a token's start, a phrase whole tokens.
 */
function findTerm(
  tokens: string[],
  term: QueryTerm,
  used?: Uint8Array,
): { at: number; length: number } | null {
  const phrases =
    term.kind === 'prefix'
      ? [[foldToken(term.token)]]
      : term.variants.map((variant) => variant.map(foldToken))
  for (const phrase of phrases)
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      const fits = phrase.every(
        (part, j) =>
          !used?.[i + j] &&
          (term.kind === 'prefix' ? tokens[i + j].startsWith(part) : tokens[i + j] === part),
      )
      if (fits) return { at: i, length: phrase.length }
    }
  return null
}

/** The terms one text matches, by the same rules as the index (to say why and how well a row matched). */
export function termsMatchedBy(text: string, terms: QueryTerm[]): QueryTerm[] {
  const tokens = tokensOf(text)
  return terms.filter((term) => findTerm(tokens, term) !== null)
}

export function countMatchedTerms(text: string, terms: QueryTerm[]): number {
  return termsMatchedBy(text, terms).length
}

/**
 * How closely a text answers the query: how many of the typed terms it matches when each of its words
 * may answer one term only ("jiu jiu jiu" needs three), and how many of its words answer none.
 */
export function termCoverage(text: string, terms: QueryTerm[]): { matched: number; unmatched: number } {
  const tokens = tokensOf(text)
  const used = new Uint8Array(tokens.length)
  let matched = 0
  let usedCount = 0
  for (const term of terms) {
    const found = findTerm(tokens, term, used)
    if (!found) continue
    used.fill(1, found.at, found.at + found.length)
    usedCount += found.length
    matched++
  }
  return { matched, unmatched: tokens.length - usedCount }
}

/**
 * Text preparation for the full-text index. SQLite's unicode61 tokenizer folds case and (with
 * remove_diacritics 2) accents, but it treats a run of Han characters as one token, so "云从" would not
 * match "云从科技". We therefore index every CJK character as its own token and turn a CJK query into a
 * phrase of adjacent characters: a substring match of any length, one character included.
 */

// Han, Hiragana, Katakana, Hangul, and CJK compatibility/extension blocks.
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const CJK_CHAR_GLOBAL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu
// Mirrors unicode61's notion of a token: letters, digits and combining marks.
const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** The form stored in the index: NFKC-normalised, every CJK character surrounded by spaces. */
export function textForIndex(text: string): string {
  return text.normalize('NFKC').replace(CJK_CHAR_GLOBAL, (char) => ` ${char} `)
}

/**
 * Turns what a user typed into a safe FTS5 MATCH expression, or null when nothing searchable remains.
 * Latin words become prefix terms ("hik" finds Hikvision); CJK runs become phrases of single characters.
 * Every term is quoted, so FTS5 operators typed by a user are searched for, never executed.
 */
export function ftsQueryFor(query: string): string | null {
  const words = query.normalize('NFKC').match(WORD) ?? []
  const terms: string[] = []
  for (const word of words) {
    let latinRun = ''
    const flushLatin = () => {
      if (latinRun) terms.push(`"${latinRun}"*`)
      latinRun = ''
    }
    let cjkRun: string[] = []
    const flushCjk = () => {
      if (cjkRun.length > 0) terms.push(`"${cjkRun.join(' ')}"`)
      cjkRun = []
    }
    for (const char of word) {
      if (CJK_CHAR.test(char)) {
        flushLatin()
        cjkRun.push(char)
      } else {
        flushCjk()
        latinRun += char
      }
    }
    flushLatin()
    flushCjk()
  }
  return terms.length > 0 ? terms.join(' ') : null
}

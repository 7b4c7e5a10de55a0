/**
 * What one search needs to know of the query, worked out once per search, and of each vocabulary word
 * the first time a comparison reads it: how many of its letters the query has, and the beginning it
 * shares with the query.
 */
export class QueryScan {
  readonly noSpace: string
  readonly queryWords: number
  /**
   * Per vocabulary word, how many of its letters the query has too (with repetition): UNKNOWN until
   * sharedOf counts it (read here first by the hot loops, which call sharedOf only then).
   */
  readonly shared: Uint16Array
  /** Per vocabulary word, the beginning it shares with the query [2w] and without spaces [2w + 1]: -1 until prefixOf. */
  readonly prefixes: Int8Array
  /** The kinds of letter the query holds (see kindBit). */
  private readonly queryKinds: number
  /** Per character code, the query's count (what is left of it while counting: see countLetters). */
  private readonly counts = new Int32Array(65536)
  /**
   * The query's letters per combination of kinds, a table per byte of the kinds (see mostShared): with
   * its spaces, and without.
   */
  private readonly kindSums: Int32Array
  private readonly bareKindSums: Int32Array

  constructor(
    private readonly vocabulary: string[],
    private readonly wordKinds: Int32Array,
    readonly query: string,
  ) {
    this.noSpace = query.replace(/ /g, '')
    this.queryWords = query.split(' ').length
    this.queryKinds = kindsOf(this.noSpace)
    for (let i = 0; i < this.noSpace.length; i++) this.counts[this.noSpace.charCodeAt(i)]++
    this.kindSums = sumsByKinds(query)
    this.bareKindSums = sumsByKinds(this.noSpace)
    this.shared = new Uint16Array(vocabulary.length).fill(UNKNOWN)
    this.prefixes = new Int8Array(vocabulary.length * 2).fill(-1)
  }

  /**
   * The most letters a string holding the given kinds of letter (see kindBit) can have in common with
   * the query (`bare`: without its spaces), without reading it: the query's letters of those kinds,
   * summed from four tables of 256, one per byte of the kinds.
   */
  mostShared(kinds: number, bare: boolean): number {
    const sums = bare ? this.bareKindSums : this.kindSums
    return (
      sums[kinds & 255] +
      sums[256 + ((kinds >>> 8) & 255)] +
      sums[512 + ((kinds >>> 16) & 255)] +
      sums[768 + (kinds >>> 24)]
    )
  }

  /** How many of the word's letters the query has too (with repetition), counted on first use. */
  sharedOf(word: number): number {
    let shared = this.shared[word]
    if (shared === UNKNOWN) {
      // A word with no kind of letter the query has (a number, most often) is not read.
      if ((this.wordKinds[word] & this.queryKinds) === 0) shared = 0
      else {
        nextStamp()
        shared = this.countLetters(this.vocabulary[word])
      }
      this.shared[word] = shared
    }
    return shared
  }

  /**
   * The most letters (up to four) a string beginning with the word can share with the beginning of the
   * query (`noSpace`: without its spaces): what they share, or four when the word is all of a shorter
   * shared beginning (what follows it may share more).
   */
  prefixOf(word: number, noSpace: boolean): number {
    const at = word * 2 + (noSpace ? 1 : 0)
    let prefix = this.prefixes[at]
    if (prefix === -1) {
      const text = this.vocabulary[word]
      const query = noSpace ? this.noSpace : this.query
      prefix = 0
      while (prefix < 4 && prefix < text.length && prefix < query.length && text[prefix] === query[prefix])
        prefix++
      if (prefix === text.length && prefix < 4) prefix = 4
      this.prefixes[at] = prefix
    }
    return prefix
  }

  /** Letters of `text` the query has and the strings counted since the last stamp have not taken. */
  private countLetters(text: string): number {
    let common = 0
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j)
      if (stamp[code] !== stampNow) {
        stamp[code] = stampNow
        left[code] = this.counts[code]
      }
      if (left[code] > 0) {
        left[code]--
        common++
      }
    }
    return common
  }
}

/**
 * The score a comparison of a query of `queryLength` with a string of `length`, holding at most `common`
 * of its letters and sharing a beginning of at most `prefix` letters, cannot exceed: Jaro is at most
 * (m/|q| + m/length + 1) / 3 with m, the letters matched, at most the common letters and the shorter
 * length; Winkler adds prefix · 0.1 · (1 − Jaro). Rounded as scores are, with a hair added so that
 * floating point never puts a bound below the similarity it bounds.
 */
export function boundScore(queryLength: number, length: number, common: number, prefix: number): number {
  const matches = Math.min(common, queryLength, length)
  if (matches <= 0) return 0
  const jaro = (matches / queryLength + matches / length + 1) / 3
  return Math.round((jaro + prefix * 0.1 * (1 - jaro)) * 100 + 1e-7)
}

/**
 * While one string is counted, what is left of each of the query's letters, valid where `stamp` holds
 * the current count's number: shared by every search (one counts at a time), so that a search does not
 * clear two arrays of 65,536 to begin.
 */
const left = new Int32Array(65536)
const stamp = new Int32Array(65536)
let stampNow = 0

/** Begins a count: a new number in `stamp` (back to 1, with `stamp` cleared, before it overflows). */
function nextStamp(): void {
  if (stampNow === 0x7fffffff) {
    stamp.fill(0)
    stampNow = 0
  }
  stampNow++
}

export const UNKNOWN = 0xffff

/** In a table of fewest letters in common: no number of letters in common can reach the score. */
export const NEVER = 0x7fff

/**
 * For a query of `queryLength`, per shared beginning ℓ (0–4) and string length L below `lengths`, the
 * fewest letters in common with which boundScore reaches `minScore` (at [ℓ · lengths + L]), or NEVER:
 * so that a pass over every form compares a sum with a table instead of working out a bound.
 */
export function fewestInCommon(queryLength: number, minScore: number, lengths: number): Int16Array {
  const table = new Int16Array(5 * lengths).fill(NEVER)
  for (let prefix = 0; prefix <= 4; prefix++)
    for (let length = 1; length < lengths; length++) {
      let low = 1
      let high = Math.min(queryLength, length)
      if (boundScore(queryLength, length, high, prefix) < minScore) continue
      // The bound grows with the letters in common: the least reaching the score, by halving.
      while (low < high) {
        const middle = (low + high) >> 1
        if (boundScore(queryLength, length, middle, prefix) >= minScore) high = middle
        else low = middle + 1
      }
      table[prefix * lengths + length] = low
    }
  return table
}

/** The kind of a character, one of 32 bits: a–z each their own, digits one, space one, others by code. */
function kindBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97)
  if (code >= 48 && code <= 57) return 1 << 26
  if (code === 32) return 1 << 27
  return 1 << (28 + (code & 3))
}

/** Per combination of kinds, how many of the text's characters are of them: four tables of 256. */
function sumsByKinds(text: string): Int32Array {
  const byKind = new Int32Array(32)
  for (let i = 0; i < text.length; i++) byKind[31 - Math.clz32(kindBit(text.charCodeAt(i)))]++
  const sums = new Int32Array(1024)
  for (let byte = 0; byte < 4; byte++)
    for (let value = 1; value < 256; value++) {
      const lowest = value & -value
      sums[byte * 256 + value] =
        sums[byte * 256 + (value ^ lowest)] + byKind[byte * 8 + 31 - Math.clz32(lowest)]
    }
  return sums
}

/** The kind of a space (see kindBit). */
export const SPACE_KIND = 1 << 27

export function kindsOf(text: string): number {
  let kinds = 0
  for (let i = 0; i < text.length; i++) kinds |= kindBit(text.charCodeAt(i))
  return kinds
}

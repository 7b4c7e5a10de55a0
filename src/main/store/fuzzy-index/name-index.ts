import { jaroWinkler } from '../fuzzy-names'

/** An index as it crosses between threads (ids and words have no line breaks: folded names none). */
export interface IndexParts {
  ids: string
  vocabulary: string
  firstForm: Int32Array
  formEntity: Int32Array
  firstWord: Int32Array
  words: Int32Array
}

/** One entity whose best name form reaches the minimum score. */
export interface FuzzyHit {
  /** The entity's place in the index (see `ids`). */
  entity: number
  score: number
  /** The first of its forms with that score, as bestNameMatch chooses it. */
  form: number
}

/**
 * Every name form of every entity, kept as words of one vocabulary, so that a fuzzy search scores only
 * the comparisons that can reach the minimum score, and provably every one of them: the result is the
 * same as scoring every form with nameSimilarity (docs/search.md, "Why nothing is missed").
 *
 * A comparison is skipped only when an upper bound of its Jaro–Winkler similarity cannot reach the score
 * it would need (the minimum, or the entity's best so far): Jaro ≤ (m/|a| + m/|b| + 1) / 3, where m, the
 * letters matched, is at most the shorter length and at most the letters the two strings have in common
 * counted with repetition; Winkler's bonus is at most that of the beginning the two share. A form's
 * length and first letter rule out most whole-name comparisons without reading the form; letters in
 * common are counted once per vocabulary word and summed over a form's words; a one-word query is
 * scored once per vocabulary word, and reaches the forms holding the word through its postings.
 */
export class FuzzyNameIndex {
  /** Per form, its length with spaces, and its first character's code (0 for an empty form). */
  private readonly formLength: Uint16Array
  private readonly formFirst: Uint16Array
  private readonly wordLength: Uint16Array
  /** Per vocabulary word, the kinds of letter it holds, one bit each (see kindBit). */
  private readonly wordKinds: Int32Array
  private readonly wordFirst: Uint16Array
  /** The forms holding vocabulary word w: postingForms[postingStart[w] .. postingStart[w + 1]). */
  private readonly postingStart: Int32Array
  private readonly postingForms: Int32Array

  /** Made by a FuzzyIndexBuilder (FuzzyNameIndex.builder()). */
  constructor(
    readonly ids: string[],
    /** Entity e's forms are firstForm[e] .. firstForm[e + 1] - 1, in the order that breaks a tie. */
    private readonly firstForm: Int32Array,
    private readonly formEntity: Int32Array,
    /** Form f's words are words[firstWord[f] .. firstWord[f + 1]), as places in the vocabulary. */
    private readonly firstWord: Int32Array,
    private readonly words: Int32Array,
    private readonly vocabulary: string[],
  ) {
    this.wordLength = Uint16Array.from(vocabulary, (word) => Math.min(word.length, 65535))
    this.wordKinds = Int32Array.from(vocabulary, kindsOf)
    this.wordFirst = Uint16Array.from(vocabulary, (word) => word.charCodeAt(0) || 0)
    const forms = formEntity.length
    this.formLength = new Uint16Array(forms)
    this.formFirst = new Uint16Array(forms)
    const postingCount = new Int32Array(vocabulary.length + 1)
    const lastForm = new Int32Array(vocabulary.length).fill(-1)
    for (let form = 0; form < forms; form++) {
      let length = firstWord[form + 1] - firstWord[form] - 1
      for (let i = firstWord[form]; i < firstWord[form + 1]; i++) {
        length += this.wordLength[words[i]]
        if (lastForm[words[i]] !== form) postingCount[words[i] + 1]++
        lastForm[words[i]] = form
      }
      this.formLength[form] = Math.min(length, 65535)
      this.formFirst[form] = vocabulary[words[firstWord[form]]].charCodeAt(0) || 0
    }
    for (let w = 0; w < vocabulary.length; w++) postingCount[w + 1] += postingCount[w]
    this.postingStart = postingCount
    this.postingForms = new Int32Array(postingCount[vocabulary.length])
    const filled = postingCount.slice(0, vocabulary.length)
    lastForm.fill(-1)
    for (let form = 0; form < forms; form++)
      for (let i = firstWord[form]; i < firstWord[form + 1]; i++) {
        const word = words[i]
        if (lastForm[word] === form) continue
        lastForm[word] = form
        this.postingForms[filled[word]++] = form
      }
  }

  static builder(): FuzzyIndexBuilder {
    return new FuzzyIndexBuilder()
  }

  /**
   * What another thread needs to make the same index (FuzzyNameIndex.fromParts): its own data, the
   * strings joined into one each (cloning one string is a copy, cloning 200,000 is slow), without what
   * the constructor derives.
   */
  parts(): { parts: IndexParts; transfer: ArrayBuffer[] } {
    const arrays = [this.firstForm, this.formEntity, this.firstWord, this.words]
    return {
      parts: {
        ids: this.ids.join('\n'),
        vocabulary: this.vocabulary.join('\n'),
        firstForm: this.firstForm,
        formEntity: this.formEntity,
        firstWord: this.firstWord,
        words: this.words,
      },
      transfer: arrays.map((array) => array.buffer as ArrayBuffer),
    }
  }

  static fromParts(parts: IndexParts): FuzzyNameIndex {
    const split = (joined: string) => (joined === '' ? [] : joined.split('\n'))
    return new FuzzyNameIndex(
      split(parts.ids),
      parts.firstForm,
      parts.formEntity,
      parts.firstWord,
      parts.words,
      // An empty word (a form with none) is a line of its own: only the index's last line can be lost.
      parts.vocabulary.split('\n'),
    )
  }

  get formCount(): number {
    return this.formEntity.length
  }

  get wordCount(): number {
    return this.vocabulary.length
  }

  /** The form's place among its entity's forms. */
  ordinalOf(form: number): number {
    return form - this.firstForm[this.formEntity[form]]
  }

  /** The form as folded text (its words with single spaces). */
  private textOf(form: number): string {
    return this.run(form, 0, this.firstWord[form + 1] - this.firstWord[form], ' ')
  }

  /** Bytes held, roughly: typed arrays at their size, strings at two bytes a character and 40 each. */
  get bytes(): number {
    let strings = 0
    for (const word of this.vocabulary) strings += 40 + 2 * word.length
    for (const id of this.ids) strings += 40 + 2 * id.length
    const arrays = [
      this.firstForm,
      this.formEntity,
      this.firstWord,
      this.words,
      this.formLength,
      this.formFirst,
      this.wordLength,
      this.postingStart,
      this.postingForms,
    ]
    return strings + arrays.reduce((sum, array) => sum + array.byteLength, 0)
  }

  /**
   * The entities with a form scoring at least `minScore` against `query` (folded, as foldName gives it),
   * in index order, each with its best score and the first form that has it. With a `limit`, only the
   * entities that would be first after sorting every one by score (stable in index order) and keeping
   * `limit`: those no `limit` others outscore.
   */
  search(query: string, minScore: number, limit = Infinity): FuzzyHit[] {
    const found = new Found(this.ids.length, minScore, limit)
    const scan = new QueryScan(this.vocabulary, this.wordLength, this.wordKinds, query, minScore)
    // A one-word query: each word that can score is scored once, and counts for every form holding it.
    for (const word of scan.scoredWords()) {
      const score = scan.wordScore(word)
      if (score < found.floor) break
      for (let p = this.postingStart[word]; p < this.postingStart[word + 1]; p++) {
        const form = this.postingForms[p]
        found.offer(this.formEntity[form], form, score)
      }
    }
    for (let form = 0; form < this.formEntity.length; form++) this.scanForm(form, scan, found)
    return found.hits()
  }

  /** The whole name, the name without spaces, and (several-word queries) each run of words of a form. */
  private scanForm(form: number, scan: QueryScan, found: Found): void {
    const entity = this.formEntity[form]
    const needed = found.needed(entity, form)
    if (needed > 100) return
    const { words, firstWord } = this
    const from = firstWord[form]
    const count = firstWord[form + 1] - from
    const { queryWords } = scan
    const length = this.formLength[form]
    const sameStart = this.formFirst[form] === scan.first
    // A one-word form against a one-word query is that word, scored with the vocabulary.
    const wholeMay = (count > 1 || queryWords > 1) && scan.lengthMayReach(false, length, sameStart, needed)
    const noSpaceMay =
      (count > 1 || queryWords > 1) && scan.lengthMayReach(true, length - count + 1, sameStart, needed)
    const runsMay = queryWords > 1 && count > queryWords
    if (!wholeMay && !noSpaceMay && !runsMay) return
    let common = 0
    for (let i = from; i < from + count; i++) common += scan.sharedOf(words[i])
    let similarity = 0
    if (wholeMay && this.mayScore(scan, false, form, 0, count, length, common, needed))
      similarity = jaroWinkler(scan.query, this.textOf(form))
    if (noSpaceMay && this.mayScore(scan, true, form, 0, count, length - count + 1, common, needed))
      similarity = Math.max(similarity, jaroWinkler(scan.noSpace, this.run(form, 0, count, '')))
    if (runsMay) similarity = Math.max(similarity, this.bestRun(form, scan, needed))
    found.offer(entity, form, Math.round(similarity * 100))
  }

  /** The best similarity of the query to a run of as many words as it has, among those that can score. */
  private bestRun(form: number, scan: QueryScan, needed: number): number {
    const { words, wordLength, wordFirst } = this
    const { jaroNeeded, first } = scan
    const queryLength = scan.query.length
    const from = this.firstWord[form]
    const count = this.firstWord[form + 1] - from
    const runWords = scan.queryWords
    let best = 0
    let letters = 0
    let common = runWords - 1
    for (let i = 0; i < count; i++) {
      letters += wordLength[words[from + i]]
      common += scan.sharedOf(words[from + i])
      if (i < runWords - 1) continue
      const start = i - runWords + 1
      const length = letters + runWords - 1
      const atLeast = Math.max(needed, Math.round(best * 100) + 1)
      // The bound with the most the beginning can give (none unless the first letters are the same),
      // worked out here: most runs end at it.
      const matches = Math.min(common, queryLength, length)
      const jaro = (matches / queryLength + matches / length + 1) / 3
      const mostPrefix = wordFirst[words[from + start]] === first ? 4 : 0
      if (
        matches > 0 &&
        jaro >= jaroNeeded[atLeast * 5 + mostPrefix] &&
        this.mayScore(scan, false, form, start, runWords, length, common - runWords + 1, atLeast)
      )
        best = Math.max(
          best,
          scan.runSimilarity(words, from + start, () => this.run(form, start, runWords, ' ')),
        )
      letters -= wordLength[words[from + start]]
      common -= scan.sharedOf(words[from + start])
    }
    return best
  }

  /**
   * Whether comparing the query (or, `noSpace`, the query without spaces) with `count` words from
   * `start` of a form — `length` characters, at most `common` letters of the query summed word by word —
   * can score `needed`. Bounded first with the best beginning, then with the one they share, then with
   * the letters they have in common counted over the whole string (a letter found in several words is
   * counted once per word in `common`).
   */
  private mayScore(
    scan: QueryScan,
    noSpace: boolean,
    form: number,
    start: number,
    count: number,
    length: number,
    common: number,
    needed: number,
  ): boolean {
    const query = noSpace ? scan.noSpace : scan.query
    // Spaces in common: as many as the shorter has.
    const spaces = noSpace ? 0 : Math.min(count, scan.queryWords) - 1
    if (scan.bound(query, length, common + spaces, 4) < needed) return false
    const prefix = this.prefix(form, start, query, noSpace ? '' : ' ')
    if (scan.bound(query, length, common + spaces, prefix) < needed) return false
    const from = this.firstWord[form] + start
    const exact = scan.lettersInCommon(this.vocabulary, this.words, from, from + count)
    return scan.bound(query, length, exact + spaces, prefix) >= needed
  }

  /** Words start .. start + count of a form, joined. */
  private run(form: number, start: number, count: number, joiner: string): string {
    const from = this.firstWord[form] + start
    let text = this.vocabulary[this.words[from]]
    for (let i = from + 1; i < from + count; i++) text += joiner + this.vocabulary[this.words[i]]
    return text
  }

  /** How many of the first four letters of the form's words from `start`, joined, begin `query`. */
  private prefix(form: number, start: number, query: string, joiner: string): number {
    const end = this.firstWord[form + 1]
    let shared = 0
    for (let i = this.firstWord[form] + start; i < end; i++) {
      if (i > this.firstWord[form] + start && joiner) {
        if (shared >= 4 || shared >= query.length || query.charCodeAt(shared) !== 32) return shared
        shared++
      }
      const word = this.vocabulary[this.words[i]]
      for (let j = 0; j < word.length; j++) {
        if (shared >= 4 || shared >= query.length || query.charCodeAt(shared) !== word.charCodeAt(j))
          return shared
        shared++
      }
    }
    return shared
  }
}

/**
 * The entities found so far with their best score and the first form that has it, and the score a
 * comparison needs to count: the minimum, the entity's best (an equal score only on an earlier form),
 * and with a limit the score `limit` entities already reach (below it no entity can be among the first).
 */
class Found {
  private readonly best: Int8Array
  private readonly bestForm: Int32Array
  private readonly touched: number[] = []
  /** How many entities have each best score, to find the limit's floor. */
  private readonly withScore = new Int32Array(101)
  floor: number

  constructor(
    entities: number,
    minScore: number,
    private readonly limit: number,
  ) {
    this.best = new Int8Array(entities).fill(-1)
    this.bestForm = new Int32Array(entities)
    this.floor = minScore
  }

  needed(entity: number, form: number): number {
    const best = this.best[entity]
    if (best === -1) return this.floor
    return Math.max(this.floor, form < this.bestForm[entity] ? best : best + 1)
  }

  offer(entity: number, form: number, score: number): void {
    if (score < this.floor) return
    const best = this.best[entity]
    if (best === -1) this.touched.push(entity)
    else if (score < best || (score === best && form > this.bestForm[entity])) return
    else this.withScore[best]--
    this.best[entity] = score
    this.bestForm[entity] = form
    this.withScore[score]++
    if (this.limit !== Infinity) this.raiseFloor()
  }

  private raiseFloor(): void {
    let reaching = 0
    for (let score = 100; score > this.floor; score--) {
      reaching += this.withScore[score]
      if (reaching >= this.limit) {
        this.floor = score
        return
      }
    }
  }

  hits(): FuzzyHit[] {
    return this.touched
      .filter((entity) => this.best[entity] >= this.floor)
      .sort((a, b) => a - b)
      .map((entity) => ({ entity, score: this.best[entity], form: this.bestForm[entity] }))
  }
}

/** What one search needs to know of the query, worked out once per search. */
class QueryScan {
  readonly noSpace: string
  readonly queryWords: number
  readonly first: number
  /** Per vocabulary word, how many of its letters the query has too (with repetition), once counted. */
  private readonly shared: Uint16Array
  private readonly vocabulary: string[]
  /** The kinds of letter the query holds (see kindBit). */
  private readonly queryKinds: number
  /** A one-word query's words that can reach the minimum, best first, and each one's score. */
  private readonly scored: number[] = []
  private readonly scores = new Map<number, number>()
  /** Several-word queries: similarities of runs already scored, by their words. */
  private readonly runs = new Map<string, number>()
  /** The Jaro part a comparison must reach for a score of T (index T * 5 + ℓ, ℓ letters shared first). */
  readonly jaroNeeded = new Float64Array(102 * 5).fill(Infinity)
  /** Per score, shared beginning or not, and query with or without spaces: the lengths that may reach it. */
  private readonly bands = new Float64Array(102 * 2 * 2 * 2).fill(-1)
  /** Per character code, the query's count, and what is left of it while one string is counted. */
  private readonly counts = new Int32Array(65536)
  private readonly left = new Int32Array(65536)
  private readonly stamp = new Int32Array(65536)
  private stampNow = 0

  constructor(
    vocabulary: string[],
    wordLength: Uint16Array,
    private readonly wordKinds: Int32Array,
    readonly query: string,
    minScore: number,
  ) {
    this.noSpace = query.replace(/ /g, '')
    this.queryWords = query.split(' ').length
    this.first = query.charCodeAt(0) || 0
    for (let score = minScore; score <= 100; score++) {
      // A similarity rounds to at least T from (T − 0.5) / 100; a hair lower, so that floating point
      // never rules out a string that reaches it.
      const similarity = (score - 0.5) / 100 - 1e-9
      for (let prefix = 0; prefix <= 4; prefix++)
        this.jaroNeeded[score * 5 + prefix] = (similarity - 0.1 * prefix) / (1 - 0.1 * prefix)
    }
    for (let score = minScore; score <= 101; score++)
      for (const sameStart of [0, 1])
        for (const noSpace of [0, 1]) {
          const at = ((score * 2 + sameStart) * 2 + noSpace) * 2
          const queryLength = noSpace ? this.noSpace.length : query.length
          // (m/|q| + m/L + 1) / 3 ≥ J with m = min(|q|, L): L within |q|·r .. |q|/r, r = 3J − 2.
          const ratio = 3 * this.jaroNeeded[score * 5 + (sameStart ? 4 : 0)] - 2
          this.bands[at] = ratio > 0 ? queryLength * ratio - 1e-9 : 0
          this.bands[at + 1] = ratio > 0 ? queryLength / ratio + 1e-9 : Infinity
        }
    this.shared = new Uint16Array(vocabulary.length)
    this.queryKinds = kindsOf(this.noSpace)
    for (let i = 0; i < this.noSpace.length; i++) this.counts[this.noSpace.charCodeAt(i)]++
    // A one-word query scores each word that can reach the minimum. A word's letters in common with the
    // query are at most the query's letters of the kinds it holds: summed from four tables of 256 (one
    // per byte of the kinds), without reading the word; then counted exactly where that passes.
    const byKind = new Int32Array(32)
    for (let i = 0; i < this.noSpace.length; i++)
      byKind[31 - Math.clz32(kindBit(this.noSpace.charCodeAt(i)))]++
    const sums = new Int32Array(1024)
    for (let byte = 0; byte < 4; byte++)
      for (let value = 1; value < 256; value++) {
        const lowest = value & -value
        sums[byte * 256 + value] =
          sums[byte * 256 + (value ^ lowest)] + byKind[byte * 8 + 31 - Math.clz32(lowest)]
      }
    this.vocabulary = vocabulary
    this.shared.fill(UNKNOWN)
    for (let w = 0; w < vocabulary.length && this.queryWords === 1; w++) {
      const kinds = wordKinds[w]
      const atMost =
        sums[kinds & 255] +
        sums[256 + ((kinds >>> 8) & 255)] +
        sums[512 + ((kinds >>> 16) & 255)] +
        sums[768 + (kinds >>> 24)]
      const word = vocabulary[w]
      const length = wordLength[w]
      const prefix = prefixLength(word, query)
      if (this.bound(query, length, atMost, prefix) < minScore) continue
      if (this.bound(query, length, this.sharedOf(w), prefix) < minScore) continue
      const score = Math.round(jaroWinkler(query, word) * 100)
      if (score < minScore) continue
      this.scored.push(w)
      this.scores.set(w, score)
    }
    this.scored.sort((a, b) => this.scores.get(b)! - this.scores.get(a)! || a - b)
  }

  scoredWords(): number[] {
    return this.scored
  }

  wordScore(word: number): number {
    return this.scores.get(word)!
  }

  /**
   * Whether a string of `length` could score `needed` against the query (or without spaces), whatever
   * letters it holds: Jaro is at most (m/|q| + m/length + 1) / 3 with m the shorter length, so the length
   * must lie in a band around the query's, wider when the two may share a beginning.
   */
  lengthMayReach(noSpace: boolean, length: number, sameStart: boolean, needed: number): boolean {
    const at = (needed * 2 + (sameStart ? 1 : 0)) * 2 + (noSpace ? 1 : 0)
    return length >= this.bands[at * 2] && length <= this.bands[at * 2 + 1]
  }

  /**
   * The score a comparison of `query` (the query, or without spaces) with a string of `length` holding
   * at most `common` of its letters, sharing a beginning of `prefix` letters, cannot exceed.
   */
  bound(query: string, length: number, common: number, prefix: number): number {
    const matches = Math.min(common, query.length, length)
    if (matches === 0) return 0
    return boundScore((matches / query.length + matches / length + 1) / 3, prefix)
  }

  /** How many of the word's letters the query has too (with repetition), counted on first use. */
  sharedOf(word: number): number {
    let shared = this.shared[word]
    if (shared === UNKNOWN) {
      // A word with no kind of letter the query has (a number, most often) is not read.
      if ((this.wordKinds[word] & this.queryKinds) === 0) shared = 0
      else {
        this.stampNow++
        shared = this.countLetters(this.vocabulary[word])
      }
      this.shared[word] = shared
    }
    return shared
  }

  /** How many letters of the query words[from .. to) hold, counted with repetition over all of them. */
  lettersInCommon(vocabulary: string[], words: Int32Array, from: number, to: number): number {
    this.stampNow++
    let common = 0
    for (let i = from; i < to; i++) common += this.countLetters(vocabulary[words[i]])
    return common
  }

  /** Letters of `text` the query has and the strings counted since the last stamp have not taken. */
  private countLetters(text: string): number {
    let common = 0
    for (let j = 0; j < text.length; j++) {
      const code = text.charCodeAt(j)
      if (this.stamp[code] !== this.stampNow) {
        this.stamp[code] = this.stampNow
        this.left[code] = this.counts[code]
      }
      if (this.left[code] > 0) {
        this.left[code]--
        common++
      }
    }
    return common
  }

  /** The query's similarity to the run of words at words[at ..], scored once per distinct run. */
  runSimilarity(words: Int32Array, at: number, text: () => string): number {
    let key = String(words[at])
    for (let i = 1; i < this.queryWords; i++) key += `,${words[at + i]}`
    let similarity = this.runs.get(key)
    if (similarity === undefined) this.runs.set(key, (similarity = jaroWinkler(this.query, text())))
    return similarity
  }
}

/**
 * The score a Jaro part and a shared beginning cannot exceed, rounded as scores are; a hair is added so
 * that floating point never puts a bound below the similarity it bounds.
 */
function boundScore(jaro: number, prefix: number): number {
  return Math.round((jaro + prefix * 0.1 * (1 - jaro)) * 100 + 1e-7)
}

const UNKNOWN = 0xffff

/** The kind of a character, one of 32 bits: a–z each their own, digits one, space one, others by code. */
function kindBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97)
  if (code >= 48 && code <= 57) return 1 << 26
  if (code === 32) return 1 << 27
  return 1 << (28 + (code & 3))
}

function kindsOf(text: string): number {
  let kinds = 0
  for (let i = 0; i < text.length; i++) kinds |= kindBit(text.charCodeAt(i))
  return kinds
}

function prefixLength(a: string, b: string): number {
  let shared = 0
  while (shared < 4 && shared < a.length && shared < b.length && a[shared] === b[shared]) shared++
  return shared
}

/** Collects entities and their forms in order; `finish` makes the index. */
export class FuzzyIndexBuilder {
  private readonly ids: string[] = []
  private readonly firstForm: number[] = []
  private readonly formEntity: number[] = []
  private readonly firstWord: number[] = []
  private readonly words: number[] = []
  private readonly vocabulary = new Map<string, number>()

  entity(id: string): this {
    this.ids.push(id)
    this.firstForm.push(this.formEntity.length)
    return this
  }

  /** The next form of the last entity: its folded text (words with single spaces), as foldName gives it. */
  form(folded: string): this {
    this.formEntity.push(this.ids.length - 1)
    this.firstWord.push(this.words.length)
    for (const word of folded.split(' ')) {
      let id = this.vocabulary.get(word)
      if (id === undefined) this.vocabulary.set(word, (id = this.vocabulary.size))
      this.words.push(id)
    }
    return this
  }

  finish(): FuzzyNameIndex {
    return new FuzzyNameIndex(
      this.ids,
      Int32Array.from([...this.firstForm, this.formEntity.length]),
      Int32Array.from(this.formEntity),
      Int32Array.from([...this.firstWord, this.words.length]),
      Int32Array.from(this.words),
      [...this.vocabulary.keys()],
    )
  }
}

import { jaroWinkler } from '../fuzzy-names'
import { type Candidates, RUN, WHOLE, WORD } from './candidates'
import { Comparisons } from './comparisons'
import { Found, type FuzzyHit } from './found'
import { IndexLayout, type LayoutParts } from './layout'
import { QueryScan } from './query-scan'
import { Vocabulary } from './vocabulary'

export type { FuzzyHit } from './found'

/** An index as it crosses between threads (ids and words have no line breaks: folded names none). */
export interface IndexParts {
  ids: string
  vocabulary: string
  firstForm: Int32Array
  formEntity: Int32Array
  firstWord: Int32Array
  words: Int32Array
  layout: LayoutParts
}

/**
 * Every name form of every entity, kept as words of one vocabulary, so that a fuzzy search scores only
 * the comparisons that can reach the minimum score, and provably every one of them: the result is the
 * same as scoring every form with nameSimilarity (docs/search.md, "Why nothing is missed").
 *
 * A comparison is skipped only when an upper bound of its Jaro–Winkler similarity cannot reach the score
 * it would need (the minimum, or the entity's best so far): Jaro ≤ (m/|a| + m/|b| + 1) / 3, where m, the
 * letters matched, is at most the shorter length and at most the letters the two strings have in common
 * counted with repetition; Winkler's bonus is at most that of the beginning the two share. The strings
 * compared are read from tables by length and first letter, only where a bound leaves a score possible
 * (Comparisons); letters in common are counted once per vocabulary word and summed over a string's
 * words. A vocabulary word (one-word queries) or a run of words (RunTable) is scored once and counts
 * for every form holding it.
 */
export class FuzzyNameIndex {
  /** Lengths, postings and groupings derived from the forms (see IndexLayout). */
  private readonly layout: IndexLayout

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
    /** Derived from the rest when not handed over (see parts). */
    layout?: LayoutParts,
  ) {
    this.layout = layout
      ? new IndexLayout(layout, firstWord, words)
      : IndexLayout.derive(vocabulary, firstWord, words)
  }

  static builder(): FuzzyIndexBuilder {
    return new FuzzyIndexBuilder()
  }

  /**
   * What another thread needs to make the same index (FuzzyNameIndex.fromParts): its data and layout,
   * the strings joined into one each (cloning one string is a copy, cloning 200,000 is slow), the typed
   * arrays handed over, so that the searching thread derives nothing.
   */
  parts(): { parts: IndexParts; transfer: ArrayBuffer[] } {
    const arrays = [this.firstForm, this.formEntity, this.firstWord, this.words]
    const layout = this.layout.parts()
    return {
      parts: {
        ids: this.ids.join('\n'),
        vocabulary: this.vocabulary.join('\n'),
        firstForm: this.firstForm,
        formEntity: this.formEntity,
        firstWord: this.firstWord,
        words: this.words,
        layout: layout.parts,
      },
      transfer: [...arrays.map((array) => array.buffer as ArrayBuffer), ...layout.transfer],
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
      parts.layout,
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

  /** Bytes held, roughly: typed arrays at their size, strings at two bytes a character and 40 each. */
  get bytes(): number {
    let strings = 0
    for (const word of this.vocabulary) strings += 40 + 2 * word.length
    for (const id of this.ids) strings += 40 + 2 * id.length
    const arrays = [this.firstForm, this.formEntity, this.firstWord, this.words]
    return strings + arrays.reduce((sum, array) => sum + array.byteLength, 0) + this.layout.bytes
  }

  /**
   * The entities with a form scoring at least `minScore` against `query` (folded, as foldName gives it),
   * in index order, each with its best score and the first form that has it. With a `limit`, only the
   * entities that would be first after sorting every one by score (stable in index order) and keeping
   * `limit`: those no `limit` others outscore.
   *
   * The comparisons that may reach the minimum are found in two groups (see Comparisons): those
   * beginning as the query does, where most good matches are, then the others at the score reached by
   * then; each made best bound first. With a limit, in steps down from 100: the comparisons bounded at
   * a step or above are made before those below it are looked for, and once `limit` entities reach the
   * step, none below can be among the first.
   */
  search(query: string, minScore: number, limit = Infinity): FuzzyHit[] {
    const found = new Found(this.ids.length, minScore, limit)
    const scan = new QueryScan(this.vocabulary, this.layout.wordKinds, query)
    const comparisons = new Comparisons(this.layout, this.firstWord, this.words, scan)
    // Every comparison bounded at `made` or above has been made (or could not reach the floor).
    let made = 101
    for (const step of limit === Infinity ? [minScore] : stepsDown(minScore)) {
      const score = Math.max(step, found.floor)
      if (score >= made) continue
      this.settle(comparisons.collect(true, score, made), scan, found)
      this.settle(comparisons.collect(false, Math.max(score, found.floor), made), scan, found)
      made = score
    }
    return found.hits()
  }

  /**
   * Makes the comparisons best bound first, until the bound is below the score needed. A word or a run
   * is scored once and counts for every form holding it.
   */
  private settle(candidates: Candidates, scan: QueryScan, found: Found): void {
    const { postingStart, postingForms } = this.layout
    for (let bound = 100; bound >= found.floor; bound--)
      for (
        let at = candidates.firstWith(bound);
        at !== -1 && bound >= found.floor;
        at = candidates.next(at)
      ) {
        const id = candidates.idOf(at)
        const kind = candidates.kindOf(at)
        if (kind === WORD || kind === RUN) {
          const score = Math.round(jaroWinkler(scan.query, this.textOf(kind, id, scan.queryWords)) * 100)
          if (score < found.floor) continue
          const runs = kind === RUN ? this.layout.runTable(scan.queryWords) : null
          const from = runs ? runs.formStart[id] : postingStart[id]
          const to = runs ? runs.formStart[id + 1] : postingStart[id + 1]
          const forms = runs ? runs.forms : postingForms
          for (let p = from; p < to; p++) found.offer(this.formEntity[forms[p]], forms[p], score)
        } else {
          const entity = this.formEntity[id]
          if (bound < found.needed(entity, id)) continue
          const similarity =
            kind === WHOLE
              ? jaroWinkler(scan.query, this.formText(id, ' '))
              : jaroWinkler(scan.noSpace, this.formText(id, ''))
          found.offer(entity, id, Math.round(similarity * 100))
        }
      }
  }

  /** A vocabulary word, or a distinct run of `runWords` words (see RunTable), as text. */
  private textOf(kind: number, id: number, runWords: number): string {
    if (kind === WORD) return this.vocabulary[id]
    return this.joined(this.layout.runTable(runWords).at[id], runWords, ' ')
  }

  /** The form's words, joined. */
  private formText(form: number, joiner: string): string {
    const from = this.firstWord[form]
    return this.joined(from, this.firstWord[form + 1] - from, joiner)
  }

  /** `count` words from place `from` in `words`, joined. */
  private joined(from: number, count: number, joiner: string): string {
    let text = this.vocabulary[this.words[from]]
    for (let i = from + 1; i < from + count; i++) text += joiner + this.vocabulary[this.words[i]]
    return text
  }
}

/** The scores a search with a limit looks down to in turn: a step at a time, then the minimum. */
function stepsDown(minScore: number): number[] {
  const steps: number[] = []
  for (let score = 100; score > minScore; score -= LIMIT_STEP) steps.push(score)
  return [...steps, minScore]
}

/** How far each step of a search with a limit goes down (see search). */
const LIMIT_STEP = 3

/** Collects entities and their forms in order; `finish` makes the index. */
export class FuzzyIndexBuilder {
  private readonly ids: string[] = []
  private readonly firstForm = new GrowingInts()
  private readonly formEntity = new GrowingInts()
  private readonly firstWord = new GrowingInts()
  private readonly words = new GrowingInts()
  private readonly vocabulary = new Vocabulary()

  entity(id: string): this {
    this.ids.push(id)
    this.firstForm.push(this.formEntity.length)
    return this
  }

  /** The next form of the last entity: its folded text (words with single spaces), as foldName gives it. */
  form(folded: string): this {
    this.formEntity.push(this.ids.length - 1)
    this.firstWord.push(this.words.length)
    // Words between single spaces; an empty form is one empty word.
    let from = 0
    for (let at = folded.indexOf(' '); at !== -1; at = folded.indexOf(' ', from)) {
      this.words.push(this.vocabulary.intern(folded, from, at))
      from = at + 1
    }
    this.words.push(this.vocabulary.intern(folded, from, folded.length))
    return this
  }

  finish(): FuzzyNameIndex {
    this.firstForm.push(this.formEntity.length)
    this.firstWord.push(this.words.length)
    return new FuzzyNameIndex(
      this.ids,
      this.firstForm.values(),
      this.formEntity.values(),
      this.firstWord.values(),
      this.words.values(),
      this.vocabulary.words,
    )
  }
}

/** Numbers appended one at a time into a typed array that doubles as it fills. */
class GrowingInts {
  private array = new Int32Array(1024)
  length = 0

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2)
      grown.set(this.array)
      this.array = grown
    }
    this.array[this.length++] = value
  }

  values(): Int32Array {
    return this.array.slice(0, this.length)
  }
}

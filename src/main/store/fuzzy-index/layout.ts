import { BandedTable } from './banded-table'
import { kindsOf, SPACE_KIND } from './query-scan'
import { RunTable } from './run-table'

/** Runs of as many words as most queries have, made with the index; longer ones on first use. */
const RUNS_MADE_AHEAD = [2, 3]

/** An IndexLayout as it crosses between threads: typed arrays only (tables as their arrays). */
export interface LayoutParts {
  wordLength: Uint16Array
  wordKinds: Int32Array
  wordFirst: Uint16Array
  formLength: Uint16Array
  bareLength: Uint16Array
  postingStart: Int32Array
  postingForms: Int32Array
  vocabularyTable: BandedTable
  wholeTable: BandedTable
  bareTable: BandedTable
  runTables: RunTable[]
}

/**
 * What the fuzzy index derives from its forms and vocabulary to reach comparisons without reading every
 * form: lengths, the forms holding each word, and tables of the strings compared (vocabulary words,
 * whole names with and without spaces, distinct runs of words) by length and first letter. Derived in
 * the thread that builds the index, and handed to the one that searches it as it is.
 */
export class IndexLayout {
  readonly wordLength: Uint16Array
  /** Per vocabulary word, the kinds of letter it holds, one bit each (see kindBit). */
  readonly wordKinds: Int32Array
  /** Per vocabulary word, its first character's code (0 for an empty word). */
  readonly wordFirst: Uint16Array
  /** Per form, its length with spaces and without. */
  readonly formLength: Uint16Array
  readonly bareLength: Uint16Array
  /** The forms holding vocabulary word w: postingForms[postingStart[w] .. postingStart[w + 1]). */
  readonly postingStart: Int32Array
  readonly postingForms: Int32Array
  readonly vocabularyTable: BandedTable
  readonly wholeTable: BandedTable
  readonly bareTable: BandedTable
  private readonly runTables = new Map<number, RunTable>()

  constructor(
    parts: LayoutParts,
    private readonly firstWord: Int32Array,
    private readonly words: Int32Array,
  ) {
    this.wordLength = parts.wordLength
    this.wordKinds = parts.wordKinds
    this.wordFirst = parts.wordFirst
    this.formLength = parts.formLength
    this.bareLength = parts.bareLength
    this.postingStart = parts.postingStart
    this.postingForms = parts.postingForms
    // A table that crossed between threads arrives as its fields: made a table again.
    this.vocabularyTable = BandedTable.of(parts.vocabularyTable)
    this.wholeTable = BandedTable.of(parts.wholeTable)
    this.bareTable = BandedTable.of(parts.bareTable)
    for (const table of parts.runTables) this.runTables.set(table.runWords, RunTable.of(table))
  }

  /** The layout of a vocabulary and its forms' words, with the run tables most queries need. */
  static derive(vocabulary: string[], firstWord: Int32Array, words: Int32Array): IndexLayout {
    const wordLength = Uint16Array.from(vocabulary, (word) => Math.min(word.length, 65535))
    const wordKinds = Int32Array.from(vocabulary, kindsOf)
    const wordFirst = Uint16Array.from(vocabulary, (word) => word.charCodeAt(0) || 0)
    const forms = firstWord.length - 1
    const formLength = new Uint16Array(forms)
    const bareLength = new Uint16Array(forms)
    const formFirst = new Uint16Array(forms)
    const formKinds = new Int32Array(forms)
    const postingStart = new Int32Array(vocabulary.length + 1)
    const lastForm = new Int32Array(vocabulary.length).fill(-1)
    for (let form = 0; form < forms; form++) {
      let letters = 0
      let kinds = firstWord[form + 1] - firstWord[form] > 1 ? SPACE_KIND : 0
      for (let i = firstWord[form]; i < firstWord[form + 1]; i++) {
        letters += wordLength[words[i]]
        kinds |= wordKinds[words[i]]
        if (lastForm[words[i]] !== form) postingStart[words[i] + 1]++
        lastForm[words[i]] = form
      }
      formLength[form] = Math.min(letters + firstWord[form + 1] - firstWord[form] - 1, 65535)
      bareLength[form] = Math.min(letters, 65535)
      formFirst[form] = wordFirst[words[firstWord[form]]]
      formKinds[form] = kinds
    }
    for (let w = 0; w < vocabulary.length; w++) postingStart[w + 1] += postingStart[w]
    const postingForms = new Int32Array(postingStart[vocabulary.length])
    const filled = postingStart.slice(0, vocabulary.length)
    lastForm.fill(-1)
    for (let form = 0; form < forms; form++)
      for (let i = firstWord[form]; i < firstWord[form + 1]; i++) {
        const word = words[i]
        if (lastForm[word] === form) continue
        lastForm[word] = form
        postingForms[filled[word]++] = form
      }
    const layout = new IndexLayout(
      {
        wordLength,
        wordKinds,
        wordFirst,
        formLength,
        bareLength,
        postingStart,
        postingForms,
        vocabularyTable: BandedTable.build(wordLength, wordFirst, wordKinds),
        wholeTable: BandedTable.build(formLength, formFirst, formKinds),
        bareTable: BandedTable.build(bareLength, formFirst, formKinds),
        runTables: [],
      },
      firstWord,
      words,
    )
    for (const runWords of RUNS_MADE_AHEAD) layout.runTable(runWords)
    return layout
  }

  /** What another thread needs to make the same layout, and the buffers it can take over. */
  parts(): { parts: LayoutParts; transfer: ArrayBuffer[] } {
    const parts: LayoutParts = {
      wordLength: this.wordLength,
      wordKinds: this.wordKinds,
      wordFirst: this.wordFirst,
      formLength: this.formLength,
      bareLength: this.bareLength,
      postingStart: this.postingStart,
      postingForms: this.postingForms,
      vocabularyTable: this.vocabularyTable,
      wholeTable: this.wholeTable,
      bareTable: this.bareTable,
      runTables: [...this.runTables.values()],
    }
    const arrays: ArrayBufferView[] = [
      parts.wordLength,
      parts.wordKinds,
      parts.wordFirst,
      parts.formLength,
      parts.bareLength,
      parts.postingStart,
      parts.postingForms,
      ...[parts.vocabularyTable, parts.wholeTable, parts.bareTable].flatMap((table) => table.arrays()),
      ...parts.runTables.flatMap((table) => table.arrays()),
    ]
    return { parts, transfer: arrays.map((array) => array.buffer as ArrayBuffer) }
  }

  /** The distinct runs of `runWords` words (two or more), made on first use. */
  runTable(runWords: number): RunTable {
    let table = this.runTables.get(runWords)
    if (!table) {
      table = RunTable.build(
        runWords,
        this.firstWord,
        this.words,
        this.wordLength,
        this.wordFirst,
        this.wordKinds,
      )
      this.runTables.set(runWords, table)
    }
    return table
  }

  get bytes(): number {
    const arrays = [
      this.wordLength,
      this.wordKinds,
      this.wordFirst,
      this.formLength,
      this.bareLength,
      this.postingStart,
      this.postingForms,
    ]
    let bytes = arrays.reduce((sum, array) => sum + array.byteLength, 0)
    for (const table of [this.vocabularyTable, this.wholeTable, this.bareTable]) bytes += table.bytes
    for (const table of this.runTables.values()) bytes += table.bytes
    return bytes
  }
}

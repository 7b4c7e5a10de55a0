import { BandedTable } from './banded-table'
import { kindsOf, SPACE_KIND } from './query-scan'
import { RunTable } from './run-table'

/** Runs of as many words as most queries have, made with the index; longer ones on first use. */
const RUNS_MADE_AHEAD = [2, 3]

/**
 * What the fuzzy index derives from its forms and vocabulary to reach comparisons without reading every
 * form: lengths, the forms holding each word, and tables of the strings compared (vocabulary words,
 * whole names with and without spaces, distinct runs of words) by length and first letter.
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
    vocabulary: string[],
    private readonly firstWord: Int32Array,
    private readonly words: Int32Array,
  ) {
    this.wordLength = Uint16Array.from(vocabulary, (word) => Math.min(word.length, 65535))
    this.wordKinds = Int32Array.from(vocabulary, kindsOf)
    this.wordFirst = Uint16Array.from(vocabulary, (word) => word.charCodeAt(0) || 0)
    const forms = firstWord.length - 1
    this.formLength = new Uint16Array(forms)
    this.bareLength = new Uint16Array(forms)
    const formFirst = new Uint16Array(forms)
    const formKinds = new Int32Array(forms)
    const postingCount = new Int32Array(vocabulary.length + 1)
    const lastForm = new Int32Array(vocabulary.length).fill(-1)
    for (let form = 0; form < forms; form++) {
      let letters = 0
      let kinds = firstWord[form + 1] - firstWord[form] > 1 ? SPACE_KIND : 0
      for (let i = firstWord[form]; i < firstWord[form + 1]; i++) {
        letters += this.wordLength[words[i]]
        kinds |= this.wordKinds[words[i]]
        if (lastForm[words[i]] !== form) postingCount[words[i] + 1]++
        lastForm[words[i]] = form
      }
      this.formLength[form] = Math.min(letters + firstWord[form + 1] - firstWord[form] - 1, 65535)
      this.bareLength[form] = Math.min(letters, 65535)
      formFirst[form] = this.wordFirst[words[firstWord[form]]]
      formKinds[form] = kinds
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
    this.vocabularyTable = BandedTable.build(this.wordLength, this.wordFirst, this.wordKinds)
    this.wholeTable = BandedTable.build(this.formLength, formFirst, formKinds)
    this.bareTable = BandedTable.build(this.bareLength, formFirst, formKinds)
    for (const runWords of RUNS_MADE_AHEAD) this.runTable(runWords)
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

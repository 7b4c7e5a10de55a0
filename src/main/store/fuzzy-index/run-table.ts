import { BandedTable } from './banded-table'
import { SPACE_KIND } from './query-scan'

/**
 * The distinct runs of `runWords` words in the forms with more words than that (the runs a query of
 * as many words is compared with), each once however many forms hold it, with the forms that do: so
 * that a search bounds and scores a run once, not once per form.
 */
export class RunTable {
  constructor(
    readonly runWords: number,
    /** Per run, the place in `words` of its first occurrence. */
    readonly at: Int32Array,
    /** Per run, its length with spaces. */
    readonly length: Uint16Array,
    /** The forms holding run r: forms[formStart[r] .. formStart[r + 1]). */
    readonly formStart: Int32Array,
    readonly forms: Int32Array,
    readonly banded: BandedTable,
  ) {}

  /** A table again from its fields (as a table arrives from another thread). */
  static of(fields: RunTable): RunTable {
    return new RunTable(
      fields.runWords,
      fields.at,
      fields.length,
      fields.formStart,
      fields.forms,
      BandedTable.of(fields.banded),
    )
  }

  /** Its typed arrays, to hand their buffers over to another thread. */
  arrays(): ArrayBufferView[] {
    return [this.at, this.length, this.formStart, this.forms, ...this.banded.arrays()]
  }

  static build(
    runWords: number,
    firstWord: Int32Array,
    words: Int32Array,
    wordLength: Uint16Array,
    wordFirst: Uint16Array,
    wordKinds: Int32Array,
  ): RunTable {
    const formCount = firstWord.length - 1
    let occurrences = 0
    for (let form = 0; form < formCount; form++) {
      const count = firstWord[form + 1] - firstWord[form]
      if (count > runWords) occurrences += count - runWords + 1
    }
    // Open addressing on the runs' words, at most half full.
    let slots = 1024
    while (slots < occurrences * 2) slots *= 2
    const slotRun = new Int32Array(slots).fill(-1)
    const at = new Int32Array(occurrences)
    const runOf = new Int32Array(occurrences)
    let runs = 0
    let occurrence = 0
    for (let form = 0; form < formCount; form++) {
      const from = firstWord[form]
      const to = firstWord[form + 1]
      if (to - from <= runWords) continue
      for (let start = from; start + runWords <= to; start++) {
        let hash = 0
        for (let i = start; i < start + runWords; i++) hash = Math.imul(hash ^ words[i], 0x9e3779b1)
        let slot = (hash ^ (hash >>> 15)) & (slots - 1)
        for (;;) {
          const run = slotRun[slot]
          if (run === -1) {
            slotRun[slot] = runs
            at[runs] = start
            runOf[occurrence++] = runs++
            break
          }
          if (sameWords(words, at[run], start, runWords)) {
            runOf[occurrence++] = run
            break
          }
          slot = (slot + 1) & (slots - 1)
        }
      }
    }
    const length = new Uint16Array(runs)
    const firsts = new Uint16Array(runs)
    const kinds = new Int32Array(runs)
    for (let run = 0; run < runs; run++) {
      let letters = runWords - 1
      let kind = SPACE_KIND
      for (let i = at[run]; i < at[run] + runWords; i++) {
        letters += wordLength[words[i]]
        kind |= wordKinds[words[i]]
      }
      length[run] = Math.min(letters, 65535)
      firsts[run] = wordFirst[words[at[run]]]
      kinds[run] = kind
    }
    // Each run's forms, a form once however often it holds the run: occurrences are in form order,
    // so a form's repeats follow each other in the run's list.
    const formOf = new Int32Array(occurrences)
    occurrence = 0
    for (let form = 0; form < formCount; form++) {
      const count = firstWord[form + 1] - firstWord[form]
      for (let i = 0; i + runWords <= count && count > runWords; i++) formOf[occurrence++] = form
    }
    const formStart = new Int32Array(runs + 1)
    const lastForm = new Int32Array(runs).fill(-1)
    for (let o = 0; o < occurrences; o++) {
      const run = runOf[o]
      if (lastForm[run] === formOf[o]) continue
      lastForm[run] = formOf[o]
      formStart[run + 1]++
    }
    for (let run = 0; run < runs; run++) formStart[run + 1] += formStart[run]
    const forms = new Int32Array(formStart[runs])
    const next = formStart.slice(0, runs)
    lastForm.fill(-1)
    for (let o = 0; o < occurrences; o++) {
      const run = runOf[o]
      if (lastForm[run] === formOf[o]) continue
      lastForm[run] = formOf[o]
      forms[next[run]++] = formOf[o]
    }
    return new RunTable(
      runWords,
      at.slice(0, runs),
      length,
      formStart,
      forms,
      BandedTable.build(length, firsts, kinds),
    )
  }

  get bytes(): number {
    return (
      this.at.byteLength +
      this.length.byteLength +
      this.formStart.byteLength +
      this.forms.byteLength +
      this.banded.bytes
    )
  }
}

function sameWords(words: Int32Array, a: number, b: number, count: number): boolean {
  for (let i = 0; i < count; i++) if (words[a + i] !== words[b + i]) return false
  return true
}

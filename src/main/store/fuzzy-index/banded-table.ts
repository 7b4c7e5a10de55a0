/**
 * Strings of one kind (vocabulary words, whole names, runs of words) in order of their length, and
 * within a length of their first character, so that the strings a bound leaves in play are read as
 * slices: those of a length in a band, and among them those beginning with the query's first letter.
 * The kinds of letter each holds are kept in the same order, for a first bound read in sequence.
 */
export class BandedTable {
  constructor(
    /** The strings' numbers (a word, a form, a run), in order. */
    readonly entries: Int32Array,
    /** Per place in that order, the string's first character. */
    readonly firsts: Uint16Array,
    /** Per place in that order, the kinds of letter the string holds (see kindBit). */
    readonly kinds: Int32Array,
    /** Per length L, where its strings begin in that order (L + 1: where they end). */
    readonly lengthStart: Int32Array,
  ) {}

  /** A table again from its fields (as a table arrives from another thread). */
  static of(fields: BandedTable): BandedTable {
    return new BandedTable(fields.entries, fields.firsts, fields.kinds, fields.lengthStart)
  }

  /** Its typed arrays, to hand their buffers over to another thread. */
  arrays(): ArrayBufferView[] {
    return [this.entries, this.firsts, this.kinds, this.lengthStart]
  }

  /** Strings 0 .. lengths.length − 1 in that order: a counting sort by first character, then by length. */
  static build(lengths: Uint16Array, firsts: Uint16Array, kinds: Int32Array): BandedTable {
    const byFirst = countingSort(firsts, 65536)
    let longest = 0
    for (let i = 0; i < byFirst.length; i++) longest = Math.max(longest, lengths[byFirst[i]])
    const lengthStart = new Int32Array(longest + 2)
    for (let i = 0; i < byFirst.length; i++) lengthStart[lengths[byFirst[i]] + 1]++
    for (let length = 0; length <= longest; length++) lengthStart[length + 1] += lengthStart[length]
    const next = lengthStart.slice(0, longest + 1)
    const entries = new Int32Array(byFirst.length)
    const sortedFirsts = new Uint16Array(byFirst.length)
    const sortedKinds = new Int32Array(byFirst.length)
    for (let i = 0; i < byFirst.length; i++) {
      const entry = byFirst[i]
      const at = next[lengths[entry]]++
      entries[at] = entry
      sortedFirsts[at] = firsts[entry]
      sortedKinds[at] = kinds[entry]
    }
    return new BandedTable(entries, sortedFirsts, sortedKinds, lengthStart)
  }

  /** The longest length held. */
  get longest(): number {
    return this.lengthStart.length - 2
  }

  /** Where the strings of `length` beginning with `first` begin and end in the order. */
  beginningWith(length: number, first: number): [number, number] {
    const from = this.lengthStart[length]
    const to = this.lengthStart[length + 1]
    const start = this.lowerBound(from, to, first)
    return [start, this.lowerBound(start, to, first + 1)]
  }

  get bytes(): number {
    return (
      this.entries.byteLength + this.firsts.byteLength + this.kinds.byteLength + this.lengthStart.byteLength
    )
  }

  private lowerBound(from: number, to: number, first: number): number {
    while (from < to) {
      const middle = (from + to) >> 1
      if (this.firsts[middle] < first) from = middle + 1
      else to = middle
    }
    return from
  }
}

/** Entries 0 .. keys.length − 1 ordered by key (stable). */
function countingSort(keys: Uint16Array, keyCount: number): Int32Array {
  const start = new Int32Array(keyCount + 1)
  for (let entry = 0; entry < keys.length; entry++) start[keys[entry] + 1]++
  for (let key = 0; key < keyCount; key++) start[key + 1] += start[key]
  const sorted = new Int32Array(keys.length)
  for (let entry = 0; entry < keys.length; entry++) sorted[start[keys[entry]]++] = entry
  return sorted
}

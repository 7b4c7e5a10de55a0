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

  /**
   * Strings 0 .. lengths.length − 1 in that order; `skip` (optional) leaves some out. A counting sort by
   * first character, then a stable one by length.
   */
  static build(
    lengths: Uint16Array,
    firsts: Uint16Array,
    kinds: Int32Array,
    skip?: (entry: number) => boolean,
  ): BandedTable {
    const count = lengths.length
    const byFirst = countingSort(firsts, 65536, count, skip)
    let longest = 0
    for (const entry of byFirst) longest = Math.max(longest, lengths[entry])
    const lengthStart = new Int32Array(longest + 2)
    for (const entry of byFirst) lengthStart[lengths[entry] + 1]++
    for (let length = 0; length <= longest; length++) lengthStart[length + 1] += lengthStart[length]
    const next = lengthStart.slice(0, longest + 1)
    const entries = new Int32Array(byFirst.length)
    for (const entry of byFirst) entries[next[lengths[entry]]++] = entry
    return new BandedTable(
      entries,
      Uint16Array.from(entries, (entry) => firsts[entry]),
      Int32Array.from(entries, (entry) => kinds[entry]),
      lengthStart,
    )
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

/** Entries 0 .. count − 1 not skipped, ordered by key (stable). */
function countingSort(
  keys: Uint16Array,
  keyCount: number,
  count: number,
  skip?: (entry: number) => boolean,
): Int32Array {
  const start = new Int32Array(keyCount + 1)
  let kept = 0
  for (let entry = 0; entry < count; entry++)
    if (!skip?.(entry)) {
      start[keys[entry] + 1]++
      kept++
    }
  for (let key = 0; key < keyCount; key++) start[key + 1] += start[key]
  const sorted = new Int32Array(kept)
  for (let entry = 0; entry < count; entry++) if (!skip?.(entry)) sorted[start[keys[entry]]++] = entry
  return sorted
}

import type { BandedTable } from './banded-table'
import { Candidates, NO_SPACES, RUN, WHOLE, WORD } from './candidates'
import type { IndexLayout } from './layout'
import type { RunTable } from './run-table'
import { boundScore, fewestInCommon, NEVER, type QueryScan, UNKNOWN } from './query-scan'

/** The longest string the tables of fewest letters in common cover (a name is rarely 200 characters). */
const TABLE_LENGTHS = 1024

/**
 * Finds the comparisons of one query whose upper bound reaches a score, reading only the strings of a
 * length that can: every string compared is in one of the layout's tables (vocabulary words for a
 * one-word query, distinct runs of as many words as the query has, whole names with and without
 * spaces), ordered by length and first letter. Two groups, by the way the string begins:
 *
 * - with the query's first letter: Winkler's bonus may count, so the band of lengths is wide, but only
 *   the slice beginning with that letter is read;
 * - otherwise: no bonus, so the band is narrow around the query's length.
 *
 * A string's letters in common with the query are summed word by word (each word counted once per
 * search) and compared with a table of the fewest that can reach the score at its length and beginning.
 */
export class Comparisons {
  private readonly runWords: number
  private readonly first: number
  private lengths = 0
  private fewest: Int16Array = new Int16Array(0)
  private fewestBare: Int16Array = new Int16Array(0)
  /** The distinct runs of as many words as the query has (none for a one-word query). */
  private readonly runs: RunTable | null

  constructor(
    private readonly layout: IndexLayout,
    private readonly firstWord: Int32Array,
    private readonly words: Int32Array,
    private readonly scan: QueryScan,
  ) {
    this.runWords = scan.queryWords
    this.first = scan.query.charCodeAt(0)
    this.runs = this.runWords > 1 ? layout.runTable(this.runWords) : null
  }

  /**
   * The comparisons with strings beginning with the query's first letter (`sameStart`) or not whose
   * bound reaches `score` but not `below` (those were collected before).
   */
  collect(sameStart: boolean, score: number, below = 101): Candidates {
    this.tablesFor(score)
    const candidates = new Candidates(below)
    const { layout } = this
    if (this.runWords === 1) this.visit(layout.vocabularyTable, WORD, sameStart, candidates)
    else this.visit(this.runs!.banded, RUN, sameStart, candidates)
    this.visit(layout.wholeTable, WHOLE, sameStart, candidates)
    this.visit(layout.bareTable, NO_SPACES, sameStart, candidates)
    return candidates
  }

  /** The table's strings of each length in the band, beginning as asked. */
  private visit(table: BandedTable, kind: number, sameStart: boolean, candidates: Candidates): void {
    const fewest = kind === NO_SPACES ? this.fewestBare : this.fewest
    // The band: lengths at which the most beginning such a string can share leaves a score possible.
    const loosest = sameStart ? 4 : 0
    const { lengthStart } = table
    for (let length = 1; length <= table.longest; length++) {
      const needs = this.needs(fewest, loosest, length)
      if (needs === NEVER) continue
      const [from, to] = table.beginningWith(length, this.first)
      if (sameStart) this.slice(table, kind, from, to, length, needs, candidates)
      else {
        this.slice(table, kind, lengthStart[length], from, length, needs, candidates)
        this.slice(table, kind, to, lengthStart[length + 1], length, needs, candidates)
      }
    }
  }

  /**
   * The strings at places from .. to of the table, all of `length`: first bounded by the kinds of
   * letter they hold, read in sequence (`needs`: the fewest letters in common any of them needs), then
   * checked one by one.
   */
  private slice(
    table: BandedTable,
    kind: number,
    from: number,
    to: number,
    length: number,
    needs: number,
    candidates: Candidates,
  ): void {
    const { entries, kinds } = table
    const bare = kind === NO_SPACES
    for (let at = from; at < to; at++) {
      const most = this.scan.mostShared(kinds[at], bare)
      if (most >= needs) this.check(kind, entries[at], length, most, candidates)
    }
  }

  /**
   * Adds the string as a candidate, with its bound, if the letters it has in common allow it: summed
   * word by word, and at `most` (from the kinds of letter it holds). The bound is the tighter of the
   * two, so that a string is collected at a score exactly when its bound reaches it (see search).
   */
  private check(kind: number, id: number, length: number, most: number, candidates: Candidates): void {
    const { scan, words, runWords } = this
    let first: number
    let common: number
    if (kind === WORD) {
      first = id
      common = scan.sharedOf(id)
    } else if (kind === RUN) {
      const from = this.runs!.at[id]
      first = words[from]
      // The spaces between its words, as many as the query's.
      common = this.commonOf(from, from + runWords) + runWords - 1
    } else {
      const from = this.firstWord[id]
      const to = this.firstWord[id + 1]
      // A one-word name against a one-word query is a vocabulary word: compared as such.
      if (to - from === 1 && runWords === 1) return
      first = words[from]
      common = this.commonOf(from, to)
      // Spaces in common: as many as the one with fewer words has.
      if (kind === WHOLE) common += Math.min(to - from, runWords) - 1
    }
    common = Math.min(common, most)
    const bare = kind === NO_SPACES
    const prefix = this.scan.prefixOf(first, bare)
    if (common < this.needs(bare ? this.fewestBare : this.fewest, prefix, length)) return
    const queryLength = bare ? scan.noSpace.length : scan.query.length
    candidates.add(boundScore(queryLength, length, common, prefix), kind, id)
  }

  /** The letters words[from .. to) have in common with the query, summed word by word. */
  private commonOf(from: number, to: number): number {
    const { shared } = this.scan
    const { words } = this
    let common = 0
    for (let i = from; i < to; i++) {
      const word = words[i]
      const shares = shared[word]
      common += shares === UNKNOWN ? this.scan.sharedOf(word) : shares
    }
    return common
  }

  /** The fewest letters in common a string of `length` beginning with `prefix` shared letters needs. */
  private needs(table: Int16Array, prefix: number, length: number): number {
    if (length < this.lengths) return table[prefix * this.lengths + length]
    // Beyond the table (a name longer than any real one): the bound alone decides.
    return 0
  }

  private tablesFor(score: number): void {
    const { layout } = this
    const longest = Math.max(
      layout.wholeTable.longest,
      this.runs ? this.runs.banded.longest : layout.vocabularyTable.longest,
    )
    this.lengths = Math.min(longest, TABLE_LENGTHS) + 1
    this.fewest = fewestInCommon(this.scan.query.length, score, this.lengths)
    this.fewestBare = fewestInCommon(this.scan.noSpace.length, score, this.lengths)
  }
}

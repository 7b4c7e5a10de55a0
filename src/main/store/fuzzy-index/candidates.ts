/**
 * What a candidate compares with the query: a vocabulary word (one-word queries), a form's whole name,
 * its name without spaces, or a distinct run of words (see RunTable).
 */
export const WORD = 0
export const WHOLE = 1
export const NO_SPACES = 2
export const RUN = 3

/**
 * Comparisons that may reach the minimum score, kept by the most each can score (an upper bound, 0–100)
 * so that they are made best first: with a limit, the search stops at the first bound below the score
 * `limit` entities already reach. Each is a kind (above) and the number of the string of that kind
 * (a word, a form or a run); a list per bound, linked through `next`.
 */
export class Candidates {
  private ids = new Int32Array(4096)
  private kinds = new Uint8Array(4096)
  private nexts = new Int32Array(4096)
  private count = 0
  private readonly heads = new Int32Array(101).fill(-1)

  /** Candidates bounded at `below` or more are left out (made already). */
  constructor(private readonly below = 101) {}

  get size(): number {
    return this.count
  }

  add(bound: number, kind: number, id: number): void {
    if (bound >= this.below) return
    if (this.count === this.ids.length) this.grow()
    const at = this.count++
    this.ids[at] = id
    this.kinds[at] = kind
    this.nexts[at] = this.heads[bound]
    this.heads[bound] = at
  }

  /** The first candidate with this bound, or -1; then next(candidate) until -1. */
  firstWith(bound: number): number {
    return this.heads[bound]
  }

  next(candidate: number): number {
    return this.nexts[candidate]
  }

  idOf(candidate: number): number {
    return this.ids[candidate]
  }

  kindOf(candidate: number): number {
    return this.kinds[candidate]
  }

  private grow(): void {
    const ids = new Int32Array(this.ids.length * 2)
    ids.set(this.ids)
    this.ids = ids
    const kinds = new Uint8Array(this.kinds.length * 2)
    kinds.set(this.kinds)
    this.kinds = kinds
    const nexts = new Int32Array(this.nexts.length * 2)
    nexts.set(this.nexts)
    this.nexts = nexts
  }
}

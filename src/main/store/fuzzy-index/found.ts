/** One entity whose best name form reaches the minimum score. */
export interface FuzzyHit {
  /** The entity's place in the index (see `ids`). */
  entity: number
  score: number
  /** The first of its forms with that score, as bestNameMatch chooses it. */
  form: number
}

/**
 * The entities found so far with their best score and the first form that has it, and the score a
 * comparison needs to count: the minimum, the entity's best (an equal score only on an earlier form),
 * and with a limit the score `limit` entities already reach (below it no entity can be among the first).
 * Comparisons may be offered in any order: the result is the same.
 */
export class Found {
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

import type { SourceRef } from '../../shared/domain'

/** One numbered entry of a briefing's source list. */
export type NumberedSource =
  | { number: number; kind: 'publication'; source: SourceRef }
  | { number: number; kind: 'federal-register'; citation: string; published: string | null }

/** Hands out source numbers in order of first citation; citing the same source again reuses its number. */
export class SourceNumbering {
  private readonly entries: NumberedSource[] = []
  private readonly numbers = new Map<string, number>()

  publication(source: SourceRef): number {
    return this.number(`source:${source.id}`, (number) => ({ number, kind: 'publication', source }))
  }

  /** A Federal Register rule cited by volume and page, e.g. "84 FR 54002". */
  federalRegister(citation: string, published: string | null): number {
    return this.number(`fr:${citation}`, (number) => ({
      number,
      kind: 'federal-register',
      citation,
      published,
    }))
  }

  list(): NumberedSource[] {
    return [...this.entries]
  }

  private number(key: string, make: (number: number) => NumberedSource): number {
    const existing = this.numbers.get(key)
    if (existing !== undefined) return existing
    const number = this.entries.length + 1
    this.entries.push(make(number))
    this.numbers.set(key, number)
    return number
  }
}

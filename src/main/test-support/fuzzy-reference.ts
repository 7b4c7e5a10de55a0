import { MISSPELT_NAMES } from '../../../bench/fuzzy-misspellings'
import { generateData } from '../../../bench/generate-data'
import { nameForms, nameSimilarity, type NameForm } from '../store/fuzzy-names'
import { FuzzyNameIndex } from '../store/fuzzy-index/name-index'

/** What the fuzzy index's tests compare: its answers and scoring every name form of every entity. */
export interface Entity {
  id: string
  forms: NameForm[]
}

/** The names the labelled misspellings are of (bench/fuzzy-misspellings.ts), as entities. */
export const KNOWN: Entity[] = MISSPELT_NAMES.map(([id, name, original, aliases]) => ({
  id,
  forms: nameForms(name, original, aliases),
}))

/** The bench's generated entities (bench/generate-data.ts) with their name forms. */
export function generated(count: number): Entity[] {
  return generateData(count).operations.flatMap((operation) => {
    const { type, record } = operation as {
      type: string
      record: { id: string; name: string; originalName?: string | null; aliases?: string[] }
    }
    if (type !== 'entity') return []
    return [
      { id: record.id, forms: nameForms(record.name, record.originalName ?? null, record.aliases ?? []) },
    ]
  })
}

/** The fuzzy index of those entities, in their order. */
export function indexOf(entities: Entity[]): FuzzyNameIndex {
  const builder = FuzzyNameIndex.builder()
  for (const entity of entities) {
    builder.entity(entity.id)
    for (const form of entity.forms) builder.form(form.folded)
  }
  return builder.finish()
}

/** What the index finds, as entity id, score and the place of the form that explains it. */
export function found(index: FuzzyNameIndex, query: string, minScore: number, limit?: number): string[] {
  return index
    .search(query, minScore, limit)
    .map((hit) => `${index.ids[hit.entity]} ${hit.score} ${index.ordinalOf(hit.form)}`)
}

/** The reference: every form of every entity scored, the first best form kept (as bestNameMatch). */
export function scoreEveryName(entities: Entity[], query: string, minScore: number): string[] {
  const result: string[] = []
  for (const entity of entities) {
    let best = -1
    let bestForm = -1
    entity.forms.forEach((form, at) => {
      const score = Math.round(nameSimilarity(query, form.folded) * 100)
      if (score > best) [best, bestForm] = [score, at]
    })
    if (best >= minScore) result.push(`${entity.id} ${best} ${bestForm}`)
  }
  return result
}

/** The first `limit` by score, in index order among equals: what a ranked list keeps. */
export function firstByScore(rows: string[], limit: number): string[] {
  return rows
    .map((row, at) => ({ row, at }))
    .sort((a, b) => scoreOf(b.row) - scoreOf(a.row) || a.at - b.at)
    .slice(0, limit)
    .map(({ row }) => row)
}

/** The score of a row as found and scoreEveryName write them ("id score form"). */
export function scoreOf(row: string): number {
  return Number(row.split(' ')[1])
}

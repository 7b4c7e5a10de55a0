import { describe, expect, it } from 'vitest'
import { LABELLED_MISSPELLINGS, MISSPELT_NAMES } from '../../../../bench/fuzzy-misspellings'
import { generateData } from '../../../../bench/generate-data'
import { foldName, nameForms, nameSimilarity, type NameForm } from '../fuzzy-names'
import { FuzzyNameIndex } from './name-index'

/**
 * #24's labelled misspellings over 100,000 generated entities (the bench's data, with the default data's
 * best known names among them), at minimum scores 70, 85 and 95: entity for entity, score for score and
 * form for form what scoring every name form of every entity finds.
 */
describe('the fuzzy name index at 100,000 entities', () => {
  it('finds exactly what scoring every name finds, for each labelled misspelling at 70, 85 and 95', () => {
    const entities: { id: string; forms: NameForm[] }[] = MISSPELT_NAMES.map(
      ([id, name, original, aliases]) => ({ id, forms: nameForms(name, original, aliases) }),
    )
    for (const operation of generateData(100_000).operations) {
      const { type, record } = operation as {
        type: string
        record: { id: string; name: string; originalName?: string | null; aliases?: string[] }
      }
      if (type === 'entity')
        entities.push({
          id: record.id,
          forms: nameForms(record.name, record.originalName ?? null, record.aliases ?? []),
        })
    }
    const builder = FuzzyNameIndex.builder()
    for (const entity of entities) {
      builder.entity(entity.id)
      for (const form of entity.forms) builder.form(form.folded)
    }
    const index = builder.finish()
    for (const query of LABELLED_MISSPELLINGS.map(foldName)) {
      // Every form of every entity scored once; each minimum score's set taken from that.
      const reference: [string, number, number][] = []
      for (const entity of entities) {
        let best = -1
        let bestForm = -1
        entity.forms.forEach((form, at) => {
          const score = Math.round(nameSimilarity(query, form.folded) * 100)
          if (score > best) [best, bestForm] = [score, at]
        })
        if (best >= 70) reference.push([entity.id, best, bestForm])
      }
      for (const minScore of [70, 85, 95]) {
        const found = index
          .search(query, minScore)
          .map((hit) => `${index.ids[hit.entity]} ${hit.score} ${index.ordinalOf(hit.form)}`)
        const expected = reference
          .filter(([, score]) => score >= minScore)
          .map(([id, score, form]) => `${id} ${score} ${form}`)
        expect(found, `${query} at ${minScore}`).toEqual(expected)
      }
    }
  }, 600_000)
})

import { describe, expect, it } from 'vitest'
import { LABELLED_MISSPELLINGS } from '../../../../bench/fuzzy-misspellings'
import { found, generated, indexOf, KNOWN, scoreEveryName, scoreOf } from '../../test-support/fuzzy-reference'
import { foldName } from '../fuzzy-names'

/**
 * #24's labelled misspellings over 100,000 generated entities (the bench's data, with the misspelt names
 * among them), at minimum scores 70, 85 and 95: entity for entity, score for score and form for form
 * what scoring every name form of every entity finds.
 */
describe('the fuzzy name index at 100,000 entities', () => {
  it('finds exactly what scoring every name finds, for each labelled misspelling at 70, 85 and 95', () => {
    const entities = [...KNOWN, ...generated(100_000)]
    const index = indexOf(entities)
    for (const query of LABELLED_MISSPELLINGS.map(foldName)) {
      // Every form of every entity scored once; each minimum score's set taken from that.
      const reference = scoreEveryName(entities, query, 70)
      for (const minScore of [70, 85, 95])
        expect(found(index, query, minScore), `${query} at ${minScore}`).toEqual(
          reference.filter((row) => scoreOf(row) >= minScore),
        )
    }
  }, 600_000)
})

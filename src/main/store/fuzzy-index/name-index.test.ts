import { describe, expect, it } from 'vitest'
import { LABELLED_MISSPELLINGS } from '../../../../bench/fuzzy-misspellings'
import { seededRandom } from '../../../../bench/random'
import {
  firstByScore,
  found,
  generated,
  indexOf,
  KNOWN,
  scoreEveryName,
} from '../../test-support/fuzzy-reference'
import { foldName } from '../fuzzy-names'
import { FuzzyNameIndex } from './name-index'

const LABELLED = LABELLED_MISSPELLINGS

/** A one-letter typo in a word: dropped, swapped with the next, or changed. */
function typo(random: () => number, name: string): string {
  const words = name.split(' ')
  const which = Math.floor(random() * words.length)
  const word = words[which]
  if (word.length < 2) return name
  const at = Math.floor(random() * (word.length - 1))
  const kind = Math.floor(random() * 3)
  const letter = String.fromCharCode(97 + Math.floor(random() * 26))
  words[which] =
    kind === 0
      ? word.slice(0, at) + word.slice(at + 1)
      : kind === 1
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : word.slice(0, at) + letter + word.slice(at + 1)
  return words.join(' ')
}

describe('the fuzzy name index', () => {
  const entities = [...KNOWN, ...generated(5_000)]
  const index = indexOf(entities)

  it.each([70, 85, 95])(
    'finds exactly what scoring every name finds, at minimum score %i',
    (minScore) => {
      for (const query of LABELLED) {
        const folded = foldName(query)
        expect(found(index, folded, minScore), query).toEqual(scoreEveryName(entities, folded, minScore))
      }
    },
    120_000,
  )

  it('keeps, with a limit, exactly the first by score that scoring every name would rank', () => {
    for (const query of LABELLED) {
      const folded = foldName(query)
      const all = scoreEveryName(entities, folded, 80)
      expect(firstByScore(found(index, folded, 80, 50), 50), query).toEqual(firstByScore(all, 50))
    }
  }, 120_000)

  it('finds the misspellings a trigram shortlist missed', () => {
    const score = (query: string, id: string) =>
      index.search(foldName(query), 85).find((hit) => index.ids[hit.entity] === id)?.score
    expect(score('Ynushen', 'yunshen')).toBeGreaterThanOrEqual(85)
    expect(score('Ruxbel', 'ruibel')).toBeGreaterThanOrEqual(85)
    expect(score('Xupol', 'xunpol')).toBeGreaterThanOrEqual(85)
    expect(score('Hikvison', 'hikvision')).toBe(98)
  })

  it('equals the reference on 1,000 random one-typo queries (words, runs of words and whole names), with a limit too', () => {
    // Fewer entities than above: the reference scores every name for every query.
    const some = entities.slice(0, 400)
    const small = indexOf(some)
    const random = seededRandom(24)
    const names = some.flatMap((entity) => entity.forms.map((form) => form.text))
    let compared = 0
    for (let i = 0; compared < 1_000; i++) {
      const words = names[Math.floor(random() * names.length)].split(' ')
      const from = Math.floor(random() * words.length)
      const to = random() < 0.3 ? words.length : Math.min(words.length, from + 1 + Math.floor(random() * 2))
      const folded = foldName(typo(random, words.slice(from, to).join(' ')))
      if (folded.replace(/ /g, '').length < 3) continue
      const minScore = [70, 85, 95][i % 3]
      const reference = scoreEveryName(some, folded, minScore)
      expect(found(small, folded, minScore), `${folded} at ${minScore}`).toEqual(reference)
      // With a limit, the search looks down a step at a time: the first ten must be the reference's.
      expect(firstByScore(found(small, folded, minScore, 10), 10), `${folded} at ${minScore}, 10`).toEqual(
        firstByScore(reference, 10),
      )
      compared++
    }
  }, 120_000)

  it('crosses between threads whole, its layout and run tables handed over', () => {
    const some = entities.slice(0, 600)
    const { parts, transfer } = indexOf(some).parts()
    const copy = FuzzyNameIndex.fromParts(structuredClone(parts, { transfer }))
    const fresh = indexOf(some)
    for (const query of ['hikvison', 'yun kong ke ji', 'huxain technology co', 'megvi tehcnology'])
      expect(found(copy, query, 70), query).toEqual(found(fresh, query, 70))
  })
})

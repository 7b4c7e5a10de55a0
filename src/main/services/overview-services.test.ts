import { describe, expect, it } from 'vitest'
import type { Reaction } from '../../shared/domain'
import type { ReactionCount } from '../../shared/overview'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import * as catalog from './catalog-services'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { overview } from './overview-services'

const tempDir = useTempDir()
const ROUND = 'el-2020-06-85fr34503'

/** The reactions counted by month and stance straight from the listed reactions, not from SQL. */
function countByMonthAndStance(reactions: Reaction[]): ReactionCount[] {
  const counts = new Map<string, ReactionCount>()
  for (const reaction of reactions) {
    const month = reaction.dateSaid && reaction.dateSaid.length >= 7 ? reaction.dateSaid.slice(0, 7) : null
    const key = `${month}|${reaction.stance}`
    const row = counts.get(key) ?? { month, value: reaction.stance, count: 0 }
    row.count++
    counts.set(key, row)
  }
  return [...counts.values()].sort(
    (a, b) =>
      Number(a.month === null) - Number(b.month === null) ||
      (a.month ?? '').localeCompare(b.month ?? '') ||
      (a.value ?? '').localeCompare(b.value ?? ''),
  )
}

describe('overview', () => {
  it('counts the whole store: headline, rounds by date, entities by country, reactions by month', async () => {
    const store = openDefaultStore(tempDir())
    try {
      const figures = await overview(store, { search: '', filters: {}, minScore: 100 })
      const entities = catalog.listEntities(store)
      const reactions = catalog.listReactions(store)
      expect(figures.scope).toBe('store')
      expect(figures.headline).toMatchObject({ entities: entities.length, lists: 1, rounds: 3 })
      expect(figures.headline.reactions).toBe(reactions.length)
      expect(
        figures.rounds.map((round) => [round.citation, round.date, round.declared, round.recorded]),
      ).toEqual([
        ['84 FR 54002', '2019-10-09', 28, 11],
        ['85 FR 34495', '2020-06-05', 24, 18],
        ['85 FR 34503', '2020-06-05', 9, 9],
      ])
      const byCountry = new Map<string, number>()
      for (const entity of entities)
        byCountry.set(entity.country ?? '', (byCountry.get(entity.country ?? '') ?? 0) + 1)
      expect(new Map(figures.countries.map((value) => [value.value, value.count]))).toEqual(byCountry)
      expect(figures.reactionsByStance).toEqual(countByMonthAndStance(reactions))
      expect(figures.reactionsByKind.reduce((sum, row) => sum + row.count, 0)).toBe(reactions.length)
    } finally {
      store.close()
    }
  })

  it('counts the Entities table’s view: its entities, their rounds, the reactions about them', async () => {
    const store = openDefaultStore(tempDir())
    try {
      const figures = await overview(store, { search: '', filters: { round: [ROUND] }, minScore: 100 })
      const inRound = catalog
        .listEntities(store)
        .filter((entity) => entity.rounds.some((round) => round.id === ROUND))
        .map((entity) => entity.id)
      expect(figures.scope).toBe('view')
      expect(figures.headline.entities).toBe(9)
      expect(inRound).toHaveLength(9)
      expect(figures.rounds.map((round) => [round.id, round.recorded])).toEqual([[ROUND, 9]])
      const about = catalog
        .listReactions(store)
        .filter(
          (reaction) =>
            reaction.entities.some((entity) => inRound.includes(entity.id)) ||
            (reaction.entities.length === 0 && reaction.rounds.some((round) => round.id === ROUND)),
        )
      expect(figures.headline.reactions).toBe(about.length)
      expect(figures.reactionsByStance).toEqual(countByMonthAndStance(about))
    } finally {
      store.close()
    }
  })

  it('counts a reaction written after an earlier overview (its kept facts follow the records)', async () => {
    const store = openDefaultStore(tempDir())
    try {
      const before = await overview(store, { search: '', filters: {}, minScore: 100 })
      applyTestOperations(store, [
        {
          op: 'upsert',
          type: 'reaction',
          record: {
            id: 'overview-later',
            speaker: 'Test Speaker',
            organisationKind: 'analyst',
            stance: 'supports',
            text: 'A later view.',
            textKind: 'paraphrase',
            language: 'en',
            dateSaid: '2020-07-01',
            rounds: ['el-2020-06-85fr34503'],
            entities: [],
            source: 'bis-fr-notices',
          },
        },
      ])
      const after = await overview(store, { search: '', filters: {}, minScore: 100 })
      expect(after.headline.reactions).toBe(before.headline.reactions + 1)
      expect(after.reactionsByStance).toContainEqual({ month: '2020-07', value: 'supports', count: 1 })
      // About the round as a whole (no entity named), so also in that round's view.
      const view = await overview(store, { search: '', filters: { round: [ROUND] }, minScore: 100 })
      expect(view.reactionsByKind).toContainEqual({ month: '2020-07', value: 'analyst', count: 1 })
    } finally {
      store.close()
    }
  })
})

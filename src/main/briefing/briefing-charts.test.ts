import { describe, expect, it } from 'vitest'
import { BRIEFING_SECTIONS, DEFAULT_BRIEFING_SETTINGS, type BriefingSettings } from '../../shared/briefing'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { briefingCharts, chartsShown } from './briefing-charts'
import { collectBriefing } from './collect-briefing'
import { renderBriefingHtml } from './document/briefing-document'

const tempDir = useTempDir()
const settings = (roundIds: string[], sections = [...BRIEFING_SECTIONS]): BriefingSettings => ({
  ...DEFAULT_BRIEFING_SETTINGS,
  scope: { kind: 'rounds', roundIds },
  sections,
})

describe('a briefing’s charts', () => {
  it('are printed by default for more than one round, and for one round only when asked for', () => {
    const store = openDefaultStore(tempDir())
    try {
      const data = (s: BriefingSettings) => collectBriefing(store.db, s, '2026-12-06')
      const two = data(settings(['el-2019-10-84fr54002', 'el-2020-06-85fr34503']))
      const one = data(settings(['el-2020-06-85fr34503']))
      const asked = data(settings(['el-2020-06-85fr34503'], ['charts', 'entities']))
      expect(one.entities).toHaveLength(9)
      expect([chartsShown(two), chartsShown(one), chartsShown(asked)]).toEqual([true, false, true])
      expect(renderBriefingHtml(two)).toContain('id="section-charts"')
      expect(renderBriefingHtml(one)).not.toContain('id="section-charts"')
      const html = renderBriefingHtml(asked)
      expect(html).toContain('<svg class="chart"')
      expect(html).toContain('<title id="chart-rounds-title">Growth of the lists</title>')
    } finally {
      store.close()
    }
  })

  it('count the briefing’s own rounds, entities and reactions', () => {
    const store = openDefaultStore(tempDir())
    try {
      const data = collectBriefing(store.db, settings(['el-2020-06-85fr34503']), '2026-12-06')
      const charts = briefingCharts(data)
      expect(charts.rounds).toEqual([
        expect.objectContaining({ citation: '85 FR 34503', declared: 9, recorded: 9, date: '2020-06-05' }),
      ])
      expect(charts.countries.reduce((sum, bar) => sum + bar.count, 0)).toBe(data.entities.length)
      expect(charts.reactionsByStance.reduce((sum, row) => sum + row.count, 0)).toBe(data.reactions.length)
    } finally {
      store.close()
    }
  })
})

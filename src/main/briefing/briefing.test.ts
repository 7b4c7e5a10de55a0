import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { generateData } from '../../../bench/generate-data'
import { DEFAULT_BRIEFING_SETTINGS, type BriefingSettings } from '../../shared/briefing'
import { ApiInputError, parseApiInput } from '../../shared/contract'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { cssString, runningTitle } from './briefing-styles'
import { briefingTitle, collectBriefing } from './collect-briefing'
import { renderBriefingHtml } from './document/briefing-document'
import { inlineMarkup, parseSummary } from './document/summary-markup'
import {
  deleteSavedBriefing,
  getSavedBriefing,
  listSavedBriefings,
  saveBriefing,
} from '../store/saved-briefings'
import { SourceNumbering } from './source-numbering'

const tempDir = useTempDir()
const TODAY = '2026-11-29'

function settings(change: Partial<BriefingSettings>): BriefingSettings {
  return { ...DEFAULT_BRIEFING_SETTINGS, ...change }
}

describe('the writer’s summary', () => {
  it('turns blank lines into paragraphs and "- " lines into one bullet list', () => {
    expect(parseSummary('First line\ncontinues.\n\n- one\n* two\n\nLast.')).toEqual([
      { kind: 'paragraph', text: 'First line continues.' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'paragraph', text: 'Last.' },
    ])
    expect(parseSummary('  \n\n ')).toEqual([])
  })

  it('marks **bold** and *italic* and escapes everything else', () => {
    const html = renderToStaticMarkup(
      createElement('p', null, ...inlineMarkup('a **b** *c* <script>x</script> 2*3')),
    )
    expect(html).toBe('<p>a <strong>b</strong> <em>c</em> &lt;script&gt;x&lt;/script&gt; 2*3</p>')
  })
})

describe('text the writer types into the page furniture', () => {
  it('is a safe CSS string whatever it holds', () => {
    expect(cssString('say "hi" \\ </style><script>')).toBe('"say \\"hi\\" \\\\ \\3c /style>\\3c script>"')
    expect(cssString('two\nlines')).toBe('"two lines"')
  })

  it('is cut to one header line, counting Chinese characters as wide', () => {
    expect(runningTitle('Short title')).toBe('Short title')
    expect(runningTitle('x'.repeat(2000))).toBe(`${'x'.repeat(33)}…`)
    expect(runningTitle('海康威视'.repeat(20))).toHaveLength(17)
  })

  it('titles a briefing by the lists in scope unless the writer chose a title; headings never show raw ids', () => {
    expect(briefingTitle('Entity List additions', [{ list: 'US BIS Entity List' }])).toBe(
      'Entity List additions',
    )
    expect(briefingTitle('Entity List additions', [{ list: 'Office of Foreign Assets Control (US)' }])).toBe(
      'Office of Foreign Assets Control (US): listings',
    )
    expect(
      briefingTitle('', [
        { list: 'US BIS Entity List' },
        { list: 'US Treasury SDN List' },
        { list: 'US BIS Entity List' },
      ]),
    ).toBe('Listings on the US BIS Entity List and US Treasury SDN List')
    expect(briefingTitle('Weekly note', [{ list: 'US Treasury SDN List' }])).toBe('Weekly note')
    const store = openDefaultStore(tempDir())
    try {
      applyTestOperations(store, [
        {
          op: 'upsert',
          type: 'round',
          record: {
            id: 'ofac-rus',
            list: 'Office of Foreign Assets Control (US)',
            title: null,
            sources: [{ source: 'bis-fr-notices' }],
          },
        },
        {
          op: 'upsert',
          type: 'designation',
          record: {
            id: 'ofac-rus.hikvision',
            entity: 'hikvision',
            round: 'ofac-rus',
            action: 'added',
            source: 'bis-fr-notices',
          },
        },
      ])
      const data = collectBriefing(
        store.db,
        settings({ scope: { kind: 'rounds', roundIds: ['ofac-rus'] } }),
        TODAY,
      )
      expect(data.settings.title).toBe('Office of Foreign Assets Control (US): listings')
      const html = renderBriefingHtml(data)
      expect(html).toContain('Office of Foreign Assets Control (US) (title not recorded)')
      expect(html).not.toMatch(/>ofac-rus</)
    } finally {
      store.close()
    }
  })

  it('shows a modified entry, an ended listing and one listed until a date as such, never as current', () => {
    const store = openDefaultStore(tempDir())
    try {
      applyTestOperations(store, [
        {
          op: 'correct',
          type: 'designation',
          id: 'el-2019-10-84fr54002.hikvision',
          field: 'ended',
          value: '2021-03-01',
        },
        {
          op: 'correct',
          type: 'designation',
          id: 'el-2019-10-84fr54002.dahua',
          field: 'ended',
          value: '2099-12-31',
        },
        {
          op: 'correct',
          type: 'designation',
          id: 'el-2019-10-84fr54002.iflytek',
          field: 'action',
          value: 'modified',
        },
      ])
      const html = renderBriefingHtml(
        collectBriefing(
          store.db,
          settings({ scope: { kind: 'rounds', roundIds: ['el-2019-10-84fr54002'] } }),
          TODAY,
        ),
      )
      expect(html).toContain('Listing ended 2021-03-01')
      expect(html).toContain('Listed until 2099-12-31')
      expect(html).toContain('Entry modified by 84 FR 54002')
    } finally {
      store.close()
    }
  })

  it('cannot break out of the stylesheet or inject markup through the title or banner', () => {
    const dir = tempDir()
    const store = openDefaultStore(dir)
    try {
      const hostile = '</style><script>alert(1)</script><img src=x>'
      const html = renderBriefingHtml(
        collectBriefing(
          store.db,
          settings({
            scope: { kind: 'entities', entityIds: ['megvii'] },
            title: hostile,
            banner: hostile,
            summary: hostile,
          }),
          TODAY,
        ),
      )
      expect(html).not.toContain('<script')
      expect(html).not.toContain('<img')
      expect(html.match(/<\/style>/g)).toHaveLength(1)
      expect(html).toContain('content="default-src &#x27;none&#x27;')
    } finally {
      store.close()
    }
  })
})

describe('source numbering', () => {
  it('numbers in order of first citation and reuses a number when cited again', () => {
    const numbering = new SourceNumbering()
    const source = {
      id: 's',
      publication: 'P',
      title: null,
      date: null,
      url: null,
      reliability: 'primary',
      note: null,
    } as const
    expect(numbering.federalRegister('84 FR 54002', '2019-10-09')).toBe(1)
    expect(numbering.publication(source)).toBe(2)
    expect(numbering.federalRegister('84 FR 54002', '2019-10-09')).toBe(1)
    expect(numbering.publication(source)).toBe(2)
    expect(numbering.list().map((entry) => entry.number)).toEqual([1, 2])
  })
})

describe('what a briefing covers', () => {
  it('a round scope: its entities, reactions to them and general reactions to the round', () => {
    const store = openDefaultStore(tempDir())
    try {
      const data = collectBriefing(
        store.db,
        settings({ scope: { kind: 'rounds', roundIds: ['el-2019-10-84fr54002'] } }),
        TODAY,
      )
      expect(data.rounds.map((r) => r.id)).toEqual(['el-2019-10-84fr54002'])
      expect(data.entities).toHaveLength(11)
      expect(data.entities.map((e) => e.primaryName)).toContain('Hikvision')
      // MOFCOM and the foreign ministry spoke about the whole rule, naming no entity.
      expect(data.reactions.some((r) => r.entities.length === 0)).toBe(true)
      expect(data.date).toBe(TODAY)
      expect(data.sources[0]).toMatchObject({ number: 1, kind: 'federal-register', citation: '84 FR 54002' })
    } finally {
      store.close()
    }
  })

  it('picked entities: only reactions about them, and the rounds they were designated in', () => {
    const store = openDefaultStore(tempDir())
    try {
      const data = collectBriefing(
        store.db,
        settings({ scope: { kind: 'entities', entityIds: ['cloudwalk'] } }),
        TODAY,
      )
      expect(data.entities.map((e) => e.id)).toEqual(['cloudwalk'])
      expect(data.rounds.map((r) => r.id)).toEqual(['el-2020-06-85fr34503'])
      expect(data.rounds[0].entitiesInScope).toBe(1)
      for (const reaction of data.reactions) {
        const aboutCloudWalk = reaction.entities.some((e) => e.id === 'cloudwalk')
        const aboutTheRoundOnly = reaction.entities.length === 0
        expect(aboutCloudWalk || aboutTheRoundOnly).toBe(true)
      }
    } finally {
      store.close()
    }
  })

  it('the Entities table as filtered: the same entities in the same order', () => {
    const store = openDefaultStore(tempDir())
    try {
      const data = collectBriefing(
        store.db,
        settings({
          scope: {
            kind: 'query',
            search: '',
            minScore: 100,
            filters: { round: ['el-2020-06-85fr34495'] },
            sort: [{ column: 'name', desc: true }],
          },
        }),
        TODAY,
      )
      expect(data.entities).toHaveLength(18)
      const names = data.entities.map((e) => e.primaryName)
      expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })))
    } finally {
      store.close()
    }
  })

  const badScopes: [BriefingSettings['scope'], RegExp][] = [
    [
      { kind: 'rounds', roundIds: [] },
      /scope is empty: there are no entities and no reactions — no round is chosen/,
    ],
    [{ kind: 'rounds', roundIds: ['nope'] }, /No round with the id "nope"/],
    [{ kind: 'entities', entityIds: ['nope', 'megvii'] }, /No entity with the id "nope"/],
    [{ kind: 'query', search: 'zzzzzz', filters: {}, sort: [], minScore: 100 }, /scope is empty/],
  ]
  it.each(badScopes)('refuses %j with a message', (scope, message) => {
    const store = openDefaultStore(tempDir())
    try {
      expect(() => collectBriefing(store.db, settings({ scope }), TODAY)).toThrow(message)
    } finally {
      store.close()
    }
  })

  it('refuses a scope over the entity limit, stating the limit, before laying anything out', () => {
    const store = openDefaultStore(tempDir())
    try {
      applyTestOperations(store, generateData(2001, { rounds: 1, reactions: 0 }).operations)
      expect(() =>
        collectBriefing(
          store.db,
          settings({ scope: { kind: 'rounds', roundIds: ['bench-round-0'] } }),
          TODAY,
        ),
      ).toThrow("The briefing's scope holds 2,001 entities; a briefing takes at most 2,000.")
    } finally {
      store.close()
    }
  })

  it('refuses a pick list of more than 20,000 entities at the contract', () => {
    const ids = Array.from({ length: 20_001 }, (_, i) => `e${i}`)
    expect(() =>
      parseApiInput('renderBriefing', {
        settings: { title: 'T', scope: { kind: 'entities', entityIds: ids } },
      }),
    ).toThrow(ApiInputError)
  })
})

describe('settings at the contract', () => {
  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(2001) }, 'title'],
    [{ paper: 'legal' }, 'paper'],
    [{ sections: [] }, 'sections'],
    [{ sections: ['maps'] }, 'sections'],
    [{ entityColumns: ['salary'] }, 'entityColumns'],
    [{ date: '29/11/2026' }, 'date'],
    [{ banner: 'x'.repeat(201) }, 'banner'],
    [{ extra: true }, 'extra'],
  ])('rejects %j naming the field', (change, field) => {
    const input = { settings: { title: 'T', scope: { kind: 'rounds', roundIds: ['r'] }, ...change } }
    expect(() => parseApiInput('renderBriefing', input)).toThrow(
      new RegExp(`settings(\\.${field}|: .*${field})`),
    )
  })

  it('fills defaults for what the caller leaves out', () => {
    const parsed = parseApiInput('renderBriefing', {
      settings: { title: 'T', scope: { kind: 'rounds', roundIds: [] } },
    })
    expect(parsed.settings.sections).toEqual(['overview', 'charts', 'entities', 'reactions', 'sources'])
    expect(parsed.settings.paper).toBe('letter')
  })
})

describe('saved briefings', () => {
  it('are saved, listed newest first, replaced, reopened and deleted', () => {
    const store = openDefaultStore(tempDir())
    try {
      const first = saveBriefing(
        store.db,
        settings({ title: 'First' }),
        undefined,
        new Date('2026-11-01T00:00:00Z'),
      )
      const second = saveBriefing(
        store.db,
        settings({ title: 'Second' }),
        undefined,
        new Date('2026-11-02T00:00:00Z'),
      )
      expect(listSavedBriefings(store.db).map((b) => b.settings.title)).toEqual(['Second', 'First'])
      saveBriefing(
        store.db,
        settings({ title: 'First, revised', paper: 'a4' }),
        first.id,
        new Date('2026-11-03T00:00:00Z'),
      )
      const reopened = getSavedBriefing(store.db, first.id)
      expect(reopened.settings).toMatchObject({ title: 'First, revised', paper: 'a4' })
      expect(reopened.createdAt).toBe('2026-11-01T00:00:00.000Z')
      deleteSavedBriefing(store.db, second.id)
      expect(listSavedBriefings(store.db).map((b) => b.id)).toEqual([first.id])
      expect(() => saveBriefing(store.db, settings({}), 'b-gone')).toThrow(
        'No saved briefing with the id "b-gone"',
      )
      expect(() => deleteSavedBriefing(store.db, second.id)).toThrow('No saved briefing')
    } finally {
      store.close()
    }
  })

  it('report damaged settings by id instead of using half of them', () => {
    const store = openDefaultStore(tempDir())
    try {
      store.db.prepare("INSERT INTO briefings VALUES ('b-bad', 'Bad', '{\"title\":\"\"}', 'x', 'x')").run()
      expect(() => getSavedBriefing(store.db, 'b-bad')).toThrow(
        /The saved briefing "b-bad" is damaged: scope/,
      )
    } finally {
      store.close()
    }
  })
})

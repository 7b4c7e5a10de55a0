import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BRIEFING_SECTION_TITLES,
  DEFAULT_BRIEFING_SETTINGS,
  type BriefingSettings,
} from '../../shared/briefing'
import { renderBriefingPdf } from '../services/briefing-services'
import type { Store } from '../store/open-store'
import { listReactions, listRounds, readEntitySummaries } from '../store/read-records'
import { applyTestOperations } from '../test-support/apply-test-operations'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { ChromiumPrinter } from './chromium-printer'
import { collectBriefing } from './collect-briefing'

/**
 * Briefings of the default data, printed by the real Chromium and checked with tools from outside the
 * project (poppler's pdftotext, pdfinfo, pdffonts, pdftohtml), as a reader's PDF viewer would see them.
 */
const tempDir = useTempDir()
const printer = new ChromiumPrinter()
let store: Store
let storeDir: string

beforeAll(() => {
  storeDir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'briefing-pdf-'))
  store = openDefaultStore(storeDir)
})
afterAll(async () => {
  await printer.close()
  store.close()
  fs.rmSync(storeDir, { recursive: true, force: true })
})

const ALL_ROUNDS = ['el-2019-10-84fr54002', 'el-2020-06-85fr34495', 'el-2020-06-85fr34503']

function settingsFor(change: Partial<BriefingSettings>): BriefingSettings {
  return { ...DEFAULT_BRIEFING_SETTINGS, scope: { kind: 'rounds', roundIds: ALL_ROUNDS }, ...change }
}

let exported = 0
async function exportPdf(settings: BriefingSettings, onStore: Store = store): Promise<string> {
  const { pdf } = await renderBriefingPdf(onStore, settings, printer, '2026-11-29')
  exported += 1
  const file = path.join(storeDir, `briefing-${exported}.pdf`)
  fs.writeFileSync(file, pdf)
  return file
}

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' })
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1])
const pageText = (file: string, page: number) =>
  run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'])
const flat = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The outline as pdftohtml reads it: each item with its nesting depth. */
function outline(file: string): { depth: number; title: string }[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', file])
  const items: { depth: number; title: string }[] = []
  let depth = 0
  for (const token of xml.matchAll(/<outline>|<\/outline>|<item[^>]*>([^<]*)<\/item>/g)) {
    if (token[0] === '<outline>') depth += 1
    else if (token[0] === '</outline>') depth -= 1
    else items.push({ depth, title: token[1].replace(/&amp;/g, '&') })
  }
  return items
}

describe('a briefing of the default data, as a PDF', () => {
  let file: string
  beforeAll(async () => {
    file = await exportPdf(
      settingsFor({
        title: 'Entity List additions 2019–2020',
        author: 'Export Controls Desk',
        paper: 'letter',
      }),
    )
  }, 60_000)

  it('carries the banner at the top and bottom of every page, and "Page x of y"', () => {
    const pages = pageCount(file)
    expect(pages).toBeGreaterThan(3)
    for (let page = 1; page <= pages; page += 1) {
      const lines = pageText(file, page)
        .split('\n')
        .filter((line) => line.trim() !== '')
      expect(lines[0], `page ${page} header`).toMatch(
        /Entity List additions 2019–2020\s+UNCLASSIFIED\s+29 November 2026/,
      )
      expect(lines.at(-1), `page ${page} footer`).toMatch(
        new RegExp(`Data as of 6 December 2026\\s+UNCLASSIFIED\\s+Page ${page} of ${pages}`),
      )
    }
  })

  it('names every entity in scope, Chinese names included, and quotes every reaction verbatim', () => {
    const text = flat(run('pdftotext', [file, '-']))
    const data = collectBriefing(store.db, settingsFor({}), '2026-11-29')
    expect(data.entities).toHaveLength(38)
    for (const entity of readEntitySummaries(
      store.db,
      data.entities.map((e) => e.id),
    )) {
      expect(text).toContain(flat(entity.primaryName))
      if (entity.originalName) expect(text).toContain(entity.originalName)
    }
    const reactions = listReactions(store.db)
    expect(data.reactions).toHaveLength(reactions.length)
    for (const reaction of reactions) {
      const quoted = reaction.textKind === 'verbatim' ? `“${reaction.text}”` : reaction.text
      expect(text).toContain(flat(quoted))
    }
  })

  it('lists every Federal Register citation and source it refers to', () => {
    const text = flat(run('pdftotext', [file, '-']))
    for (const round of listRounds(store.db)) {
      for (const citation of round.citations) expect(text).toContain(`Federal Register, ${citation}`)
    }
    expect(text).toMatch(/Sources 1\. Federal Register, 84 FR 54002, published 9 October 2019\./)
  })

  it('is tagged, Letter-sized, with title and author, and embeds every font', () => {
    const info = run('pdfinfo', [file])
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
    expect(info).toMatch(/Title:\s+Entity List additions 2019–2020/)
    expect(info).toMatch(/Author:\s+Export Controls Desk/)
    expect(info).toMatch(/Subject:\s+Briefing on 38 entities and 30 reactions/)
    const fonts = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(2)
    for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes')
    // The Latin and the Chinese faces we ship, not whatever the machine happens to have.
    expect(fonts.some((font) => font.includes('NotoSans-Regular'))).toBe(true)
    expect(fonts.some((font) => /NotoSans(SC|TC)/.test(font))).toBe(true)
  })

  it('draws its charts as vector text: axis dates, round citations, legends', () => {
    const text = flat(run('pdftotext', [file, '-']))
    const charts = text.slice(text.indexOf('Charts'), text.indexOf('Entities by country'))
    expect(charts).toContain('84 FR 54002')
    expect(charts).toContain('85 FR 34503')
    expect(charts).toMatch(/2019-10 .*2020-0[1-7]/)
    expect(charts).toContain('US BIS Entity List')
    expect(text).toContain('Entities by sector')
    expect(text).toContain('How the world reacted: reactions per month, by stance')
    for (const legend of ['opposes', 'supports', 'neutral', 'not classified', 'industry group'])
      expect(text).toContain(legend)
  })

  it('has one outline entry per section under the title', () => {
    const items = outline(file)
    expect(items[0]).toEqual({ depth: 1, title: 'Entity List additions 2019–2020' })
    const sections = items.filter((item) => item.depth === 2).map((item) => item.title)
    expect(sections).toEqual(Object.values(BRIEFING_SECTION_TITLES))
  })
})

describe('the handling banner', () => {
  it.each([
    ['letter', 'UNCLASSIFIED//FOR TEST'],
    ['a4', 'CONTROLLED UNCLASSIFIED INFORMATION//NOFORN'],
    ['a4', 'SECRET//REL TO USA, AUS, CAN, GBR, NZL//FOR TESTING ONLY AAA'],
    ['letter', `CONTROLLED UNCLASSIFIED INFORMATION//${'VERY LONG CAVEAT '.repeat(5).trim()}`],
  ] as const)(
    'stays on one line at the top and bottom of each page (%s, %s)',
    async (paper, banner) => {
      const file = await exportPdf(settingsFor({ paper, banner, title: 'Entity List additions 2019–2020' }))
      for (let page = 1; page <= Math.min(pageCount(file), 2); page += 1) {
        const lines = pageText(file, page)
          .split('\n')
          .filter((line) => line.trim() !== '')
        // A small banner's baseline may differ from its neighbours': it is one of the first or last two lines.
        const mentions = lines.filter((line) => /UNCLASSIFIED|CAVEAT|NOFORN|TESTING/.test(line))
        expect(mentions, `page ${page}`).toHaveLength(2)
        expect(
          lines.slice(0, 2).some((line) => line.includes(banner)),
          `page ${page} header`,
        ).toBe(true)
        expect(
          lines.slice(-2).some((line) => line.includes(banner)),
          `page ${page} footer`,
        ).toBe(true)
      }
    },
    60_000,
  )
})

it('prints A4 with only the sections asked for', async () => {
  const file = await exportPdf(
    settingsFor({ paper: 'a4', sections: ['entities', 'sources'], banner: '', summary: 'Two **points**.' }),
  )
  expect(run('pdfinfo', [file])).toMatch(/Page size:.*\(A4\)/)
  const sections = outline(file)
    .filter((item) => item.depth === 2)
    .map((item) => item.title)
  expect(sections).toEqual(['Summary', 'Entities', 'Sources'])
  // No banner asked for: the header holds only the title and date.
  expect(pageText(file, 1).split('\n')[0]).not.toContain('UNCLASSIFIED')
}, 60_000)

it('keeps its layout with a 2,000-character title and a quote in unusual Unicode', async () => {
  const dir = tempDir()
  const odd = openDefaultStore(dir)
  try {
    const quote = 'שלום עולם — مرحبا 😀🇨🇳 e\u0301\u0301 𠀀𠀁 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇'
    applyTestOperations(odd, [
      {
        op: 'upsert',
        type: 'reaction',
        record: {
          id: 'unicode-test',
          speaker: 'Test Speaker',
          organisationKind: 'other',
          text: quote,
          textKind: 'verbatim',
          language: 'und',
          rounds: ['el-2019-10-84fr54002'],
          entities: [],
          source: 'bis-fr-notices',
        },
      },
    ])
    const title = `${'A very long title that keeps going '.repeat(57)}END`.slice(0, 2000)
    const file = await exportPdf(
      settingsFor({ scope: { kind: 'rounds', roundIds: ['el-2019-10-84fr54002'] }, title }),
      odd,
    )
    // Kept for a person to look at (test-results is not committed).
    fs.mkdirSync('test-results', { recursive: true })
    fs.copyFileSync(file, 'test-results/briefing-unusual-unicode.pdf')
    const pages = pageCount(file)
    expect(pages).toBeLessThan(12)
    for (let page = 1; page <= pages; page += 1) {
      const lines = pageText(file, page)
        .split('\n')
        .filter((line) => line.trim() !== '')
      // The running header is cut short with an ellipsis; banner and page numbers keep their places.
      expect(lines[0]).toMatch(/A very long title that keeps goin.*…\s+UNCLASSIFIED/)
      expect(lines.at(-1)).toMatch(new RegExp(`UNCLASSIFIED\\s+Page ${page} of ${pages}$`))
    }
    const text = flat(run('pdftotext', [file, '-']))
    expect(text).toContain('END')
    expect(text).toContain('Test Speaker')
    expect(text).toMatch(/שלום|םולש/)
  } finally {
    odd.close()
  }
}, 60_000)

import fs from 'node:fs'
import { undoLatest } from '../test-support/apply-test-operations'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { applyPending, previewPending } from '../bundles/import-bundle'
import { readStats } from '../store/read-records'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { parseCsv } from './csv-rows'
import { repairMojibake } from './decode-text'
import { parseFrCitations } from './fr-citations'
import { ImportError } from './import-error'
import { normaliseName, originalScriptName, slugOf } from './names'
import { detectFormat, readSource } from './read-source'
import { entityTypeOf } from './plan-import'
import { pendingFromSource } from './source-update'
import { CSL_HEADER, cslRow } from '../test-support/csl-rows'

const tempDir = useTempDir()
const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name))

const EL = 'Entity List (EL) - Bureau of Industry and Security'
const csl = (...rows: string[]) => Buffer.from([CSL_HEADER, ...rows].join('\n'))
/** A CSL file of Entity List entries with these names, read as the importer reads it. */
const readEntityList = (fileName: string, ...names: string[]) =>
  readSource(csl(...names.map((name) => cslRow({ source: EL, type: 'Entity', name }))), fileName, 'csl')

describe('reading the real samples', () => {
  it('groups the BIS Entity List CSV back into entities: one per name and notice', () => {
    const parsed = readSource(fixture('bis-entity-list-2015-sample.csv'), 'el.csv', 'bis')
    expect(parsed.entries.map((e) => e.name)).toEqual([
      'Fazal Rahim Farid',
      'Fazel Khalil Construction Company',
      'Zurmat Construction Company offices',
      'Murat Peker',
      'Qazi Abdallah',
      'Qazi Abdallah',
    ])
    const farid = parsed.entries[0]
    expect(farid).toMatchObject({
      list: 'US BIS Entity List',
      country: 'AF',
      altNames: ['Fazel Rahim Farid', 'Farid', 'Engineer Idris'],
      citations: [{ text: '76 FR 71867', volume: 76, page: 71867, published: '2011-11-21' }],
      licensePolicy: 'Presumption of denial.',
    })
    expect(farid.addresses).toHaveLength(2)
    expect(parsed.entries[2].addresses).toHaveLength(7)
    expect(parsed.entries[3].country).toBe('TR')
    // The same name under two notices is two listings, as the file has them.
    expect(parsed.entries.slice(4).map((e) => e.citations[0].text)).toEqual(['76 FR 71867', '76 FR 10001'])
  })

  it('reads FollowTheMoney parties with their original-script names, skipping Address entities', () => {
    const parsed = readSource(fixture('opensanctions-ftm-sample.ftm.json'), 'entities.ftm.json', 'ftm')
    expect(parsed.entries).toHaveLength(6)
    const tobacco = parsed.entries.find((e) => e.name === 'RAB „Inter Tobacco“')!
    expect(tobacco).toMatchObject({ country: 'BY', kind: 'entity', list: 'OpenSanctions: eu_fsf' })
    // Notes kept; first_seen is when OpenSanctions saw the record, kept as such, never as a listing date.
    expect(tobacco.remarks).toBe(
      'Belarus (Minsk Free Economic Zone)\nOpenSanctions first saw this record on 2023-04-20 (first_seen).',
    )
    expect(tobacco.startDate).toBe('2022-06-03')
    expect(originalScriptName(tobacco.altNames, tobacco.country)).toBe(
      'Общество с ограниченной ответственностью “Интер Тобако”',
    )
    const kuzmenko = parsed.entries.find((e) => e.name === 'Vitaly Yurievich KUZMENKO')!
    expect(kuzmenko).toMatchObject({ country: 'RU', kind: 'individual', startDate: '2024-02-23' })
  })

  it('forms one round per dataset and programme from FtM Sanction entities', () => {
    const lines = [
      {
        id: 'p1',
        schema: 'Company',
        caption: 'Test Holding Ltd',
        properties: { name: ['Test Holding Ltd', '测试控股有限公司'], country: ['cn'] },
        datasets: ['us_ofac_sdn'],
      },
      {
        id: 's1',
        schema: 'Sanction',
        properties: { entity: ['p1'], program: ['CMIC-EO13959'], listingDate: ['2021-06-03'] },
        datasets: ['us_ofac_sdn'],
      },
      {
        id: 'p2',
        schema: 'Person',
        caption: 'Test Person',
        properties: { name: ['Test Person'], nationality: ['suhh'] },
        datasets: ['us_ofac_sdn'],
      },
    ]
    const parsed = readSource(
      Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')),
      'f.ftm.json',
      'ftm',
    )
    expect(parsed.entries[0]).toMatchObject({
      country: 'CN',
      rule: { id: 'CMIC-EO13959', title: 'CMIC-EO13959', date: '2021-06-03' },
    })
    expect(originalScriptName(parsed.entries[0].altNames, 'CN')).toBe('测试控股有限公司')
    expect(parsed.entries[1]).toMatchObject({
      kind: 'individual',
      country: null,
      rule: { id: 'us_ofac_sdn' },
    })
    expect(parsed.warnings).toEqual(['f.ftm.json line 3: country "suhh" is not an ISO country; left empty'])
  })

  it('imports the BIS sample with the right counts, and undo restores the store exactly', () => {
    const store = openDefaultStore(tempDir())
    try {
      const before = dumpStore(store.db)
      const update = pendingFromSource(store.db, fixture('bis-entity-list-2015-sample.csv'), 'el.csv', 'bis')
      expect(update.summary).toMatchObject({ signed: false, format: 'bis', keyId: 'unsigned' })
      expect(update.confirmations[0]).toMatch(/el\.csv is not signed/)
      expect(() => applyPending(store.db, update)).toThrow(/confirm/)
      // The same name under two notices may be one party or two: the user is asked, nothing is merged.
      expect(update.matching!.ambiguous).toEqual([
        expect.objectContaining({
          incoming: 'Qazi Abdallah',
          candidates: [expect.objectContaining({ entityName: 'Qazi Abdallah' })],
        }),
      ])
      const asNew = previewPending(store.db, update)
      expect(asNew.counts.find((c) => c.type === 'entity')!.new).toBe(6)
      const [qaziEntry] = update.matching!.ambiguous
      const decided = pendingFromSource(
        store.db,
        fixture('bis-entity-list-2015-sample.csv'),
        'el.csv',
        'bis',
        {
          decisions: { [qaziEntry.entry]: qaziEntry.candidates[0].entityId },
        },
      )
      const result = applyPending(store.db, decided, { confirmed: true })
      const count = (type: string) => result.preview.counts.find((c) => c.type === type)!.new
      expect([count('entity'), count('round'), count('designation')]).toEqual([5, 4, 6])
      const qazi = store.db
        .prepare(
          "SELECT count(*) FROM designations d JOIN entities e ON e.id = d.entity_id WHERE e.primary_name = 'Qazi Abdallah'",
        )
        .pluck()
        .get()
      expect(qazi).toBe(2)
      const origin = store.db
        .prepare(
          "SELECT o.kind, o.label FROM entities e JOIN origins o ON o.id = e.origin_id WHERE e.primary_name = 'Murat Peker'",
        )
        .get()
      expect(origin).toEqual({ kind: 'import', label: 'Unsigned BIS file el.csv' })
      undoLatest(store.db)
      // The dump leaves out the history (which keeps the undone entry); everything else is as it was.
      expect(dumpStore(store.db)).toBe(before)
    } finally {
      store.close()
    }
  })
})

describe('a CSL file with the October 2019 and June 2020 Entity List entries', () => {
  it('maps onto the default dataset’s rounds, and onto its entities once the user confirms each match', () => {
    const store = openDefaultStore(tempDir())
    try {
      const stats = readStats(store.db)
      const file = fixture('csl-entity-list-2019-2020.csv')
      const update = pendingFromSource(store.db, file, 'csl.csv', 'csl')
      // Names and countries in common are possible matches, each with the one entity it could be.
      expect(update.matching).toMatchObject({ entries: 37, mergedCount: 0, ambiguousCount: 37 })
      const hikvision = update.matching!.ambiguous.find(
        (m) => m.incoming === 'Hangzhou Hikvision Digital Technology Co. Ltd.',
      )!
      expect(hikvision.candidates).toEqual([expect.objectContaining({ entityId: 'hikvision' })])
      const decisions = Object.fromEntries(
        update.matching!.ambiguous.map((m) => [m.entry, m.candidates[0].entityId]),
      )
      const decided = pendingFromSource(store.db, file, 'csl.csv', 'csl', { decisions })
      expect(decided.matching).toMatchObject({ entries: 37, mergedCount: 37, ambiguousCount: 0 })
      applyPending(store.db, decided, { confirmed: true })
      expect(readStats(store.db)).toEqual({ ...stats, sources: stats.sources + 1 })
    } finally {
      store.close()
    }
  })

  it('adds each import’s source to the rounds and entities it lists, never replacing theirs', () => {
    const store = openDefaultStore(tempDir())
    try {
      const roundSources = () =>
        store.db
          .prepare(
            "SELECT source_id FROM round_sources WHERE round_id = 'el-2019-10-84fr54002' ORDER BY position",
          )
          .pluck()
          .all() as string[]
      const entitySources = () =>
        store.db
          .prepare("SELECT source_id FROM entity_sources WHERE entity_id = 'hikvision' ORDER BY position")
          .pluck()
          .all() as string[]
      const [roundBefore, entityBefore] = [roundSources(), entitySources()]
      const importOnce = (bytes: Buffer, name: string) => {
        const asked = pendingFromSource(store.db, bytes, name, 'csl')
        const decisions = Object.fromEntries(
          asked.matching!.ambiguous.map((m) => [m.entry, m.candidates[0].entityId]),
        )
        const update = pendingFromSource(store.db, bytes, name, 'csl', { decisions })
        const { preview } = applyPending(store.db, update, { confirmed: true })
        return preview
      }
      const sourceIds = () =>
        store.db.prepare("SELECT id FROM sources WHERE id LIKE 'import-%' ORDER BY rowid").pluck().all()
      const file = fixture('csl-entity-list-2019-2020.csv')
      importOnce(file, 'first.csv')
      const [first] = sourceIds() as string[]
      expect(roundSources()).toEqual([...roundBefore, first])
      expect(entitySources()).toEqual([...entityBefore, first])
      // The same entries saved again (another line ending, another name): the same source, nothing to change.
      const again = importOnce(Buffer.from(file.toString('utf8').replace(/\r\n/g, '\n')), 'second.csv')
      expect(again.counts.every((c) => c.new === 0 && c.changed === 0 && c.retired === 0)).toBe(true)
      // Another edition (one row fewer) is another source, added beside the first.
      const lines = file.toString('utf8').trimEnd().split('\r\n')
      importOnce(Buffer.from(lines.slice(0, -1).join('\r\n')), 'third.csv')
      const [, third] = sourceIds() as string[]
      expect(roundSources()).toEqual([...roundBefore, first, third])
      expect(entitySources()).toEqual([...entityBefore, first, third])
    } finally {
      store.close()
    }
  })

  it('reads the same entries from the CSL JSON form', () => {
    const rows = parseCsv(fixture('csl-entity-list-2019-2020.csv').toString('utf8'))
    const header = rows[0].cells
    const results = rows.slice(1).map((row) => {
      const record = Object.fromEntries(header.map((column, i) => [column, row.cells[i]]))
      return {
        ...record,
        id: record._id,
        alt_names: record.alt_names ? record.alt_names.split('; ') : [],
        addresses: record.addresses
          ? [
              {
                address: '',
                city: '',
                state: '',
                postal_code: '',
                country: record.addresses.split(', ').at(-1),
              },
            ]
          : [],
      }
    })
    const json = Buffer.from(JSON.stringify({ results, total: results.length, sources_used: [] }))
    expect(detectFormat(json, 'csl.json')).toBe('csl')
    const fromJson = readSource(json, 'csl.json', 'csl')
    const fromCsv = readSource(fixture('csl-entity-list-2019-2020.csv'), 'csl.csv', 'csl')
    const essence = (e: (typeof fromCsv.entries)[number]) => ({ ...e, location: undefined })
    expect(fromJson.entries.map(essence)).toEqual(fromCsv.entries.map(essence))
  })
})

describe('matching with what the store has', () => {
  it('asks whether one name on two lists is one party, and merges it when told, with the evidence', () => {
    const store = openDefaultStore(tempDir())
    try {
      const file = csl(
        cslRow({
          source: EL,
          type: 'Entity',
          name: 'Test Optics Works Co., Ltd.',
          addresses: ', , , , CN',
          federal_register_notice: '85 FR 34495, 6/5/20',
        }),
        cslRow({
          source: 'Military End User (MEU) List - Bureau of Industry and Security',
          type: 'Entity',
          name: 'Test Optics Works Company Limited',
          addresses: ', , , , CN',
          federal_register_notice: '85 FR 83793, 12/23/20',
        }),
      )
      const asked = pendingFromSource(store.db, file, 'two-lists.csv', 'csl')
      expect(asked.matching!.merged).toEqual([])
      expect(asked.matching!.ambiguous).toEqual([
        expect.objectContaining({
          entry: 'two-lists.csv line 3',
          candidates: [expect.objectContaining({ entityId: 'test-optics-works-co-ltd' })],
        }),
      ])
      const update = pendingFromSource(store.db, file, 'two-lists.csv', 'csl', {
        decisions: { 'two-lists.csv line 3': 'test-optics-works-co-ltd' },
      })
      expect(update.matching!.merged).toEqual([
        expect.objectContaining({
          entry: 'two-lists.csv line 3',
          inStore: false,
          entityId: 'test-optics-works-co-ltd',
        }),
      ])
      const result = applyPending(store.db, update, { confirmed: true })
      expect(result.preview.counts.find((c) => c.type === 'entity')!.new).toBe(1)
      const lists = store.db
        .prepare(
          "SELECT r.list_name FROM designations d JOIN rounds r ON r.id = d.round_id WHERE d.entity_id = 'test-optics-works-co-ltd' ORDER BY 1",
        )
        .pluck()
        .all()
      expect(lists).toEqual(['US BIS Entity List', 'US BIS Military End-User List'])
    } finally {
      store.close()
    }
  })

  it('lists a name match with another country for the user to decide, and merges only when told to', () => {
    const store = openDefaultStore(tempDir())
    try {
      const file = csl(
        cslRow({
          source: EL,
          type: 'Entity',
          name: 'Hikvision',
          addresses: ', , , , US',
          federal_register_notice: '84 FR 54002, 10/9/19',
        }),
      )
      const update = pendingFromSource(store.db, file, 'odd.csv', 'csl')
      expect(update.matching!.ambiguous).toEqual([
        expect.objectContaining({
          entry: 'odd.csv line 2',
          decision: 'new',
          candidates: [
            expect.objectContaining({
              entityId: 'hikvision',
              reasons: expect.arrayContaining(['country US ≠ CN']),
            }),
          ],
        }),
      ])
      expect(update.confirmations[1]).toMatch(/1 listed party looks like more than one entity/)
      expect(
        [...update.operations.inApplyOrder()].some(
          (o) => o.operation.op === 'upsert' && o.operation.type === 'entity',
        ),
      ).toBe(true)
      const decided = pendingFromSource(store.db, file, 'odd.csv', 'csl', {
        decisions: { 'odd.csv line 2': 'hikvision' },
      })
      expect(decided.matching!.ambiguousCount).toBe(0)
      expect(decided.matching!.merged[0].reasons).toContain('chosen by the user')
      const plain = csl(cslRow({ source: EL, type: 'Entity', name: 'Test Nobody Knows Ltd.' }))
      expect(() =>
        pendingFromSource(store.db, plain, 'plain.csv', 'csl', { decisions: { 'plain.csv line 2': 'new' } }),
      ).toThrow(/The decision "plain\.csv line 2=new" is about an entry that is not a possible match/)
      expect(
        [...decided.operations.inApplyOrder()].some(
          (o) => o.operation.type === 'entity' && o.operation.op === 'upsert',
        ),
      ).toBe(false)
    } finally {
      store.close()
    }
  })

  it('normalises names for matching: case, accents, punctuation and legal forms', () => {
    expect(normaliseName('Hangzhou Hikvision Digital Technology Co., Ltd.')).toBe(
      'hangzhou hikvision digital technology',
    )
    expect(normaliseName('HANGZHOU HIKVISION DIGITAL TECHNOLOGY COMPANY LIMITED')).toBe(
      'hangzhou hikvision digital technology',
    )
    expect(normaliseName('Société Générale S.A.')).toBe('societe generale')
    expect(normaliseName('云从科技集团股份有限公司')).toBe('云从科技')
  })

  it('reads plain ASCII names as the general path reads the same name with an accent', () => {
    // "é" sends a name down the general path, which folds it to "e": both must then agree word for word.
    for (const name of [
      'ABU JHEISHEH, Mohammed',
      'Beijing E.P. Technology L.L.C. (Branch) No.7',
      '  The Bank of Kunlun  ',
      'S.A. de C.V. 9-Star_Trading',
      'OOO "Tekhnologii"',
    ]) {
      const accented = name.replace(/e/i, (e) => (e === 'e' ? 'é' : 'É'))
      expect(name).not.toBe(accented)
      expect(normaliseName(name)).toBe(normaliseName(accented))
    }
  })
})

describe('the real 2019 CSL excerpt', () => {
  it('keeps end dates, programmes and every citation of a Denied Persons order', () => {
    const store = openDefaultStore(tempDir())
    try {
      const update = pendingFromSource(store.db, fixture('csl-2019-excerpt.csv'), 'csl-2019.csv', 'csl')
      const designations = [...update.operations.inApplyOrder()]
        .map((o) => o.operation)
        .filter((o) => o.op === 'upsert' && o.type === 'designation')
        .map((o) => (o as { record: Record<string, unknown> }).record)
      const entities = [...update.operations.inApplyOrder()]
        .map((o) => o.operation)
        .filter((o) => o.op === 'upsert' && o.type === 'entity')
        .map((o) => (o as { record: { id: string; name: string; type: string } }).record)
      const hernandez = entities.find((e) => e.name === 'ADRIAN MANUEL HERNANDEZ')!
      expect(designations.filter((d) => d.entity === hernandez.id)).toEqual([
        expect.objectContaining({
          date: '2017-10-20',
          citation: '82 FR 48792',
          ended: '2020-10-13',
          action: 'added',
        }),
      ])
      const wings = entities.find((e) => e.name === 'AL NASER WINGS AIRLINES')!
      expect(
        designations.filter((d) => d.entity === wings.id).map((d) => [d.citation, d.date, d.action, d.ended]),
      ).toEqual([
        ['82 FR 61745', '2017-12-29', 'added', '2019-12-03'],
        ['83 FR 28801', '2018-06-21', 'modified', '2019-12-03'],
        ['84 FR 27233', '2019-06-12', 'modified', '2019-12-03'],
      ])
      const isn = designations.find(
        (d) => typeof d.citation === 'string' && d.citation.startsWith('83 FR No. 91'),
      )
      expect(isn).toMatchObject({ programs: 'INKSNA', date: '2018-05-10' })
    } finally {
      store.close()
    }
  })
})

describe('names and ids', () => {
  it('skips a name that is only broken encoding, saying why', () => {
    const parsed = readEntityList('mojibake.csv', 'â', 'Test Real Name Co.')
    expect(parsed.entries.map((e) => e.name)).toEqual(['Test Real Name Co.'])
    expect(parsed.warnings).toContain(
      'mojibake.csv line 2: "â" has no name left in it (fewer than two letters or digits after cleaning); row skipped',
    )
  })

  it('gives a party named in another script a readable id', () => {
    expect(slugOf('ЗАЛА АЭРО')).toBe('zala-aero')
    expect(slugOf('Акціонерне товариство "Зала Аеро"')).toBe('aktsionerne-tovaristvo-zala-aero')
    expect(slugOf('云从科技')).toBe('yun-cong-ke-ji')
    expect(slugOf('Hikvision')).toBe('hikvision')
  })
})

describe('entity types', () => {
  it.each([
    ['TEST HOLDING OOO', [], 'company'],
    ['AO TEST PLANT', [], 'company'],
    ['ZAO TESTPROM', [], 'company'],
    ['Test Comercial S.A.', [], 'company'],
    ['Test Importadora LTDA', [], 'company'],
    ['AKTSIONERNOE OBSHCHESTVO TESTMASH', [], 'company'],
    ['TESTMASH', ['Общество с ограниченной ответственностью "Тестмаш"'], 'company'],
    ['Harbin Test University', [], 'university'],
    ['Test Trading', [], 'other'],
  ] as const)('%s is a %s', (name, altNames, type) => {
    const entry = readSource(
      csl(cslRow({ source: EL, type: 'Entity', name, alt_names: altNames.join('; ') })),
      'f.csv',
      'csl',
    ).entries[0]
    expect(entityTypeOf(entry)).toBe(type)
  })

  it('takes the CSL type: an Individual is a person, whatever the name', () => {
    const entry = readSource(
      csl(cslRow({ source: EL, type: 'Individual', name: 'Test Holding Co.' })),
      'f.csv',
      'csl',
    ).entries[0]
    expect(entityTypeOf(entry)).toBe('person')
  })
})

describe('citations', () => {
  it('reads four-digit years (82 F.R. 48792 10/20/2017 was published in 2017, not 2020)', () => {
    expect(parseFrCitations('82 F.R. 48792 10/20/2017')).toEqual({
      citations: [
        { text: '82 FR 48792', volume: 82, page: 48792, published: '2017-10-20', placeholder: false },
      ],
      problems: [],
    })
  })

  it.each([
    '82 F.R. 61745 12/29/2017, 83 F.R. 28801 6/21/2018,  84 F.R. 27233 6/12/2019',
    '82 F.R. 61745 12/29/2017,  83F.R. 28801 6/21/2018, 84 F.R. 27233 6/12/2019',
    '82 F.R. 61745 12/29/2017 83 F.R. 28801 6/21/2018 and 84 F.R. 27233 6/12/2019',
    '82 FR 61745, 12/29/17; 83 FR 28801, 6/21/18; 84 FR 27233, 6/12/19.',
  ])('keeps every citation of a cell: %s', (cell) => {
    const { citations, problems } = parseFrCitations(cell)
    expect(problems).toEqual([])
    expect(citations.map((c) => [c.text, c.published])).toEqual([
      ['82 FR 61745', '2017-12-29'],
      ['83 FR 28801', '2018-06-21'],
      ['84 FR 27233', '2019-06-12'],
    ])
  })

  it('reads a date in parentheses and passes over an issue number, as the real 2019 CSL writes them', () => {
    expect(parseFrCitations('76 FR 50407 (8/15/2011)')).toEqual({
      citations: [
        { text: '76 FR 50407', volume: 76, page: 50407, published: '2011-08-15', placeholder: false },
      ],
      problems: [],
    })
    const { citations, problems } = parseFrCitations('66 FR 24266, 77 FR 58006 (no. 182), 81 FR 64694')
    expect(citations.map((c) => c.text)).toEqual(['66 FR 24266', '77 FR 58006', '81 FR 64694'])
    expect(problems).toEqual([])
  })

  it('gives three namesakes on one list three entities, never one id (the real 2019 CSL has such rows)', () => {
    const store = openDefaultStore(tempDir())
    try {
      const row = cslRow({
        source: EL,
        type: 'Entity',
        name: 'Test Namesake Trading',
        addresses: ', , , , NO',
      })
      const update = pendingFromSource(store.db, csl(row, row, row), 'namesakes.csv', 'csl')
      const ids = [...update.operations.inApplyOrder()]
        .map((o) => o.operation)
        .filter((o) => o.op === 'upsert' && o.type === 'entity')
        .map((o) => (o as { record: { id: string } }).record.id)
      expect(ids).toHaveLength(3)
      expect(new Set(ids).size).toBe(3)
    } finally {
      store.close()
    }
  })

  it('keeps a vessel whose name is digits ("7-28"), as the SDN list names it', () => {
    const parsed = readEntityList('vessel.csv', '7-28')
    expect(parsed.entries.map((e) => e.name)).toEqual(['7-28'])
  })

  it('reads State Department citations by volume and issue', () => {
    expect(parseFrCitations('Vol. 83, No. 91, 05/10/2018').citations).toEqual([
      { text: '83 FR No. 91', volume: 83, page: null, published: '2018-05-10', placeholder: false },
    ])
  })

  it('warns where a volume and its year disagree, and where text between citations is unreadable', () => {
    expect(parseFrCitations('84 FR 54002, 10/9/2020').problems).toEqual([
      '"84 FR 54002" is dated 2020-10-09, but volume 84 is the Federal Register of 2019',
    ])
    expect(parseFrCitations('84 FR 54002, 10/9/19 see annex 85 FR 34503, 6/5/20').problems).toEqual([
      '"see annex" in "84 FR 54002, 10/9/19 see annex 85 FR 34503, 6/5/20" is not a Federal Register citation',
    ])
  })

  it('parses several per entry, with volume, page and date', () => {
    expect(parseFrCitations('84 FR 54002, 10/9/19; 85 FR 34503, 6/5/20').citations).toEqual([
      { text: '84 FR 54002', volume: 84, page: 54002, published: '2019-10-09', placeholder: false },
      { text: '85 FR 34503', volume: 85, page: 34503, published: '2020-06-05', placeholder: false },
    ])
  })

  it('keeps a placeholder citation with its date and reports it', () => {
    const { citations, problems } = parseFrCitations('88 FR [INSERT FR PAGE NUMBER AND 2/27/2023]')
    expect(citations).toEqual([
      {
        text: '88 FR [INSERT FR PAGE NUMBER AND 2/27/2023]',
        volume: 88,
        page: null,
        published: '2023-02-27',
        placeholder: true,
      },
    ])
    expect(problems[0]).toMatch(/placeholder citation/)
  })
})

describe('bad input: refused, or imported with a listed warning, never a crash or half an import', () => {
  const store = () => openDefaultStore(tempDir())

  it.each([
    [
      'a semicolon-separated CSL',
      Buffer.from(CSL_HEADER.replace(/,/g, ';') + '\n"a";"b"'),
      'csl',
      /columns are separated by semicolons, not commas/,
    ],
    [
      'a CSL without its name column',
      Buffer.from('"source","type","addresses","federal_register_notice","alt_names"\n"x","y","","",""'),
      'csl',
      /missing required column "name"/,
    ],
    [
      'a BIS CSV without Alternate Name',
      Buffer.from('Source List,Name,Address,Country,Federal Register Notice\nEL,A,,,'),
      'bis',
      /missing required column "Alternate Name"/,
    ],
    ['JSON that is not FtM', Buffer.from('{"hello": "world"}\n'), 'ftm', /not a FollowTheMoney entity/],
    [
      'a truncated CSL JSON',
      Buffer.from('{"results": [{"name": "A", "source": "x"}, {"name": '),
      'csl',
      /item 2 of the list is not valid JSON|looks truncated/,
    ],
    [
      'an unclosed quote',
      Buffer.from(`${CSL_HEADER}\n"${EL}","","Entity","","Name`),
      'csl',
      /ends inside a quoted field that starts on line 2/,
    ],
  ] as const)('%s is refused with a message and changes nothing', (_label, bytes, format, message) => {
    const s = store()
    try {
      const before = dumpStore(s.db)
      expect(() => pendingFromSource(s.db, bytes, 'bad.file', format)).toThrow(ImportError)
      expect(() => pendingFromSource(s.db, bytes, 'bad.file', format)).toThrow(message)
      expect(dumpStore(s.db)).toEqual(before)
    } finally {
      s.close()
    }
  })

  it('imports the good rows and lists each problem by line', () => {
    const s = store()
    try {
      const big = 'x'.repeat(1_100_000)
      const file = Buffer.concat([
        csl(
          cslRow({
            source: EL,
            type: 'Entity',
            name: 'Test Mojibake Partnerâ€™s Co.',
            addresses: ', , , , CN',
            federal_register_notice: '88 FR [INSERT FR PAGE NUMBER AND 2/27/2023]',
          }),
          cslRow({ source: EL, type: 'Entity', name: '', federal_register_notice: '84 FR 54002, 10/9/19' }),
          cslRow({ source: EL, type: 'Entity', name: 'Test Huge Remarks Ltd.', remarks: big }),
          cslRow({
            source: EL,
            type: 'Entity',
            name: 'Test Nowhere Ltd.',
            addresses: ', , , , Atlantis',
            federal_register_notice: 'see notice',
          }),
        ),
        Buffer.from('\n'),
        // A line saved in Windows-1252 (é as one byte) inside a UTF-8 file.
        Buffer.concat([
          Buffer.from(`"x","${EL}","","Entity","","Test Caf`),
          Buffer.from([0xe9]),
          Buffer.from(
            '","","","84 FR 54002, 10/9/19","","","","","","","","","","","","","","","","","","","",""\n',
          ),
        ]),
      ])
      const update = pendingFromSource(s.db, file, 'messy.csv', 'csl')
      const warnings = update.warnings.join('\n')
      expect(warnings).toMatch(/1 line was not UTF-8 and was read as Windows-1252 \(line 6\)/)
      expect(warnings).toMatch(
        /messy\.csv line 2: repaired broken encoding "Test Mojibake Partnerâ€™s Co\." → "Test Mojibake Partner’s Co\."/,
      )
      expect(warnings).toMatch(/messy\.csv line 2: placeholder citation/)
      expect(warnings).toMatch(/messy\.csv line 3: the name is empty; row skipped/)
      expect(warnings).toMatch(/messy\.csv line 4: a cell holds more than 100,000 characters; row skipped/)
      expect(warnings).toMatch(/messy\.csv line 5: country "Atlantis" is not recognised/)
      expect(warnings).toMatch(/messy\.csv line 5: "see notice" is not a Federal Register citation/)
      const preview = previewPending(s.db, update)
      const names = preview.changes.filter((c) => c.type === 'entity').map((c) => c.label)
      expect(names.sort()).toEqual(['Test Café', 'Test Mojibake Partner’s Co.', 'Test Nowhere Ltd.'])
      expect(preview.changes.map((c) => c.id)).toContain('us-bis-entity-list-88fr-pending-2023-02-27')
    } finally {
      s.close()
    }
  })

  it('repairs mojibake only where the text really was UTF-8 read as Windows-1252', () => {
    expect(repairMojibake('Partnerâ€™s')).toBe('Partner’s')
    expect(repairMojibake('Ã‰cole')).toBe('École')
    expect(repairMojibake('Café Zürich')).toBeNull()
  })

  it('refuses a file that is none of the formats, naming what it expected', () => {
    expect(() => detectFormat(Buffer.from('name,age\nA,1'), 'people.csv')).toThrow(
      /people\.csv is not a file the app can import: expected an update bundle, a Consolidated Screening List/,
    )
  })

  it('filters a CSL by source, and says which sources a file has when none matches', () => {
    const file = csl(
      cslRow({ source: EL, type: 'Entity', name: 'Test EL Party Ltd.' }),
      cslRow({
        source: 'Specially Designated Nationals (SDN) - Treasury Department',
        type: 'Individual',
        name: 'Test SDN Person',
      }),
    )
    expect(readSource(file, 'f.csv', 'csl', { source: 'SDN' }).entries.map((e) => e.name)).toEqual([
      'Test SDN Person',
    ])
    expect(readSource(file, 'f.csv', 'csl', { source: 'Entity List' }).entries.map((e) => e.name)).toEqual([
      'Test EL Party Ltd.',
    ])
    expect(() => readSource(file, 'f.csv', 'csl', { source: 'DPL' })).toThrow(
      /no entries from a source matching "DPL"; it lists US BIS Entity List \(1\), US Treasury SDN List \(1\)/,
    )
  })

  it.each([
    [
      'a scalar',
      '{"results": [{"name": "Test A Ltd.", "source": "x"}, 42]}',
      /result 2: not an object; skipped/,
    ],
    [
      'a string',
      '{"results": [{"name": "Test A Ltd.", "source": "x"}, "junk"]}',
      /result 2: not an object; skipped/,
    ],
    [
      'junk',
      '{"results": [{"name": "Test A Ltd.", "source": "x"}, junk ]}',
      /item 2 of the list is not valid JSON/,
    ],
  ])('reads %s as the last element of a CSL JSON list like any other', (_label, text, problem) => {
    let message = ''
    try {
      message = readSource(Buffer.from(text), 'last.json', 'csl').warnings.join('\n')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(problem)
  })

  it('cuts an over-long value between characters, never inside a surrogate pair or a sequence', () => {
    const s = store()
    try {
      // 19,999 letters then emoji: the limit falls inside the first emoji's surrogate pair.
      const remarks = 'x'.repeat(19_999) + '😀'.repeat(10) + 'e\u0301'
      const update = pendingFromSource(
        s.db,
        csl(cslRow({ source: EL, type: 'Entity', name: 'Test Long Remarks Ltd.', remarks })),
        'long.csv',
        'csl',
      )
      expect(update.warnings.join('\n')).toMatch(/was cut to 20,000/)
      const texts = JSON.stringify([...update.operations.inApplyOrder()].map((o) => o.operation))
      expect(texts).not.toMatch(/\\ud83d(?!\\ude00)/i)
      expect(Buffer.from(texts, 'utf8').toString('utf8')).toBe(texts)
      const notes = [...update.operations.inApplyOrder()]
        .map((o) => (o.operation as { record?: { notes?: string } }).record?.notes)
        .find((n) => n?.startsWith('xxx'))
      expect(notes).toBeDefined()
      expect(notes!.length).toBeLessThanOrEqual(20_000)
      expect(Buffer.from(notes!, 'utf8').toString('utf8')).toBe(notes)
    } finally {
      s.close()
    }
  })

  it.each([
    [
      'a CSL CSV without alt_names',
      '"source","name","type","addresses","federal_register_notice"\n"EL","A","Entity","",""',
      /looks like a Consolidated Screening List CSV but lacks the column "alt_names" that it needs\. Its header is: "source","name"/,
    ],
    [
      'a BIS CSV without Alternate Name',
      'Source List,Name,Address,Country,Federal Register Notice\nEL,A,,,',
      /looks like a BIS Entity List CSV but lacks the column "alternate name" that it needs/,
    ],
    ['a file of people', 'name,age\nA,1', /is not a file the app can import: .* Its first line is: name,age/],
  ])('names the format %s resembles and the column it lacks', (_label, text, message) => {
    expect(() => detectFormat(Buffer.from(text), 'list.csv')).toThrow(message)
  })

  it('refuses a duplicate column, naming it and where', () => {
    const header = CSL_HEADER.replace('"remarks"', '"name"')
    expect(() => readSource(Buffer.from(`${header}\n`), 'dup.csv', 'csl')).toThrow(
      /dup\.csv line 1: the column "name" appears twice \(columns 6 and 21\)/,
    )
  })

  it.each([
    ['a header only', csl(), /has nothing to import; nothing was changed\. It has no rows\./],
    [
      'every row skipped',
      csl(
        cslRow({ source: EL, type: 'Entity', name: '' }),
        cslRow({ source: EL, type: 'Entity', name: ' ' }),
      ),
      /has nothing to import; nothing was changed\. Every row was skipped:\nempty\.csv line 2: the name is empty; row skipped\nempty\.csv line 3/,
    ],
  ])('refuses %s with the reasons, and records no history', (_label, bytes, message) => {
    const s = store()
    try {
      const before = dumpStore(s.db)
      expect(() => pendingFromSource(s.db, bytes, 'empty.csv', 'csl')).toThrow(message)
      expect(dumpStore(s.db)).toEqual(before)
    } finally {
      s.close()
    }
  })

  it('repairs C1 controls read from cp1252 and removes other controls and direction overrides, saying so', () => {
    const parsed = readEntityList(
      'controls.csv',
      'Test Gui\u0092an Trading Co.',
      'Test Evil\u001b]0;Trusted\u0007 Corp\u202e.',
    )
    expect(parsed.entries.map((e) => e.name)).toEqual([
      'Test Gui’an Trading Co.',
      'Test Evil]0;Trusted Corp.',
    ])
    const warnings = parsed.warnings.join('\n')
    expect(warnings).toContain(
      'controls.csv line 2: read U+0092 as Windows-1252 characters in "Test Gui\\u0092an',
    )
    expect(warnings).toContain(
      'controls.csv line 3: removed control or direction characters U+001B, U+0007, U+202E',
    )
  })
})

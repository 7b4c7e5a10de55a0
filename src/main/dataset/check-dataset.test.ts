import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliCapturing } from '../test-support/run-cli'
import { useTempDir } from '../test-support/temp-dir'
import { checkDataset, formatDatasetCheck } from './check-dataset'
import { DatasetError } from './dataset-file'
import { defaultDatasetPath } from './resources'

const tempDir = useTempDir()

type Dataset = Record<string, Record<string, unknown>[]> & { format: string }
const shipped = (): Dataset => JSON.parse(fs.readFileSync(defaultDatasetPath(), 'utf8')) as Dataset
const find = (data: Dataset, kind: string, id: string) => data[kind].find((record) => record.id === id)!

function writeDataset(data: unknown): string {
  const file = path.join(tempDir(), 'dataset.json')
  fs.writeFileSync(file, JSON.stringify(data))
  return file
}

describe('check-dataset', () => {
  it('passes the shipped dataset', () => {
    const check = checkDataset()
    expect(check.problems).toEqual([])
    expect(check.checked).toEqual({ source: 50, round: 3, entity: 38, designation: 38, reaction: 30 })
  })

  it.each<[string, (data: Dataset) => void, { record: string; field: string; message: RegExp }]>([
    [
      'a fact without a source',
      (data) => void (find(data, 'entities', 'hikvision').sources = []),
      { record: 'entity "hikvision"', field: 'sources', message: /every entity needs at least one source/ },
    ],
    [
      'a source without a URL or a citation',
      (data) => Object.assign(find(data, 'sources', 'sdm-97227'), { url: null, title: null, note: null }),
      { record: 'source "sdm-97227"', field: 'url', message: /has no URL, title or note/ },
    ],
    [
      'a dangling reference',
      (data) => void (find(data, 'designations', data.designations[0].id as string).round = 'no-such-round'),
      {
        record: `designation "${shipped().designations[0].id as string}"`,
        field: 'round',
        message: /refers to round "no-such-round", which does not exist/,
      },
    ],
    [
      'a mainland name in traditional characters without a conversion note',
      (data) =>
        Object.assign(find(data, 'entities', 'harbin-institute-of-technology'), {
          originalName: '哈爾濱工業大學',
          originalNameNote: null,
        }),
      {
        record: 'entity "harbin-institute-of-technology"',
        field: 'originalName',
        message: /traditional characters \(simplified: "哈尔滨工业大学"\)/,
      },
    ],
    [
      'a paraphrase containing quotation marks',
      (data) =>
        void (find(data, 'reactions', 'hikvision-2019-10-08-reuters-paraphrase').text =
          'Hikvision "resolutely opposes" the move.'),
      {
        record: 'reaction "hikvision-2019-10-08-reuters-paraphrase"',
        field: 'text',
        message: /a paraphrase holds quotation marks/,
      },
    ],
    [
      'more entities recorded than declared',
      (data) => void (find(data, 'rounds', 'el-2020-06-85fr34503').declaredCount = 8),
      {
        record: 'round "el-2020-06-85fr34503"',
        field: 'declaredCount',
        message: /9 entities are recorded, more than the 8 declared/,
      },
    ],
    [
      'a reaction said before the event it reacts to',
      (data) => void (find(data, 'reactions', 'zhao-lijian-2020-05').dateSaid = '2020-05-01'),
      {
        record: 'reaction "zhao-lijian-2020-05"',
        field: 'dateSaid',
        message: /said 2020-05-01, before the round it reacts to/,
      },
    ],
    [
      'a rule published after it took effect',
      (data) => void (find(data, 'rounds', 'el-2020-06-85fr34503').published = '2020-06-30'),
      {
        record: 'round "el-2020-06-85fr34503"',
        field: 'published',
        message: /published 2020-06-30, after it took effect \(2020-06-05\)/,
      },
    ],
    [
      'an FR volume that disagrees with the year',
      (data) => void (find(data, 'rounds', 'el-2019-10-84fr54002').citations = ['85 FR 54002']),
      {
        record: 'round "el-2019-10-84fr54002"',
        field: 'citations',
        message: /"85 FR 54002" is volume 85, but the round was published in 2019 \(volume 84\)/,
      },
    ],
    [
      'a verbatim quote that is not in its source excerpt',
      // One word changed: the source has "deeply disappointed".
      (data) =>
        void (find(data, 'reactions', 'sensetime-2019-10-08-disappointed').text = 'very disappointed'),
      {
        record: 'reaction "sensetime-2019-10-08-disappointed"',
        field: 'text',
        message: /not the source's words: "very disappointed" does not occur in the source excerpt/,
      },
    ],
    [
      'a verbatim quote with no source excerpt',
      (data) => void delete find(data, 'reactions', 'hua-chunying-2020-06-12').sourceExcerpt,
      {
        record: 'reaction "hua-chunying-2020-06-12"',
        field: 'sourceExcerpt',
        message: /verbatim text without the source excerpt it was checked against/,
      },
    ],
  ])('fails on %s, naming record and field', (_label, seed, expected) => {
    const data = shipped()
    seed(data)
    const { problems } = checkDataset(writeDataset(data))
    expect(problems).toEqual([
      expect.objectContaining({ ...expected, message: expect.stringMatching(expected.message) }),
    ])
  })

  it('refuses a malformed file and a folder without records, naming them', () => {
    const bad = path.join(tempDir(), 'bad.json')
    fs.writeFileSync(bad, '{"sources": [')
    expect(() => checkDataset(bad)).toThrow(DatasetError)
    expect(() => checkDataset(bad)).toThrow(/bad\.json: not readable JSON/)
    const empty = tempDir()
    fs.writeFileSync(path.join(empty, 'notes.jsonl'), '{"op": "retire", "type": "entity", "id": "x"}\n')
    expect(() => checkDataset(empty)).toThrow(
      /holds no records: no \.jsonl file in it has an "upsert" operation \(1 \.jsonl files found\)/,
    )
  })

  it('checks bundle sources against the built-in dataset they may refer to', () => {
    const dir = tempDir()
    fs.mkdirSync(path.join(dir, 'payload'))
    const entity = {
      id: 'example-optics',
      name: 'Example Optics Ltd.',
      originalName: '示例光學有限公司',
      type: 'company',
      country: 'CN',
      sources: [{ source: 'bis-fr-notices', supports: 'name' }],
    }
    const write = (record: object) =>
      fs.writeFileSync(
        path.join(dir, 'payload', 'changes.jsonl'),
        `${JSON.stringify({ op: 'upsert', type: 'entity', record })}\n`,
      )
    write({ ...entity, originalName: '示例光学有限公司' })
    expect(checkDataset(dir).problems).toEqual([])
    write(entity)
    expect(checkDataset(dir).problems.map((p) => p.field)).toEqual(['originalName'])
  })

  it('summarises 10,000 problems: the first 50, then a count; the CLI exits 1 and writes nothing', async () => {
    const data = shipped()
    data.sources = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s-${i}`,
      publication: 'X',
      reliability: 'secondary',
    }))
    const file = writeDataset(data)
    const before = fs.readFileSync(file)
    const check = checkDataset(file)
    expect(check.problems.length).toBeGreaterThanOrEqual(10_000)
    const text = formatDatasetCheck(check)
    expect(text.split('\n')).toHaveLength(1 + 50 + 1)
    expect(text).toMatch(new RegExp(`… and ${check.problems.length - 50} more\\.$`))
    const run = await runCliCapturing(['check-dataset', file], { env: {}, rendererDir: tempDir() })
    expect(run.code).toBe(1)
    expect(run.out.split('\n')[0]).toMatch(/dataset\.json: \d+ problems in 10000 sources/)
    expect(run.err).toMatch(/problems found in .*dataset\.json; nothing was changed/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    const ok = await runCliCapturing(['--json', 'check-dataset'], { env: {}, rendererDir: tempDir() })
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.out)).toMatchObject({ problems: [], checked: { entity: 38 } })
  })
})

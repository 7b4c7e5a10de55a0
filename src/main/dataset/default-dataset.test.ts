import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as catalog from '../services/catalog-services'
import { openStore } from '../store/open-store'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { DatasetError, readDatasetFile } from './dataset-file'
import { ensureDefaultDataset } from './load-dataset'
import { defaultDatasetPath } from './resources'

const tempDir = useTempDir()

describe('default dataset', () => {
  it('carries the corrections of the December 2026 audit, each with its source', () => {
    const store = openDefaultStore(tempDir())
    const round = catalog.getRound(store, 'el-2020-06-85fr34495')!
    expect(round.title).toBe(
      'Addition of Entities to the Entity List, Revision of Certain Entries on the Entity List',
    )
    expect(round.frDocNumber).toBe('2020-10869')
    expect(catalog.getRound(store, 'el-2020-06-85fr34503')!.title).toBeNull()
    const hit = catalog.getEntity(store, 'harbin-institute-of-technology')!
    expect(hit.originalName).toBe('哈尔滨工业大学')
    expect(hit.originalNameNote).toMatch(
      /^Converted from a traditional-script rendering \(NOWnews: 哈爾濱工業大學\)/,
    )
    expect(catalog.getEntity(store, 'beijing-jincheng-huanyu')!.originalName).toBeNull()
    // Names from the Treasury's NS-CMIC list are not Entity List aliases: they are reported, with their origin.
    const cloudwalk = catalog.getEntity(store, 'cloudwalk')!
    expect(cloudwalk.aliases).toEqual([])
    expect(cloudwalk.reportedNames).toEqual([
      expect.objectContaining({
        name: 'Cloudwalk Technology Co., Ltd.',
        sourceId: 'hk01-2021',
        note: expect.stringContaining('NS-CMIC'),
      }),
      expect.objectContaining({ name: '雲從科技集團股份有限公司', publication: 'HK01' }),
    ])
    expect(catalog.getEntity(store, 'sensetime')!.primaryName).toBe('Sense Time')
    const zhao = catalog.listReactions(store).find((r) => r.speaker === 'Zhao Lijian')!
    expect(zhao.rounds.map((r) => r.id)).toEqual(['el-2020-06-85fr34503'])
    store.close()
  })

  it('loads with exact counts on first start', () => {
    const store = openDefaultStore(tempDir())
    expect(catalog.stats(store)).toEqual({
      entities: 38,
      rounds: 3,
      designations: 38,
      reactions: 30,
      sources: 50,
    })
    store.close()
  })

  it('shows declared and recorded counts for each round', () => {
    const store = openDefaultStore(tempDir())
    const counts = catalog.listRounds(store).map((r) => [r.citations[0], r.declaredCount, r.recordedCount])
    expect(counts).toEqual([
      ['84 FR 54002', 28, 11],
      ['85 FR 34495', 24, 18],
      ['85 FR 34503', 9, 9],
    ])
    store.close()
  })

  it('gives every record a source and provenance', () => {
    const store = openDefaultStore(tempDir())
    const { db } = store
    const unsourced = (sql: string) => db.prepare(sql).pluck().all()
    expect(
      unsourced('SELECT id FROM entities WHERE id NOT IN (SELECT entity_id FROM entity_sources)'),
    ).toEqual([])
    expect(unsourced('SELECT id FROM rounds WHERE id NOT IN (SELECT round_id FROM round_sources)')).toEqual(
      [],
    )
    expect(unsourced('SELECT id FROM designations WHERE source_id IS NULL')).toEqual([])
    expect(unsourced('SELECT id FROM reactions WHERE source_id IS NULL')).toEqual([])
    const origins = db
      .prepare('SELECT DISTINCT o.kind FROM entities e JOIN origins o ON o.id = e.origin_id')
      .pluck()
      .all()
    expect(origins).toEqual(['default-dataset'])
    const detail = catalog.getEntity(store, 'cloudwalk')
    expect(detail?.provenance.kind).toBe('default-dataset')
    expect(detail?.citations.length).toBeGreaterThan(0)
    store.close()
  })

  it('marks every reaction as verbatim or paraphrase, and keeps unknown dates empty', () => {
    const store = openDefaultStore(tempDir())
    const reactions = catalog.listReactions(store)
    expect(new Set(reactions.map((r) => r.textKind))).toEqual(new Set(['verbatim', 'paraphrase']))
    const zhao = reactions.find((r) => r.speaker === 'Zhao Lijian')
    expect(zhao).toMatchObject({
      textKind: 'verbatim',
      dateSaid: '2020-05-25',
      text: 'violated basic norms of international relations.',
    })
    const qihoo = reactions.filter((r) => r.organisation === 'Qihoo 360')
    expect(qihoo.map((r) => [r.textKind, r.dateSaid]).sort()).toEqual([
      ['paraphrase', null],
      ['verbatim', '2020-05-23'],
    ])
    // A paraphrase never puts words in quotation marks.
    for (const r of reactions.filter((r) => r.textKind === 'paraphrase'))
      expect(r.text, r.id).not.toMatch(/["“”]/)
    // An unknown date stays empty.
    expect(reactions.find((r) => r.organisation === 'China Daily')?.dateSaid).toBeNull()
    store.close()
  })

  it.each([
    ['CloudWalk', 'cloudwalk'],
    ['云从', 'cloudwalk'],
    ['hikvision', 'hikvision'],
    ['HIKVISION', 'hikvision'],
    ['Qihoo 360', 'qihoo-360-company'],
    ['哈爾濱工業', 'harbin-institute-of-technology'],
    ['哈尔滨工业', 'harbin-institute-of-technology'],
    ['雲從', 'cloudwalk'],
    ['北京達闥', 'beijing-cloudmind'],
    ['云', 'cloudwalk'],
  ])('search for %s finds %s', (query, id) => {
    const store = openDefaultStore(tempDir())
    const hits = catalog.search(store, query)
    expect(hits.map((h) => h.id)).toContain(id)
    store.close()
  })

  it.each(['yuncong', 'Yun Cong', 'yun cong ke ji', 'YUNCONGKEJI'])(
    'pinyin %s finds 云从科技, explained by the Chinese name it spells',
    async (query) => {
      const store = openDefaultStore(tempDir())
      const hit = catalog.search(store, query).find((h) => h.id === 'cloudwalk')
      expect(hit).toMatchObject({ matchedField: 'pinyin', matchedText: '云从科技 (yun cong ke ji)' })
      expect(
        (await catalog.queryEntities(store, { search: query, filters: {}, sort: [], offset: 0, limit: 10 }))
          .rows[0].id,
      ).toBe('cloudwalk')
      store.close()
    },
  )

  it('finds a Traditional-character name by its pinyin too (曠視 → kuangshi)', () => {
    const store = openDefaultStore(tempDir())
    expect(catalog.search(store, 'kuangshi').map((h) => h.id)).toContain('megvii')
    store.close()
  })

  it('ranks both Qihoo 360 entities first for "Qihoo 360"', () => {
    const store = openDefaultStore(tempDir())
    const hits = catalog.search(store, 'Qihoo 360')
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['qihoo-360-co-ltd', 'qihoo-360-company'])
    store.close()
  })

  it('searches accent-insensitively and inside quote text', () => {
    const store = openDefaultStore(tempDir())
    expect(catalog.search(store, 'décoUpling').map((h) => h.id)).toContain('raymond-wang-2020-05')
    expect(catalog.search(store, 'SenseTime')[0]).toMatchObject({ id: 'sensetime', matchedField: 'alias' })
    store.close()
  })

  it('treats FTS syntax typed by a user as text, not as a query language', () => {
    const store = openDefaultStore(tempDir())
    expect(() => catalog.search(store, 'hik* OR "NEAR(a b)" AND -')).not.toThrow()
    expect(catalog.search(store, '"')).toEqual([])
    store.close()
  })

  it('is loaded only once: a second start does not restore deleted records', () => {
    const dir = tempDir()
    const store = openDefaultStore(dir)
    store.db.prepare("DELETE FROM reactions WHERE id = 'cloudwalk-2020-05'").run()
    store.close()
    const again = openStore(path.join(dir, 'store.sqlite'))
    expect(ensureDefaultDataset(again)).toBe(false)
    expect(catalog.stats(again).reactions).toBe(29)
    again.close()
  })

  it('refuses a dataset file with a dangling reference, naming where, and writes nothing', () => {
    const dir = tempDir()
    const data = JSON.parse(fs.readFileSync(defaultDatasetPath(), 'utf8'))
    data.designations[0].round = 'no-such-round'
    const file = path.join(dir, 'bad.json')
    fs.writeFileSync(file, JSON.stringify(data))
    expect(() => readDatasetFile(file)).toThrowError(DatasetError)
    expect(() => readDatasetFile(file)).toThrowError(
      /designations\[0\]\.round: unknown round "no-such-round"/,
    )
    const store = openStore(path.join(dir, 'store.sqlite'))
    expect(() => ensureDefaultDataset(store, file)).toThrow()
    expect(catalog.stats(store).entities).toBe(0)
    store.close()
  })

  it('refuses a record that breaks the schema, naming the field', () => {
    const dir = tempDir()
    const data = JSON.parse(fs.readFileSync(defaultDatasetPath(), 'utf8'))
    data.reactions[2].textKind = 'quote'
    data.entities[1].country = 'China'
    const file = path.join(dir, 'bad.json')
    fs.writeFileSync(file, JSON.stringify(data))
    expect(() => readDatasetFile(file)).toThrowError(/reactions\.2\.textKind/)
    expect(() => readDatasetFile(file)).toThrowError(/entities\.1\.country: countries are ISO/)
  })
})

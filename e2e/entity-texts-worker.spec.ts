import { expect, test } from '@playwright/test'
import path from 'node:path'
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads'
import { decodeDerivedNames, deriveNames, type EntityNames } from '../src/main/store/index-texts'
import { cli, publishBundle } from './cli'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-bulk-index-')

/** Chinese names that differ entity by entity (digits spelled with characters), so pinyin tells them apart. */
const DIGITS = '零一二三四五六七八九'
const chineseNumber = (n: number) => [...String(n)].map((digit) => DIGITS[Number(digit)]).join('')

const SAMPLE: EntityNames[] = [
  {
    name: 'Hangzhou Hikvision Digital Technology Co., Ltd.',
    original: '杭州海康威视数字技术股份有限公司',
    aliases: ['Hikvision', '海康威视'],
  },
  { name: 'Zürich Überseehandel AG', original: null, aliases: ['Ueberseehandel', 'Øresund Trading'] },
  { name: '云从科技', original: '云从科技', aliases: [] },
  { name: 'Москва Трейдинг', original: null, aliases: ['Moskva Trading'] },
]

/**
 * A large import derives its entities' pinyin and trigram texts in a worker thread of the built app
 * (out/main/entity-texts-worker.js); should that file fail to load, the import would quietly derive them
 * itself after a wait. This checks the worker answers exactly what the import would derive itself.
 */
test('the entity texts worker of the built app derives what the import would', async () => {
  const { port1, port2 } = new MessageChannel()
  const signal = new Int32Array(new SharedArrayBuffer(8))
  const worker = new Worker(path.resolve('out/main/entity-texts-worker.js'), {
    workerData: { port: port2, signal },
    transferList: [port2],
  })
  try {
    port1.postMessage(SAMPLE)
    expect(Atomics.wait(signal, 0, 0, 10_000)).not.toBe('timed-out')
    const answer = receiveMessageOnPort(port1)!.message as string
    expect(decodeDerivedNames(answer)).toEqual(SAMPLE.map((names) => deriveNames(names)))
    expect(signal[1]).toBe(0)
  } finally {
    port1.close()
    await worker.terminate()
  }
})

test('entities imported in bulk are found by pinyin, Chinese substring and a misspelt name', () => {
  test.setTimeout(120_000)
  const dir = newTempDir()
  const db = path.join(dir, 'store.sqlite')
  const operations: unknown[] = [
    {
      op: 'upsert',
      type: 'source',
      record: { id: 'bulk-source', publication: 'Bulk Gazette', reliability: 'primary' },
    },
  ]
  for (let i = 0; i < 3_000; i++) {
    operations.push({
      op: 'upsert',
      type: 'entity',
      record: {
        id: `bulk-${i}`,
        // The last one has a name of its own, for a misspelling to find.
        name: i === 2_999 ? 'Qingdao Marvellous Shipbuilding' : `Zhongxing Bulk Trading ${i}`,
        originalName: `中兴${chineseNumber(i)}号`,
        aliases: [`Bulk ${i} Holdings`],
        type: 'company',
        sources: [{ source: 'bulk-source' }],
      },
    })
  }
  const { bundle, publicKey } = publishBundle(dir, path.join(dir, 'publisher.sqlite'), operations)
  cli(db, 'trust', 'add', publicKey)
  cli(db, 'import', bundle, '--yes')
  const ids = (...query: string[]) =>
    (JSON.parse(cli(db, '--json', 'search', ...query)) as { id: string }[]).map((hit) => hit.id)

  // 中兴二九九九号: by its pinyin, spaced or run together, and by a substring of its Chinese name.
  expect(ids('zhong xing er jiu jiu jiu hao')).toContain('bulk-2999')
  expect(ids('zhongxingerjiujiujiu')).toContain('bulk-2999')
  expect(ids('二九九九')).toEqual(['bulk-2999'])
  // The first entities of the bundle too (the worker takes them from the start).
  expect(ids('zhongxinglinghao')).toEqual(['bulk-0'])
  // A misspelt name, through the trigram index.
  expect(ids('--min-score', '85', 'Qingdao Marvelus Shipbuildng')).toContain('bulk-2999')
})

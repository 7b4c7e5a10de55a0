import { expect, test } from '@playwright/test'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { cli } from './cli'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-index-')

/**
 * The built app builds the Entities table's index in a worker thread (out/main/entity-index-worker.js);
 * if that file failed to load, the app would quietly build it on its main thread instead. This checks
 * the worker itself runs on a real store and sends back the whole index.
 */
test('the entity index worker of the built app reads a store and sends the index back', async () => {
  const dir = newTempDir()
  const db = path.join(dir, 'store.sqlite')
  const entities = JSON.parse(cli(db, '--json', 'stats')) as { entities: number }
  const worker = new Worker(path.resolve('out/main/entity-index-worker.js'), {
    workerData: { storePath: db },
  })
  const packed = await new Promise<{
    ids: string
    rounds: { values: string[] }
    termHits: [string, Uint8Array][]
  }>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  await worker.terminate()
  expect(packed.ids.split('\n')).toHaveLength(entities.entities)
  expect(packed.ids.split('\n')).toContain('cloudwalk')
  expect(packed.rounds.values).toContain('el-2020-06-85fr34503')
  // With the hits of every one-letter search, by entity position: "c" finds CloudWalk, "q" does not.
  const ids = packed.ids.split('\n')
  const termHits = new Map(packed.termHits)
  expect(termHits.size).toBe(26)
  expect(termHits.get('"c"*')![ids.indexOf('cloudwalk')]).toBe(1)
  expect(termHits.get('"q"*')![ids.indexOf('cloudwalk')]).toBe(0)
})

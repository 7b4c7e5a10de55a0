import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { runCli } from '../src/main/cli/program'
import { openStore } from '../src/main/store/open-store'
import { applyTestOperations } from '../src/main/test-support/apply-test-operations'
import { generateData } from './generate-data'

export interface BriefingBench {
  entities: number
  reactions: number
  pages: number
  bytes: number
  /** Median of the runs, from starting the command to the finished file. */
  ms: number
  runs: number
}

const RUNS = 3

/** `export-pdf` once, as a user would run it; the in-process form is for the benchmark's own test. */
function exportOnce(
  db: string,
  out: string,
  inProcess: boolean,
): Promise<{ pageCount: number; bytes: number }> {
  const args = [
    '--db',
    db,
    '--json',
    'export-pdf',
    '--out',
    out,
    '--round',
    'bench-round-0',
    '--title',
    'Benchmark',
  ]
  if (inProcess) {
    let json = ''
    let errors = ''
    return runCli(args, {
      io: { out: (text) => (json += text), err: (text) => (errors += text) },
      env: process.env,
      rendererDir: '',
    }).then((code) => {
      if (code !== 0) throw new Error(`export-pdf exited with ${code}: ${errors}`)
      return JSON.parse(json) as { pageCount: number; bytes: number }
    })
  }
  const cli = path.join(path.dirname(process.argv[1]), 'cli.js')
  const child = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`export-pdf failed: ${child.stderr}`)
  return Promise.resolve(JSON.parse(child.stdout) as { pageCount: number; bytes: number })
}

/**
 * A briefing of one round of `entities` entities and `reactions` reactions, timed from command to
 * finished file (#5's number is 500 entities and 100 reactions).
 */
export async function benchBriefing(
  dir: string,
  inProcess: boolean,
  entities: number,
  reactions: number,
): Promise<BriefingBench> {
  const db = path.join(dir, `briefing-store-${entities}.sqlite`)
  const store = openStore(db)
  try {
    applyTestOperations(store, generateData(entities, { rounds: 1, reactions }).operations)
  } finally {
    store.close()
  }
  const times: number[] = []
  let last = { pageCount: 0, bytes: 0 }
  for (let run = 0; run < RUNS; run++) {
    const out = path.join(dir, `briefing-${run}.pdf`)
    const started = performance.now()
    last = await exportOnce(db, out, inProcess)
    times.push(Math.round(performance.now() - started))
    fs.rmSync(out, { force: true })
  }
  times.sort((a, b) => a - b)
  return {
    entities,
    reactions,
    pages: last.pageCount,
    bytes: last.bytes,
    ms: times[Math.floor(times.length / 2)],
    runs: RUNS,
  }
}

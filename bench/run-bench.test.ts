import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../src/main/test-support/temp-dir'
import { generateData } from './generate-data'
import { runBenchmark, type BenchResults } from './run-bench'

const tempDir = useTempDir()

describe('benchmark', () => {
  it('generates the same data for the same size and seed', () => {
    const a = generateData(200)
    const b = generateData(200)
    expect(JSON.stringify(a.operations)).toBe(JSON.stringify(b.operations))
    expect(a).toMatchObject({ entities: 200, aliases: 600, rounds: 50, reactions: 400 })
    expect(a.operations.filter((op) => JSON.stringify(op).match(/[\u4e00-\u9fff]/)).length).toBeGreaterThan(
      50,
    )
  })

  it('measures 1k entities and writes a result file of the documented shape', async () => {
    const out = path.join(tempDir(), 'latest.json')
    await runBenchmark({ sizes: ['1k'], out, inProcess: true, log: () => {} })
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchResults
    expect(results.machine.cpus).toBeGreaterThan(0)
    const [size] = results.sizes
    expect(size).toMatchObject({ size: '1k', entities: 1000, aliases: 3000 })
    for (const phase of ['create', 'verify', 'read', 'apply', 'applyUnrecorded'] as const) {
      expect(size.bundle[phase].ms).toBeTypeOf('number')
      expect(size.bundle[phase].peakMb).toBeGreaterThan(0)
    }
    // One record in ten changed by a second bundle: 90 entities given notes, 10 listings ended.
    expect(size.changes).toMatchObject({ bundled: 100, recorded: 100 })
    expect(size.changes.firstPage.runs).toBe(10)
    expect(size.changes.applyUnrecorded.runs).toBe(3)
    expect(size.store.searchExactName).toMatchObject({ status: 'measured', runs: 30 })
    expect(size.store.searchChineseSubstring.status).toBe('measured')
    expect(size.baselines.jsonParseAndFilter.status).toBe('measured')
    expect(['measured', 'unavailable']).toContain(size.baselines.sqliteShellFts.status)
    expect(results.briefing).toMatchObject({ entities: 500, reactions: 100, runs: 3 })
    expect(results.briefing.pages).toBeGreaterThan(10)
    expect(results.briefing.ms).toBeGreaterThan(0)
    expect(results.briefingSmall).toMatchObject({ entities: 50, reactions: 10, runs: 3 })
    expect(results.briefingSmall.pages).toBeLessThan(results.briefing.pages)
    expect(results.csl).toMatchObject({ rows: 2000 })
    expect(results.csl.previewMs).toBeGreaterThan(0)
    expect(results.ftm).toMatchObject({ parties: 2000, entitiesAdded: 2000, designationsAdded: 2000 })
    expect(results.matching).toMatchObject({ falseMerges: 0, precision: 1, recall: 1 })
    expect(results.targets.map((t) => t.verdict)).toContain('NOT MEASURED')
    for (const target of results.targets) expect(['PASS', 'MISS', 'NOT MEASURED']).toContain(target.verdict)
  }, 240_000)
})

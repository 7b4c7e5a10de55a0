import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateKeyPair } from '../src/main/bundles/keys'
import { openAppStore } from '../src/main/app-store'
import { openStore } from '../src/main/store/open-store'
import { benchBriefing, type BriefingBench } from './briefing-bench'
import { benchCsl, type CslBench } from './csl-bench'
import { benchFtm, benchMatching, type FtmBench, type MatchingBench } from './ftm-bench'
import { runBundlePhase } from './bundle-phases'
import { measureChanges, writeChangesBundle, type ChangesFigures } from './changes-bench'
import type { FuzzyBaselines, FuzzyEngine } from './fuzzy-baselines'
import { generateData } from './generate-data'
import {
  benchQueries,
  measureBaselines,
  measureFuzzy,
  measureStore,
  type FuzzyFigures,
  type Measurement,
} from './store-bench'
import { benchBrowser, builtCliPath, type BrowserBench } from './browser-bench'
import type { Store } from '../src/main/store/open-store'

export const SIZES: Record<string, number> = { '1k': 1_000, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 }
const DEFAULT_SIZES = ['1k', '10k', '100k']

interface PhaseResult {
  ms: number
  peakMb: number
}

export interface SizeResult {
  size: string
  entities: number
  aliases: number
  rounds: number
  reactions: number
  bundleBytes: number
  bundle: {
    create: PhaseResult
    verify: PhaseResult
    read: PhaseResult
    apply: Alternated
    /** The same apply keeping no record of its changes (#22's cost of the record). */
    applyUnrecorded: Alternated
  }
  /**
   * The list republished with one entity in ten changed: its apply, recorded and not, and the Changes
   * view's reads of it (#22).
   */
  changes: ChangesFigures & {
    apply: Alternated
    applyUnrecorded: Alternated
    bundled: number
  }
  store: Record<string, Measurement>
  fuzzy: FuzzyFigures
  baselines: Record<string, Measurement>
  browser: BrowserBench
  ratios: Record<string, number | null>
}

export interface TargetCheck {
  issue: string
  metric: string
  size: string
  measured: number | null
  target: number
  unit: string
  verdict: 'PASS' | 'MISS' | 'NOT MEASURED'
}

export interface BenchResults {
  generatedAt: string
  machine: { cpus: number; memoryGb: number; node: string; platform: string }
  sizes: SizeResult[]
  /** The briefing #5 sets its number for: 500 entities and 100 reactions. */
  briefing: BriefingBench
  /** A short one: 50 entities and 10 reactions. */
  briefingSmall: BriefingBench
  csl: CslBench
  /** An OpenSanctions FtM export with a Sanction and an Address entity per party (#18). */
  ftm: FtmBench
  /** The importers' matching on the labelled set (#18). */
  matching: MatchingBench
  targets: TargetCheck[]
}

/** A list import in a fresh process, so neither its time nor its memory carries the other sizes' load. */
function importInChild<T>(kind: 'csl' | 'ftm', dir: string, rows: number): T {
  const child = spawnSync(
    process.execPath,
    [process.argv[1], '--child', kind, '--dir', dir, '--rows', String(rows)],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  )
  if (child.status !== 0) throw new Error(`${kind.toUpperCase()} benchmark failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as T
}

function runPhase(
  phase: string,
  args: Record<string, string>,
  inProcess: boolean,
): PhaseResult | Promise<PhaseResult> {
  const flat = Object.entries(args).flatMap(([k, v]) => [`--${k}`, v])
  if (inProcess) {
    // Unit tests run phases in this process; peak memory is then this process's.
    let line = ''
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string) => {
      line += chunk
      return true
    }) as typeof process.stdout.write
    return runBundlePhase(phase, args).then(() => {
      process.stdout.write = write
      return JSON.parse(line) as PhaseResult
    })
  }
  const child = spawnSync(
    process.execPath,
    ['--max-old-space-size=4096', process.argv[1], '--child', phase, ...flat],
    {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    },
  )
  if (child.status !== 0) throw new Error(`bench phase ${phase} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult
}

const PHASE_RUNS = 3

/** The two countries with the most entities: the set filter the browser benchmark ticks. */
function topCountries(store: Store): [string, string] {
  const [a, b] = store.db
    .prepare(
      'SELECT country FROM entities WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC LIMIT 2',
    )
    .pluck()
    .all() as string[]
  return [a, b ?? a]
}

/** Runs a phase several times and keeps the run with the median time (its memory is reported with it). */
async function medianOf(
  runOnce: () => PhaseResult | Promise<PhaseResult>,
): Promise<PhaseResult & { runs: number }> {
  const results: PhaseResult[] = []
  for (let i = 0; i < PHASE_RUNS; i++) results.push(await runOnce())
  results.sort((a, b) => a.ms - b.ms)
  return { ...results[Math.floor(results.length / 2)], runs: results.length }
}

/** Of the entities scoring every name finds, the share the index found, as a percentage. */
function fuzzyRecall(fuzzy: FuzzyFigures): string {
  return fuzzy.expected === 0 ? 'n/a' : `${((100 * fuzzy.found) / fuzzy.expected).toFixed(2)}%`
}

function fuzzyBaselinesLine(baselines: FuzzyBaselines): string {
  if (baselines.status !== 'measured') return `not measured: ${baselines.reason}`
  const engine = (name: string, e: FuzzyEngine) =>
    `${name} ${e.timing.p50Ms}/${e.timing.p95Ms} ms, ${e.found} of ${e.expected}${e.buildMs !== null ? ` (built in ${e.buildMs} ms)` : ''}`
  return [
    engine('ours', baselines.ours),
    engine('MiniSearch', baselines.miniSearch),
    engine('every name scored', baselines.bruteForce),
  ].join('; ')
}

/**
 * What keeping the record of changes adds to an apply, in per cent: the median of the runs' ratios,
 * each recorded run to the unrecorded run after it, so the machine's drift between pairs cancels.
 */
function recordingCost(phases: { apply: Alternated }): number {
  return Math.round((phases.apply.ratioToOther - 1) * 1000) / 10
}

/** A copy of a closed store's file (and its write-ahead log, if one was left), to apply to afresh. */
function copyOfStore(file: string, copy: string): string {
  fs.copyFileSync(file, copy)
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`)
  return copy
}

/** A phase's median run, run in turns with another; `ratioToOther` is the median of the pairs' ratios. */
type Alternated = PhaseResult & { runs: number; ratioToOther: number }

/** Runs two phases in turns, PHASE_RUNS times each, and keeps each one's median run. */
async function alternating(
  first: () => PhaseResult | Promise<PhaseResult>,
  second: () => PhaseResult | Promise<PhaseResult>,
): Promise<[Alternated, Alternated]> {
  const a: PhaseResult[] = []
  const b: PhaseResult[] = []
  for (let i = 0; i < PHASE_RUNS; i++) {
    a.push(await first())
    b.push(await second())
  }
  const middle = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]
  const median = (results: PhaseResult[], ratios: number[]): Alternated => ({
    ...[...results].sort((x, y) => x.ms - y.ms)[Math.floor(results.length / 2)],
    runs: results.length,
    ratioToOther: middle(ratios),
  })
  return [
    median(
      a,
      a.map((run, i) => run.ms / b[i].ms),
    ),
    median(
      b,
      b.map((run, i) => run.ms / a[i].ms),
    ),
  ]
}

/** Writes one JSON line per operation, a batch at a time: a million operations are more text than one string holds. */
function writeJsonLines(file: string, operations: object[]): void {
  const fd = fs.openSync(file, 'w')
  try {
    for (let start = 0; start < operations.length; start += 10_000) {
      const lines = operations.slice(start, start + 10_000).map((op) => `${JSON.stringify(op)}\n`)
      fs.writeSync(fd, lines.join(''))
    }
  } finally {
    fs.closeSync(fd)
  }
}

const measured = (m: Measurement | undefined) => (m && m.status === 'measured' ? m : null)

async function benchSize(size: string, inProcess: boolean, log: (line: string) => void): Promise<SizeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sanctions-bench-${size}-`))
  try {
    const from = path.join(dir, 'payload')
    fs.mkdirSync(from)
    // Only the counts are kept: the operations of a million entities are more than a gigabyte of heap.
    const data = (() => {
      const generated = generateData(SIZES[size])
      writeJsonLines(path.join(from, 'data.jsonl'), generated.operations)
      const { entities, aliases, rounds, reactions } = generated
      return { entities, aliases, rounds, reactions }
    })()
    const key = path.join(dir, 'bench.key')
    fs.writeFileSync(key, JSON.stringify(generateKeyPair('Benchmark Publisher', 30).privateFile))
    const bundle = path.join(dir, 'bench.sbb')
    // Each phase runs PHASE_RUNS times in a fresh process (and, but for create, a fresh store);
    // the median is reported, since these machines are shared and noisy.
    const create = await medianOf(() => runPhase('create', { key, from, bundle }, inProcess))
    let run = 0
    const verify = await medianOf(() =>
      runPhase('verify', { key, bundle, db: path.join(dir, `verify-${run++}.sqlite`) }, inProcess),
    )
    const read = await medianOf(() =>
      runPhase('read', { key, bundle, db: path.join(dir, `read-${run++}.sqlite`) }, inProcess),
    )
    let db = ''
    // The apply as the app runs it, alternating with the same apply keeping no record of its changes:
    // what the Changes view's record costs (#22), measured in turns on this noisy machine.
    const [apply, applyUnrecorded] = await alternating(
      () => {
        db = path.join(dir, `store-${run++}.sqlite`)
        return runPhase('apply', { key, bundle, db }, inProcess)
      },
      () =>
        runPhase(
          'apply',
          { key, bundle, db: path.join(dir, `unrecorded-${run++}.sqlite`), record: 'no' },
          inProcess,
        ),
    )
    // The list republished with one entity in ten changed, applied to copies of that store, recorded
    // and not in turns (#22's "a 100k-entity bundle that changes 10,000 records"); the Changes view then
    // reads the last recorded copy.
    const changesBundle = await writeChangesBundle(key, dir, path.join(from, 'data.jsonl'))
    const filled = db
    const [changesApply, changesApplyUnrecorded] = await alternating(
      () => {
        db = copyOfStore(filled, path.join(dir, `changed-${run++}.sqlite`))
        return runPhase('apply', { key, bundle: changesBundle.bundle, db }, inProcess)
      },
      () =>
        runPhase(
          'apply',
          {
            key,
            bundle: changesBundle.bundle,
            db: copyOfStore(filled, path.join(dir, `changed-unrecorded-${run++}.sqlite`)),
            record: 'no',
          },
          inProcess,
        ),
    )
    // Opened as the app opens a store (the default dataset added to a new one): the browser phase then
    // starts the app on a store it has opened before, as a user's is, not on one it must first fill.
    const store = openAppStore(db)
    try {
      const changes = {
        ...measureChanges(store),
        apply: changesApply,
        applyUnrecorded: changesApplyUnrecorded,
        bundled: changesBundle.changes,
      }
      const storeTimings = measureStore(store)
      const fuzzy = measureFuzzy(store)
      const baselines = measureBaselines(store, dir)
      const browser: BrowserBench = inProcess
        ? {
            status: 'unavailable',
            reason: 'measured by npm run bench only: it drives the built app in Chromium',
          }
        : await benchBrowser({
            cliPath: builtCliPath(),
            db,
            typed: benchQueries(store).exactName.slice(0, 8),
            countries: topCountries(store),
            // #21 asks for pictures of the Overview at 1k and 100k entities, kept under docs/.
            screenshot: ['1k', '100k'].includes(size)
              ? path.resolve(`docs/screenshots/overview-${size}.png`)
              : undefined,
          })
      const ratio = (ours: Measurement | undefined, floor: Measurement | undefined) => {
        const a = measured(ours)
        const b = measured(floor)
        return a && b && b.p50Ms > 0 ? Math.round((a.p50Ms / b.p50Ms) * 10) / 10 : null
      }
      return {
        size,
        entities: data.entities,
        aliases: data.aliases,
        rounds: data.rounds,
        reactions: data.reactions,
        bundleBytes: fs.statSync(bundle).size,
        bundle: { create, verify, read, apply, applyUnrecorded },
        changes,
        store: storeTimings,
        fuzzy,
        baselines,
        browser,
        ratios: {
          searchPrefixVsSqliteShell: ratio(storeTimings.searchPrefix, baselines.sqliteShellFts),
          searchPrefixVsJsonFilter: ratio(storeTimings.searchPrefix, baselines.jsonParseAndFilter),
        },
      }
    } finally {
      store.close()
    }
  } finally {
    if (process.env.BENCH_KEEP_FILES) log(`Kept ${dir}`)
    else fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Each issue's numbers, checked where they are measured; the rest are listed as not measured yet. */
function checkTargets(
  sizes: SizeResult[],
  briefing: BriefingBench,
  csl: CslBench,
  ftm: FtmBench,
  matching: MatchingBench,
): TargetCheck[] {
  const at = (size: string) => sizes.find((s) => s.size === size)
  const checks: TargetCheck[] = []
  const add = (
    issue: string,
    metric: string,
    size: string,
    value: number | null | undefined,
    target: number,
    unit: string,
  ) =>
    checks.push({
      issue,
      metric,
      size,
      measured: value ?? null,
      target,
      unit,
      verdict: value === null || value === undefined ? 'NOT MEASURED' : value <= target ? 'PASS' : 'MISS',
    })
  const big = at('100k')
  add('#4 bundles', 'verify a 100k-entity bundle', '100k', big?.bundle.verify.ms, 2000, 'ms')
  add('#4 bundles', 'apply a 100k-entity bundle', '100k', big?.bundle.apply.ms, 8000, 'ms')
  add('#4 bundles', 'peak memory while applying', '100k', big?.bundle.apply.peakMb, 500, 'MB')
  add(
    '#22 changes',
    'first page of a 10,000-change import, with counts',
    '100k',
    big?.changes.firstPage.p95Ms,
    200,
    'ms',
  )
  add(
    '#22 changes',
    'counts by group with a filter set',
    '100k',
    big?.changes.countsFiltered.p95Ms,
    200,
    'ms',
  )
  add(
    '#22 changes',
    'apply time added by recording the changes',
    '100k',
    big ? recordingCost(big.changes) : null,
    10,
    '%',
  )
  add(
    '#3 review tables',
    'search (store part), p95',
    '100k',
    measured(big?.store.searchPrefix)?.p95Ms,
    100,
    'ms',
  )
  add(
    '#3 review tables',
    'fuzzy search at score 85 (store part), p95',
    '100k',
    measured(big?.store.searchFuzzyMisspelling)?.p95Ms,
    100,
    'ms',
  )
  add(
    '#24 fuzzy names',
    'exact fuzzy search at score 85 (store part), p95',
    '100k',
    measured(big?.store.searchFuzzyMisspelling)?.p95Ms,
    15,
    'ms',
  )
  add(
    '#24 fuzzy names',
    'queries × scores differing from scoring every name',
    '100k',
    big?.fuzzy.differing.length,
    0,
    'queries',
  )
  add(
    '#24 fuzzy names',
    "entities of the reference's missed (70, 85, 95)",
    '100k',
    big ? big.fuzzy.expected - big.fuzzy.found : null,
    0,
    'entities',
  )
  add(
    '#24 fuzzy names',
    'fuzzy name index build, p50',
    '100k',
    measured(big?.store.fuzzyIndexBuild)?.p50Ms,
    2000,
    'ms',
  )
  add(
    '#3 review tables',
    'pinyin search (store part), p95',
    '100k',
    measured(big?.store.searchPinyin)?.p95Ms,
    100,
    'ms',
  )
  add(
    '#3 review tables',
    'facet counts with two filters, p95',
    '100k',
    measured(big?.store.facetCountsTwoFilters)?.p95Ms,
    150,
    'ms',
  )
  add('#5 briefings', 'export-pdf, 500 entities + 100 reactions', '500', briefing.ms, 5000, 'ms')
  add('#6 importers', `${csl.rows}-row CSL preview`, '25k', csl.previewMs, 5000, 'ms')
  add('#6 importers', `${csl.rows}-row CSL apply`, '25k', csl.applyMs, 10000, 'ms')
  const parties = `${ftm.parties / 1000}k`
  add('#18 importers', `${ftm.parties}-party FtM preview`, parties, ftm.previewMs, 30_000, 'ms')
  add('#18 importers', `${ftm.parties}-party FtM apply`, parties, ftm.applyMs, 30_000, 'ms')
  add('#18 importers', 'peak memory of the FtM import', parties, ftm.peakMb, 1024, 'MB')
  add('#18 importers', 'false merges on the labelled set', 'set', matching.falseMerges, 0, 'pairs')
  const browser = big?.browser.status === 'measured' ? big.browser : null
  add(
    '#3 review tables',
    'browser: start → first view of 100k rows',
    '100k',
    browser?.startToFirstRowsMs,
    1500,
    'ms',
  )
  add('#3 review tables', 'browser: keystroke → rows, p95', '100k', browser?.keystroke.p95Ms, 100, 'ms')
  add('#24 fuzzy', 'browser: slider step → rows, p95', '100k', browser?.sliderStep.p95Ms, 100, 'ms')
  add(
    '#3 review tables',
    'browser: filter → rows and facets, p95',
    '100k',
    browser?.filterChange.p95Ms,
    150,
    'ms',
  )
  add('#3 review tables', 'browser: renderer heap', '100k', browser?.heapMb, 400, 'MB')
  // The Overview (#21): its figures in the store, its charts on screen, a briefing that draws them.
  const overviewParts = [big?.store.overviewWholeStore, big?.store.overviewOfAView].map(measured)
  add(
    '#21 overview',
    'overview aggregates (store part), p95',
    '100k',
    overviewParts.every(Boolean) ? Math.max(...overviewParts.map((m) => m!.p95Ms)) : undefined,
    50,
    'ms',
  )
  add(
    '#21 overview',
    'browser: Overview opened → charts, p95',
    '100k',
    browser?.overviewOpen.p95Ms,
    500,
    'ms',
  )
  add('#21 overview', 'export-pdf with charts, 500 entities', '500', briefing.ms, 5000, 'ms')
  // The million-entity targets (#17), checked when that size was run (npm run bench -- --size 1m).
  const million = at('1m')
  if (million) {
    const shown = million.browser.status === 'measured' ? million.browser : null
    add('#17 scale', 'apply a 1M-entity bundle', '1m', million.bundle.apply.ms, 90_000, 'ms')
    add('#17 scale', 'peak memory while applying', '1m', million.bundle.apply.peakMb, 1536, 'MB')
    add('#17 scale', 'search (store part), p95', '1m', measured(million.store.searchPrefix)?.p95Ms, 100, 'ms')
    add('#17 scale', 'browser: keystroke → rows, p95', '1m', shown?.keystroke.p95Ms, 150, 'ms')
    add('#17 scale', 'browser: start → first view', '1m', shown?.startToFirstRowsMs, 3000, 'ms')
    add(
      '#24 fuzzy names',
      'exact fuzzy search at score 85 (store part), p95',
      '1m',
      measured(million.store.searchFuzzyMisspelling)?.p95Ms,
      60,
      'ms',
    )
  }
  return checks
}

export async function runBenchmark(options: {
  sizes: string[]
  out: string
  inProcess?: boolean
  log?: (line: string) => void
}): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => console.log(line))
  const sizes: SizeResult[] = []
  for (const size of options.sizes) {
    if (!(size in SIZES))
      throw new Error(`Unknown size "${size}"; choose from ${Object.keys(SIZES).join(', ')}.`)
    log(`Benchmarking ${size} entities…`)
    const result = await benchSize(size, Boolean(options.inProcess), log)
    sizes.push(result)
    log(formatSize(result))
  }
  log('Benchmarking a briefing PDF…')
  const briefingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-bench-briefing-'))
  let briefing: BriefingBench
  let briefingSmall: BriefingBench
  try {
    briefingSmall = await benchBriefing(briefingDir, Boolean(options.inProcess), 50, 10)
    briefing = await benchBriefing(briefingDir, Boolean(options.inProcess), 500, 100)
  } finally {
    fs.rmSync(briefingDir, { recursive: true, force: true })
  }
  log('Benchmarking a Consolidated Screening List import…')
  const cslDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-bench-csl-'))
  let csl: CslBench
  try {
    csl = options.inProcess ? await benchCsl(cslDir, 2_000) : importInChild<CslBench>('csl', cslDir, 25_000)
  } finally {
    fs.rmSync(cslDir, { recursive: true, force: true })
  }
  log(
    `  CSL of ${csl.rows} rows (${(csl.bytes / 1e6).toFixed(1)} MB): preview ${csl.previewMs} ms, apply ${csl.applyMs} ms, ${csl.entitiesAdded} entities added, peak ${csl.peakMb} MB`,
  )
  log('Benchmarking an OpenSanctions FtM import and matching on the labelled set…')
  const ftmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-bench-ftm-'))
  let ftm: FtmBench
  let matching: MatchingBench
  try {
    ftm = options.inProcess ? await benchFtm(ftmDir, 2_000) : importInChild<FtmBench>('ftm', ftmDir, 100_000)
    matching = benchMatching(ftmDir)
  } finally {
    fs.rmSync(ftmDir, { recursive: true, force: true })
  }
  log(
    `  FtM of ${ftm.parties} parties (${(ftm.bytes / 1e6).toFixed(1)} MB): preview ${ftm.previewMs} ms, apply ${ftm.applyMs} ms, ${ftm.entitiesAdded} entities and ${ftm.designationsAdded} designations added, peak ${ftm.peakMb} MB`,
  )
  log(
    `  matching on the labelled set: precision ${matching.precision.toFixed(2)}, recall ${matching.recall.toFixed(2)} (${matching.merged} of ${matching.samePairs} same-party pairs merged; ${matching.falseMerges} of ${matching.differentPairs} different-party pairs merged)`,
  )
  for (const b of [briefingSmall, briefing])
    log(
      `  export-pdf of ${b.entities} entities and ${b.reactions} reactions: ${b.ms} ms (median of ${b.runs}), ${b.pages} pages, ${(b.bytes / 1e6).toFixed(1)} MB`,
    )
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
    },
    sizes,
    briefing,
    briefingSmall,
    csl,
    ftm,
    matching,
    targets: checkTargets(sizes, briefing, csl, ftm, matching),
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true })
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`)
  log('')
  log('Targets:')
  for (const t of results.targets) {
    log(
      `  ${t.verdict.padEnd(13)}${t.issue.padEnd(19)}${`${t.metric} (${t.size})`.padEnd(48)}${t.measured === null ? '—' : `${t.measured} ${t.unit}`} (target ≤ ${t.target} ${t.unit})`,
    )
  }
  log(`\nSaved ${options.out}`)
  return results
}

function show(m: Measurement): string {
  return m.status === 'measured' ? `p50 ${m.p50Ms} ms, p95 ${m.p95Ms} ms` : `${m.status}: ${m.reason}`
}

function formatSize(r: SizeResult): string {
  const lines = [
    `  ${r.entities} entities, ${r.aliases} aliases, ${r.reactions} reactions, ${r.rounds} rounds; bundle ${(r.bundleBytes / 1e6).toFixed(1)} MB`,
    `  bundle create ${r.bundle.create.ms} ms (peak ${r.bundle.create.peakMb} MB), verify ${r.bundle.verify.ms} ms (peak ${r.bundle.verify.peakMb} MB), read for import ${r.bundle.read.ms} ms (peak ${r.bundle.read.peakMb} MB), apply ${r.bundle.apply.ms} ms (peak ${r.bundle.apply.peakMb} MB)`,
    `  the same apply keeping no record of its changes ${r.bundle.applyUnrecorded.ms} ms (the two alternating, medians of ${PHASE_RUNS} each)`,
    `  the list republished with ${r.changes.bundled} records changed: applied in ${r.changes.apply.ms} ms, ${r.changes.applyUnrecorded.ms} ms keeping no record (alternating, medians of ${PHASE_RUNS}; the record adds ${recordingCost(r.changes)} %, the median of the pairs' ratios; to the first apply, all new records, ${recordingCost(r.bundle)} %); ${r.changes.recorded} changes recorded; first page with counts p50/p95 ${r.changes.firstPage.p50Ms}/${r.changes.firstPage.p95Ms} ms, counts with a filter ${r.changes.countsFiltered.p50Ms}/${r.changes.countsFiltered.p95Ms} ms`,
    ...Object.entries(r.store).map(([k, m]) => `  ${k.padEnd(28)}${show(m)}`),
    `  browser                     ${
      r.browser.status === 'measured'
        ? `start → first rows ${r.browser.startToFirstRowsMs} ms (from opening the page ${r.browser.firstRowsMs} ms; host already up: ${r.browser.firstRowsWarmMs} ms); keystroke p50 ${r.browser.keystroke.p50Ms} / p95 ${r.browser.keystroke.p95Ms} ms; filter p50 ${r.browser.filterChange.p50Ms} / p95 ${r.browser.filterChange.p95Ms} ms; minimum-score slider step p50 ${r.browser.sliderStep.p50Ms} / p95 ${r.browser.sliderStep.p95Ms} ms; heap ${r.browser.heapMb} MB`
        : `${r.browser.status}: ${r.browser.reason}`
    }`,
    ...Object.entries(r.baselines).map(([k, m]) => `  baseline ${k.padEnd(19)}${show(m)}`),
    ...Object.entries(r.ratios).map(([k, v]) => `  ratio ${k.padEnd(28)} ${v === null ? '—' : `${v}×`}`),
    `  fuzzy index: ${r.fuzzy.forms} name forms, ${r.fuzzy.words} distinct words, ${r.fuzzy.indexMb} MB; ${r.fuzzy.queries.length} queries at scores ${r.fuzzy.checkedScores.join(', ')} against scoring every name: recall ${fuzzyRecall(r.fuzzy)} (${r.fuzzy.found} of ${r.fuzzy.expected} entities), ${r.fuzzy.differing.length} differing${r.fuzzy.differing.length > 0 ? ` (${r.fuzzy.differing.join(', ')})` : ''}`,
    `  fuzzy baselines (same names and queries, p50/p95, entities found of the reference's): ${fuzzyBaselinesLine(r.fuzzy.baselines)}`,
  ]
  return lines.join('\n')
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') {
    const args: Record<string, string> = {}
    for (let i = 2; i < argv.length; i += 2) args[argv[i].replace(/^--/, '')] = argv[i + 1]
    if (argv[1] === 'csl')
      process.stdout.write(`${JSON.stringify(await benchCsl(args.dir, Number(args.rows)))}\n`)
    else if (argv[1] === 'ftm')
      process.stdout.write(`${JSON.stringify(await benchFtm(args.dir, Number(args.rows)))}\n`)
    else if (argv[1] === 'browser') {
      // The browser phase alone, on an existing store: node out/main/bench.js --child browser --db FILE
      const store = openStore(args.db)
      const options = { typed: benchQueries(store).exactName.slice(0, 8), countries: topCountries(store) }
      store.close()
      const result = await benchBrowser({ cliPath: builtCliPath(), db: args.db, ...options })
      process.stdout.write(`${JSON.stringify(result)}\n`)
    } else await runBundlePhase(argv[1], args)
    return
  }
  const sizes: string[] = []
  let out = path.resolve('bench/results/latest.json')
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--size') sizes.push(...argv[++i].split(','))
    else if (argv[i] === '--out') out = path.resolve(argv[++i])
    else
      throw new Error(
        `Unknown option ${argv[i]}. Usage: npm run bench -- [--size 1k|10k|100k|1m ...] [--out FILE]`,
      )
  }
  await runBenchmark({ sizes: sizes.length > 0 ? sizes : DEFAULT_SIZES, out })
}

if (process.argv[1] && /bench(\.js|\.mjs)?$/.test(path.basename(process.argv[1]))) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}

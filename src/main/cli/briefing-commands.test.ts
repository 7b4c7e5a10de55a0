import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_BRIEFING_SETTINGS } from '../../shared/briefing'
import { saveBriefing } from '../store/saved-briefings'
import { openDefaultStore } from '../test-support/default-store'
import { runCliCapturing } from '../test-support/run-cli'
import { useTempDir } from '../test-support/temp-dir'

const tempDir = useTempDir()
const chromiumEnv = process.env.CHROMIUM_PATH ? { CHROMIUM_PATH: process.env.CHROMIUM_PATH } : {}

function briefingCli(env: NodeJS.ProcessEnv = chromiumEnv) {
  const dir = tempDir()
  const db = path.join(dir, 'store.sqlite')
  const run = (...args: string[]) => runCliCapturing(['--db', db, ...args], { env, rendererDir: dir })
  return { dir, db, run }
}

describe('export-pdf', () => {
  it('writes a briefing of two rounds and prints path, page count and size as JSON', async () => {
    const { dir, run } = briefingCli()
    const out = path.join(dir, 'june.pdf')
    const result = await run(
      '--json',
      'export-pdf',
      '--out',
      out,
      '--round',
      'el-2020-06-85fr34495',
      '--round',
      'el-2020-06-85fr34503',
      '--title',
      'June 2020 additions',
      '--banner',
      'CUI',
      '--paper',
      'a4',
      '--sections',
      'entities,reactions',
      '--reaction-grouping',
      'stance',
    )
    expect(result.code, result.err).toBe(0)
    const json = JSON.parse(result.out)
    expect(Object.keys(json)).toEqual([
      'path',
      'pageCount',
      'bytes',
      'entityCount',
      'reactionCount',
      'changeCount',
    ])
    expect(json.changeCount).toBeNull()
    expect(json.path).toBe(out)
    expect(json.bytes).toBe(fs.statSync(out).size)
    expect(json.entityCount).toBe(27)
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' })
    expect(info).toContain(`Pages:           ${json.pageCount}`)
    expect(info).toMatch(/Title:\s+June 2020 additions/)
    expect(info).toMatch(/\(A4\)/)
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })
    expect(text).toContain('CUI')
    expect(text).toContain('云从科技')
    expect(text).not.toContain('Overview of the rounds')
    expect(text).toContain('Opposing')
    // No temporary file is left beside the PDF.
    expect(fs.readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([])
  }, 60_000)

  it('exports a saved briefing by its id', async () => {
    const { dir, run } = briefingCli()
    const store = openDefaultStore(dir)
    const saved = saveBriefing(store.db, {
      ...DEFAULT_BRIEFING_SETTINGS,
      title: 'Saved: Megvii and SenseTime',
      scope: { kind: 'entities', entityIds: ['megvii', 'sensetime'] },
    })
    store.close()
    const out = path.join(dir, 'saved.pdf')
    const result = await run('export-pdf', '--out', out, '--briefing', saved.id)
    expect(result.code, result.err).toBe(0)
    expect(result.out).toMatch(/Wrote .*saved\.pdf: \d+ pages?, [\d,]+ bytes \(2 entities, \d+ reactions\)\./)
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain(
      'Saved: Megvii and SenseTime',
    )
  }, 60_000)

  it.each([
    [['--round', 'el-2019-10-84fr54002'], /required option '--out <file>'/],
    [['--out', 'x.pdf'], /Say what the briefing covers/],
    [['--out', 'x.pdf', '--query', 'zzzzzz'], /scope is empty/],
    [['--out', 'x.pdf', '--round', 'no-such-round'], /No round with the id "no-such-round"/],
    [['--out', 'x.pdf', '--entity', 'megvii', '--round', 'el-2019-10-84fr54002'], /cannot be combined/],
    [
      ['--out', 'x.pdf', '--round', 'el-2019-10-84fr54002', '--sections', 'entities,maps'],
      /unknown section "maps"/,
    ],
    [
      ['--out', 'x.pdf', '--round', 'el-2019-10-84fr54002', '--paper', 'legal'],
      /Allowed choices are letter, a4/,
    ],
    [
      ['--out', 'x.pdf', '--round', 'el-2019-10-84fr54002', '--title', 'x'.repeat(2001)],
      /title: at most 2,000/,
    ],
    [['--out', 'x.pdf', '--round', 'el-2019-10-84fr54002', '--title', '  '], /a title is required/],
    [['--out', 'no/such/dir/x.pdf', '--round', 'el-2019-10-84fr54002'], /the folder .* does not exist/],
    [['--out', 'x.pdf', '--briefing', 'b-missing'], /No saved briefing with the id "b-missing"/],
  ])('refuses %j with a message naming the problem, and writes nothing', async (args, message) => {
    const { dir, run } = briefingCli()
    const result = await run(
      'export-pdf',
      ...args.map((arg) => (arg.endsWith('.pdf') ? path.join(dir, arg) : arg)),
    )
    expect(result.code).toBe(1)
    expect(result.err).toMatch(message)
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
  })

  it('names CHROMIUM_PATH when the Chromium it points at is missing', async () => {
    const { dir, run } = briefingCli({ CHROMIUM_PATH: '/nowhere/chromium' })
    const result = await run(
      'export-pdf',
      '--out',
      path.join(dir, 'x.pdf'),
      '--round',
      'el-2019-10-84fr54002',
    )
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/CHROMIUM_PATH is set to "\/nowhere\/chromium", but no file is there/)
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
  })
})

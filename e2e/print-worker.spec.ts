import { expect, test } from '@playwright/test'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { processesMentioning } from '../src/main/test-support/processes'
import { useTempDirs } from './temp-dirs'

const newTempDir = useTempDirs('sanctions-briefing-print-')

/**
 * The built command line prints from a worker thread (out/main/print-worker.js) started before the rest
 * of the program loads, with a one-shot Chromium that the worker's exit ends. The unit tests print in
 * their own thread (no build there), so these check the built path: the PDF is whole, a failure keeps
 * its name and message across the thread, and no Chromium or temporary profile outlives the command.
 */
function exportPdf(args: string[], env: NodeJS.ProcessEnv = {}, tmpLength = 0) {
  const dir = newTempDir()
  // Playwright keeps Chromium's profile under the temporary folder: a folder of the command's own
  // shows whether anything is left behind. Its name is padded when a test needs a path that long.
  const tmp = path.join(dir, 'tmp'.padEnd(Math.max(3, tmpLength - dir.length - 1), '-'))
  fs.mkdirSync(tmp)
  const db = path.join(dir, 'store.sqlite')
  const child = spawnSync(
    process.execPath,
    ['out/main/cli.js', '--db', db, '--json', 'export-pdf', ...args.map((a) => a.replace('{dir}', dir))],
    { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, ...env }, timeout: 60_000 },
  )
  const leftovers = fs.readdirSync(tmp)
  return { dir, child, leftovers, running: processesMentioning(tmp) }
}

test('export-pdf of the built CLI prints in its worker and leaves no browser behind', async () => {
  const { dir, child, leftovers, running } = exportPdf([
    '--out',
    '{dir}/june.pdf',
    '--round',
    'el-2020-06-85fr34503',
    '--title',
    'June 2020',
  ])
  expect(child.status, child.stderr).toBe(0)
  const json = JSON.parse(child.stdout) as { path: string; pageCount: number; bytes: number }
  expect(json.path).toBe(path.join(dir, 'june.pdf'))
  expect(fs.statSync(json.path).size).toBe(json.bytes)
  const info = execFileSync('pdfinfo', [json.path], { encoding: 'utf8' })
  expect(info).toContain(`Pages:           ${json.pageCount}`)
  expect(info).toMatch(/Tagged:\s+yes/)
  const text = execFileSync('pdftotext', [json.path, '-'], { encoding: 'utf8' })
  expect(text).toContain('云从科技')
  expect(text).toContain(`Page 1 of ${json.pageCount}`)
  const fonts = execFileSync('pdffonts', [json.path], { encoding: 'utf8' }).split('\n').slice(2)
  expect(fonts.filter((line) => line.trim()).every((line) => / yes yes yes /.test(line))).toBe(true)
  expect(leftovers).toEqual([])
  expect(running).toBe('')
})

test("under a temporary folder too deep for Chromium's socket, it prints from a folder in /tmp and leaves nothing", async () => {
  // At 56 characters Chromium's own socket path fits (101 of 107), but not inside a folder of ours.
  const { child, leftovers, running } = exportPdf(
    ['--out', '{dir}/deep.pdf', '--round', 'el-2020-06-85fr34503'],
    {},
    56,
  )
  expect(child.status, child.stderr).toBe(0)
  expect(JSON.parse(child.stdout).pageCount).toBeGreaterThan(0)
  expect(leftovers).toEqual([])
  expect(running).toBe('')
})

test('a printer failure in the worker reaches the user by name, naming CHROMIUM_PATH', async () => {
  const { dir, child, leftovers } = exportPdf(['--out', '{dir}/x.pdf', '--round', 'el-2020-06-85fr34503'], {
    CHROMIUM_PATH: '/nowhere/chromium',
  })
  expect(child.status).toBe(1)
  const error = JSON.parse(child.stderr) as { error: { name: string; message: string } }
  expect(error.error.name).toBe('BriefingError')
  expect(error.error.message).toContain('CHROMIUM_PATH is set to "/nowhere/chromium"')
  expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
  expect(leftovers).toEqual([])
})

test('export-pdf refused before printing closes the printer it started early', async () => {
  // The refusal can come while Playwright is still launching Chromium, when its folders exist but the
  // handler that removes them does not yet: a few runs give that moment a chance to come up.
  for (let run = 0; run < 3; run++) {
    const { child, leftovers, running } = exportPdf(['--out', '/no/such/folder/x.pdf', '--round', 'x'])
    expect(child.status).toBe(1)
    expect(child.stderr).toContain('--out: the folder \\"/no/such/folder\\" does not exist.')
    expect(leftovers).toEqual([])
    expect(running).toBe('')
  }
})

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { processesMentioning } from '../test-support/processes'
import { useTempDir } from '../test-support/temp-dir'
import { ChromiumPrinter, findChromium } from './chromium-printer'

const tempDir = useTempDir()

const HTML =
  '<!doctype html><html lang="en"><head><title>Test</title></head><body><h1>One page</h1></body></html>'

/** A Chromium that will not start as a single process, as one could on a loaded machine. */
function chromiumRefusingSingleProcess(dir: string): string {
  const script = path.join(dir, 'chromium')
  fs.writeFileSync(
    script,
    `#!/bin/sh\ncase "$*" in *--single-process*) echo "refused" >&2; exit 1;; esac\nexec "${findChromium()}" "$@"\n`,
  )
  fs.chmodSync(script, 0o755)
  return script
}

describe('the one-shot printer', () => {
  it('prints with a Chromium of the usual processes when a single-process one fails', async () => {
    const dir = tempDir()
    const printer = new ChromiumPrinter(
      { CHROMIUM_PATH: chromiumRefusingSingleProcess(dir) },
      { oneShot: true },
    )
    try {
      const pdf = await printer.print(HTML, 'a4')
      const file = path.join(dir, 'out.pdf')
      fs.writeFileSync(file, pdf)
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('One page')
    } finally {
      await printer.close()
    }
  })

  it('keeps Chromium in one folder of its own (profile, TMPDIR, runtime), removed on close', async () => {
    const tmp = tempDir()
    const saved = process.env.TMPDIR
    process.env.TMPDIR = tmp
    const printer = new ChromiumPrinter({ ...process.env }, { oneShot: true })
    try {
      printer.warmUp()
      expect(await printer.readyToBeKilled()).toBe(true)
      const [folder, ...others] = fs.readdirSync(tmp)
      expect(others).toEqual([])
      expect(folder).toMatch(/^sbc-/)
      // Chromium runs with its profile inside that folder.
      expect(processesMentioning(path.join(tmp, folder, 'profile'))).toContain('--user-data-dir=')
      expect(processesMentioning(path.join(tmp, folder, 'profile'))).toContain('--disable-audio-output')
      await printer.print(HTML, 'a4')
      expect(fs.readdirSync(tmp)).toEqual([folder])
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
      await printer.close()
    }
    expect(fs.readdirSync(tmp)).toEqual([])
  })

  it('is not ready to be killed when it has not started, nor when it is a long-lived printer', async () => {
    expect(await new ChromiumPrinter(process.env, { oneShot: true }).readyToBeKilled()).toBe(false)
    const longLived = new ChromiumPrinter(process.env)
    try {
      longLived.warmUp()
      expect(await longLived.readyToBeKilled()).toBe(false)
    } finally {
      await longLived.close()
    }
  })

  it('prints one briefing only', async () => {
    const printer = new ChromiumPrinter(process.env, { oneShot: true })
    try {
      await printer.print(HTML, 'letter')
      await expect(printer.print(HTML, 'letter')).rejects.toThrow('prints one briefing')
    } finally {
      await printer.close()
    }
  })
})

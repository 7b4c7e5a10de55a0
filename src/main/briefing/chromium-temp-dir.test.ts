import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDir } from '../test-support/temp-dir'
import { ChromiumTempDir } from './chromium-temp-dir'

const tempDir = useTempDir()
const savedTmpdir = process.env.TMPDIR

afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmpdir
})

describe('ChromiumTempDir', () => {
  it('makes a short-named folder in the temporary folder and removes it with what Chromium left there', () => {
    const base = tempDir()
    process.env.TMPDIR = base
    const dir = ChromiumTempDir.create()!
    expect(path.dirname(dir.path)).toBe(base)
    fs.mkdirSync(path.join(dir.path, 'org.chromium.Chromium.abc123'))
    dir.removeNow()
    expect(fs.readdirSync(base)).toEqual([])
  })

  it("goes to /tmp where Chromium's socket path inside the temporary folder would pass the Unix limit", () => {
    const deep = path.join(tempDir(), 'x'.repeat(60))
    fs.mkdirSync(deep)
    process.env.TMPDIR = deep
    const dir = ChromiumTempDir.create()!
    try {
      expect(path.dirname(dir.path)).toBe('/tmp')
      expect(fs.readdirSync(deep)).toEqual([])
      expect(dir.environment({ HOME: '/home/x' })).toEqual({
        HOME: '/home/x',
        TMPDIR: dir.path,
        XDG_RUNTIME_DIR: dir.path,
        PULSE_RUNTIME_PATH: dir.path,
      })
    } finally {
      dir.removeNow()
    }
    expect(fs.existsSync(dir.path)).toBe(false)
  })
})

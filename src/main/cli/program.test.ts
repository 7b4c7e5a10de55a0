import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../test-support/temp-dir'
import type { CliIo } from './cli-io'
import { runCli } from './program'

const tempDir = useTempDir()

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t) }
  let stopServer: (() => Promise<void>) | undefined
  const code = await runCli(args, {
    io,
    env,
    rendererDir: tempDir(),
    onServing: (stop) => {
      stopServer = stop
    },
  })
  return { code, out: out.join(''), err: err.join(''), stopServer }
}

describe('command line', () => {
  it('entity prints one entity whole, with its designations and sources; an unknown id exits 1', async () => {
    const db = path.join(tempDir(), 's.sqlite')
    const text = await cli(['--db', db, 'entity', 'megvii'])
    expect(text.code, text.err).toBe(0)
    expect(text.out).toMatch(/^Megvii Technology {2}\(megvii\)/)
    expect(text.out).toContain('original-script name: 旷视科技')
    expect(text.out).toMatch(/US BIS Entity List: added in 84 FR 54002 .*; current/)
    expect(text.out).toContain('Los Angeles Times (Financial Times)')
    const json = JSON.parse((await cli(['--db', db, '--json', 'entity', 'megvii'])).out) as {
      designations: { list: string; ended: string | null }[]
      citations: unknown[]
    }
    expect(json.designations).toEqual([expect.objectContaining({ list: 'US BIS Entity List', ended: null })])
    expect(json.citations.length).toBeGreaterThan(1)
    const unknown = await cli(['--db', db, 'entity', 'no-such-entity'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toContain('There is no entity with the id "no-such-entity"')
  })

  it('stats prints counts, and --json uses exactly the documented keys', async () => {
    const db = path.join(tempDir(), 's.sqlite')
    const text = await cli(['--db', db, 'stats'])
    expect(text.code).toBe(0)
    expect(text.out).toMatch(/entities\s+38/)
    const json = await cli(['--db', db, '--json', 'stats'])
    expect(Object.keys(JSON.parse(json.out))).toEqual([
      'entities',
      'rounds',
      'designations',
      'reactions',
      'sources',
    ])
  })

  it('accepts the global options after the command too', async () => {
    const db = path.join(tempDir(), 's.sqlite')
    const json = await cli(['stats', '--db', db, '--json'])
    expect(JSON.parse(json.out).rounds).toBe(3)
  })

  it('uses SANCTIONS_BRIEFING_DB when --db is not given', async () => {
    const db = path.join(tempDir(), 'from-env.sqlite')
    const result = await cli(['--json', 'stats'], { SANCTIONS_BRIEFING_DB: db })
    expect(result.code).toBe(0)
    expect(fs.existsSync(db)).toBe(true)
  })

  it('search ranks matches and gives id, name and original-script name', async () => {
    const db = path.join(tempDir(), 's.sqlite')
    const result = await cli(['--db', db, '--json', 'search', '云从'])
    const hits = JSON.parse(result.out)
    expect(hits[0]).toMatchObject({ id: 'cloudwalk', name: 'CloudWalk Technology', originalName: '云从科技' })
    const text = await cli(['--db', db, 'search', 'Qihoo', '360'])
    expect(text.out).toContain('qihoo-360-company')
  })

  it('rounds shows citations, dates and declared against recorded counts', async () => {
    const db = path.join(tempDir(), 's.sqlite')
    const text = await cli(['--db', db, 'rounds'])
    expect(text.out).toContain('84 FR 54002')
    expect(text.out).toContain('28 added · 11 recorded')
    const json = JSON.parse((await cli(['--db', db, '--json', 'rounds'])).out)
    expect(json[0]).toMatchObject({
      list: 'US BIS Entity List',
      declaredCount: 28,
      recordedCount: 11,
      published: '2019-10-09',
    })
  })

  it.each([[['frobnicate']], [['search']], [['serve', '--port', 'abc']], [['--no-such-flag', 'stats']]])(
    'prints usage and exits non-zero for %j',
    async (args) => {
      const result = await cli(['--db', path.join(tempDir(), 's.sqlite'), ...args])
      expect(result.code).not.toBe(0)
      expect(result.err).toMatch(/error:/)
      expect(result.err).toMatch(/Usage: sanctions-briefing/)
    },
  )

  it('names a damaged store, leaves it untouched and offers a new one beside it', async () => {
    const db = path.join(tempDir(), 'broken.sqlite')
    fs.writeFileSync(db, 'not a database at all'.repeat(100))
    const before = fs.readFileSync(db)
    const result = await cli(['--db', db, 'stats'])
    expect(result.code).toBe(1)
    expect(result.err).toContain(db)
    expect(result.err).toMatch(/left untouched/)
    expect(result.err).toMatch(/start a new store beside it, run again with --db ".*broken\.new-.*\.sqlite"/)
    expect(fs.readFileSync(db).equals(before)).toBe(true)
  })

  it('serve prints exactly the URL first and serves until stopped', async () => {
    const db = path.join(tempDir(), 's.sqlite')
    const out: string[] = []
    let stop: (() => Promise<void>) | undefined
    const running = runCli(['serve', '--db', db, '--port', '0'], {
      io: { out: (t) => out.push(t), err: () => {} },
      env: {},
      rendererDir: tempDir(),
      onServing: (s) => {
        stop = s
      },
    })
    await expect.poll(() => out.length).toBeGreaterThan(0)
    const url = out[0]
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/)
    const token = url.split('#token=')[1]
    const response = await fetch(new URL('/rpc/stats', url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    })
    const body = (await response.json()) as { result: { entities: number } }
    expect(body.result.entities).toBe(38)
    await stop!()
    expect(await running).toBe(0)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../store/open-store'
import { jsonl, sampleOperations } from '../test-support/bundle-fixtures'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { runCliCapturing } from '../test-support/run-cli'

const tempDir = useTempDir()

function makeCli(dir: string, answers: boolean[] = []) {
  const db = path.join(dir, 'store.sqlite')
  const run = (...args: string[]) =>
    runCliCapturing(['--db', db, ...args], {
      env: {},
      rendererDir: dir,
      ask: async () => answers.shift() ?? false,
    })
  const dump = () => {
    const store = openStore(db)
    try {
      return dumpStore(store.db)
    } finally {
      store.close()
    }
  }
  return { db, run, dump }
}

async function publish(
  dir: string,
  run: ReturnType<typeof makeCli>['run'],
  sequence: number,
  extra: string[] = [],
) {
  const keys = path.join(dir, 'keys')
  if (!fs.existsSync(keys)) {
    const made = await run('--json', 'keygen', '--out', keys, '--publisher', 'Example Ministry')
    expect(made.code).toBe(0)
  }
  const privateKey = fs.readdirSync(keys).find((f) => f.endsWith('.key'))!
  const from = path.join(dir, `payload-${sequence}`)
  fs.mkdirSync(from, { recursive: true })
  fs.writeFileSync(path.join(from, 'changes.jsonl'), jsonl(sampleOperations()))
  const out = path.join(dir, `update-${sequence}.sbb`)
  const created = await run(
    'bundle',
    'create',
    '--key',
    path.join(keys, privateKey),
    '--from',
    from,
    '--sequence',
    String(sequence),
    '--out',
    out,
    ...extra,
  )
  expect(created.code, created.err).toBe(0)
  return { out, publicKey: path.join(keys, privateKey.replace(/\.key$/, '.pub')) }
}

describe('bundle commands', () => {
  it('keygen writes a private key for its owner only and a .pub file', async () => {
    const dir = tempDir()
    const { run } = makeCli(dir)
    const result = await run(
      '--json',
      'keygen',
      '--out',
      path.join(dir, 'k'),
      '--publisher',
      'Example Ministry',
    )
    const made = JSON.parse(result.out)
    expect(made.publicKey).toMatch(/\.pub$/)
    expect(fs.statSync(made.privateKey).mode & 0o777).toBe(0o600)
    expect(made.fingerprint).toMatch(/^[0-9a-f]{64}$/)
  })

  it('publishes, verifies, previews, imports, lists history and undoes, with exit codes 0', async () => {
    const dir = tempDir()
    const { run, dump } = makeCli(dir)
    const { out, publicKey } = await publish(dir, run, 1)

    const verified = await run('bundle', 'verify', out, '--trust', publicKey)
    expect(verified.code).toBe(0)
    expect(verified.out).toContain('Valid bundle from Example Ministry, sequence 1.')

    expect((await run('trust', 'add', publicKey)).out).toMatch(/Fingerprint: [0-9a-f]{4} /)
    const before = dump()

    const dry = await run('--json', 'import', out, '--dry-run')
    expect(dry.code).toBe(0)
    expect(
      JSON.parse(dry.out).preview.counts.find((c: { type: string }) => c.type === 'entity'),
    ).toMatchObject({ new: 1, changed: 1 })
    expect(dump()).toBe(before)

    const imported = await run('import', out)
    expect(imported.code).toBe(0)
    expect(imported.out).toContain('notes: HKTDC describes it')
    expect(imported.out).toMatch(/Imported: history entry 1/)

    const again = await run('import', out)
    expect(again.code).toBe(0)
    expect(again.out).toContain('Already imported')

    const history = JSON.parse((await run('--json', 'history')).out)
    expect(history[0]).toMatchObject({ publisher: 'Example Ministry', sequence: 1, status: 'applied' })

    const undone = await run('undo', '--yes')
    expect(undone.code).toBe(0)
    expect(dump()).toBe(before)
  })

  it('refuses a bundle with exit code 2 and leaves the store file unchanged byte for byte', async () => {
    const dir = tempDir()
    const { db, run } = makeCli(dir)
    const { out } = await publish(dir, run, 1)
    await run('stats')
    const bytes = fs.readFileSync(out)
    const tampered = path.join(dir, 'tampered.sbb')
    fs.writeFileSync(tampered, bytes.subarray(0, bytes.length - 30))
    const before = fs.readFileSync(db)
    const unknownKey = await run('import', out)
    expect(unknownKey.code).toBe(2)
    expect(unknownKey.err).toMatch(/not in your trust store.*Nothing was changed/)
    const truncated = await run('import', tampered)
    expect(truncated.code).toBe(2)
    expect(fs.readFileSync(db).equals(before)).toBe(true)
  })

  it('refuses a rollback with exit code 2', async () => {
    const dir = tempDir()
    const { run } = makeCli(dir)
    const second = await publish(dir, run, 2)
    await run('trust', 'add', second.publicKey)
    expect((await run('import', second.out)).code).toBe(0)
    const first = await publish(dir, run, 1)
    const refused = await run('import', first.out)
    expect(refused.code).toBe(2)
    expect(refused.err).toMatch(/rollback/)
  })

  it('asks before importing an expired bundle and changes nothing without a yes', async () => {
    const dir = tempDir()
    const { run, dump } = makeCli(dir)
    const { out, publicKey } = await publish(dir, run, 1, ['--expires', '2020-01-01'])
    await run('trust', 'add', publicKey)
    const before = dump()
    const declined = await run('import', out)
    expect(declined.code).toBe(1)
    expect(declined.err).toMatch(/expired.*Nothing was changed/s)
    expect(dump()).toBe(before)
    expect((await run('import', out, '--yes')).code).toBe(0)
  })

  it('undo asks first, and without a yes changes nothing', async () => {
    const dir = tempDir()
    const { run, dump } = makeCli(dir, [false])
    const { out, publicKey } = await publish(dir, run, 1)
    await run('trust', 'add', publicKey)
    await run('import', out)
    const after = dump()
    const declined = await run('undo')
    expect(declined.code).toBe(1)
    expect(dump()).toBe(after)
  })

  it("lists and removes trusted keys; a removed key's bundles are refused", async () => {
    const dir = tempDir()
    const { run } = makeCli(dir)
    const { out, publicKey } = await publish(dir, run, 1)
    await run('trust', 'add', publicKey)
    const keys = JSON.parse((await run('--json', 'trust', 'list')).out)
    expect(keys).toHaveLength(1)
    expect((await run('trust', 'remove', keys[0].fingerprint.replace(/(.{4})/g, '$1 '))).code).toBe(0)
    expect((await run('import', out)).code).toBe(2)
    expect((await run('trust', 'remove', keys[0].fingerprint)).code).toBe(1)
  })

  it('bundle create names the file and line of a bad payload', async () => {
    const dir = tempDir()
    const { run } = makeCli(dir)
    await run('keygen', '--out', path.join(dir, 'keys'), '--publisher', 'P')
    const key = fs.readdirSync(path.join(dir, 'keys')).find((f) => f.endsWith('.key'))!
    fs.mkdirSync(path.join(dir, 'bad'))
    fs.writeFileSync(
      path.join(dir, 'bad', 'x.jsonl'),
      '{"op":"upsert","type":"entity","record":{"id":"Bad Id"}}\n',
    )
    const result = await run(
      'bundle',
      'create',
      '--key',
      path.join(dir, 'keys', key),
      '--from',
      path.join(dir, 'bad'),
      '--sequence',
      '1',
      '--out',
      path.join(dir, 'x.sbb'),
    )
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/x\.jsonl line 1: record/)
    expect(fs.existsSync(path.join(dir, 'x.sbb'))).toBe(false)
  })
})

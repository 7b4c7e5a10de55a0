import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { entriesOf, zipOf } from '../test-support/zip-fixtures'
import type { BundleRefusal } from './bundle-error'
import { packBundle } from './bundle-writer'
import { checkBundle, readVerifiedBundle } from './bundle-reader'
import { generateKeyPair, signBytes } from './keys'
import { singleKeyLookup } from '../store/trust-store'

const tempDir = useTempDir()
const publisher = makePublisher()
const trusted = singleKeyLookup(publisher.publicFile)
const verify = (bytes: Buffer) => readVerifiedBundle(bytes, trusted, NOW)

/** Renames an entry in place by patching its bytes: yazl refuses to write unsafe names at all. */
function renameInPlace(bytes: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length)
  const result = Buffer.from(bytes)
  let at = result.indexOf(from)
  while (at >= 0) {
    result.write(to, at, 'latin1')
    at = result.indexOf(from, at + 1)
  }
  return result
}

async function validBundle(): Promise<Buffer> {
  return packOperations(publisher.privateFile, sampleOperations())
}

/** Refused by the import's reading and, with the very same message, by `bundle verify`'s check. */
async function expectRefusal(bytes: Buffer | Promise<Buffer>, refusal: BundleRefusal, message?: RegExp) {
  const file = await bytes
  const error = await verify(file).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error, `expected refusal ${refusal}`).toMatchObject({ name: 'BundleError', refusal })
  if (message) expect((error as Error).message).toMatch(message)
  expect((error as Error).message).toMatch(/Nothing was changed\.$/)
  const checked = await checkBundle(file, trusted, NOW).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(checked).toMatchObject({ refusal, message: (error as Error).message })
}

async function signedWithPayload(content: Buffer): Promise<Buffer> {
  return packBundle({
    key: publisher.privateFile,
    payloads: [{ path: 'payload/changes.jsonl', content }],
    sequence: 1,
    now: NOW,
  })
}

describe('bundle refusals', () => {
  it('accepts the valid bundle these tests start from, read for import or only checked', async () => {
    const bytes = await validBundle()
    const { operations, ...identity } = await verify(bytes)
    expect(operations.count).toBe(6)
    expect(await checkBundle(bytes, trusted, NOW)).toEqual({ ...identity, operationCount: 6 })
  })

  it('refuses a truncated file', async () => {
    const bytes = await validBundle()
    await expectRefusal(
      bytes.subarray(0, Math.floor(bytes.length / 2)),
      'not-a-bundle',
      /truncated or damaged/,
    )
  })

  it('refuses a file that is not a bundle', async () => {
    await expectRefusal(Buffer.from('%PDF-1.7\nnot a zip at all'), 'not-a-bundle')
    await expectRefusal(
      zipOf([{ name: 'payload/a.jsonl', content: Buffer.from('{}') }]),
      'not-a-bundle',
      /no manifest\.json/,
    )
  })

  it('refuses an unsigned bundle', async () => {
    const entries = (await entriesOf(await validBundle())).filter((e) => e.name !== 'manifest.sig')
    await expectRefusal(zipOf(entries), 'unsigned')
  })

  it('refuses a forged signature that claims a trusted key', async () => {
    const forger = makePublisher('Test Publisher')
    const entries = await entriesOf(await validBundle())
    const manifest = entries.find((e) => e.name === 'manifest.json')!.content
    const forged = {
      algorithm: 'ed25519',
      keyId: publisher.publicFile.keyId,
      signature: signBytes(forger.privateFile, manifest),
    }
    const swapped = entries.map((e) =>
      e.name === 'manifest.sig' ? { ...e, content: Buffer.from(JSON.stringify(forged)) } : e,
    )
    await expectRefusal(zipOf(swapped), 'bad-signature', /altered or forged/)
  })

  it('refuses a manifest changed after signing', async () => {
    const entries = await entriesOf(await validBundle())
    const changed = entries.map((e) =>
      e.name === 'manifest.json'
        ? { ...e, content: Buffer.from(e.content.toString().replace('"sequence": 1', '"sequence": 9')) }
        : e,
    )
    await expectRefusal(zipOf(changed), 'bad-signature')
  })

  it('refuses a payload altered after signing', async () => {
    const entries = await entriesOf(await validBundle())
    const altered = entries.map((e) =>
      e.name.startsWith('payload/')
        ? { ...e, content: Buffer.from(e.content.toString().replace('Example Optics', 'Exemple Optics')) }
        : e,
    )
    await expectRefusal(zipOf(altered), 'tampered', /altered after signing/)
  })

  it('refuses a key that is not trusted, and one that has expired', async () => {
    const stranger = makePublisher('Stranger')
    await expectRefusal(
      packOperations(stranger.privateFile, sampleOperations()),
      'unknown-key',
      /not in your trust store/,
    )
    const old = generateKeyPair('Old Publisher', 5, new Date('2026-01-01T00:00:00Z'))
    const bytes = await packOperations(old.privateFile, sampleOperations())
    const error = await readVerifiedBundle(bytes, singleKeyLookup(old.publicFile), NOW).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ refusal: 'expired-key' })
  })

  it('refuses a manifest listing a missing file, and a file the manifest does not list', async () => {
    const entries = await entriesOf(await validBundle())
    await expectRefusal(
      zipOf(entries.filter((e) => !e.name.startsWith('payload/'))),
      'tampered',
      /missing from the bundle/,
    )
    await expectRefusal(
      zipOf([...entries, { name: 'payload/extra.jsonl', content: Buffer.from('\n') }]),
      'tampered',
      /does not list/,
    )
  })

  it.each([
    ['parent folder', '../../../../evil.jsonl'],
    ['absolute path', '/etc/cron.d/evil.jsonl'],
    ['drive letter', 'C:/Windows/evil.jsonl!'],
    ['backslashes', 'payload\\..\\..\\evil.jsonl'],
    ['dot file', 'payload/.hidden-file.jsonl'],
  ])('refuses an entry name with a %s', async (_label, unsafe) => {
    const placeholder =
      'payload/' + 'x'.repeat(unsafe.length - 'payload/'.length - '.jsonl'.length) + '.jsonl'
    const entries = await entriesOf(await validBundle())
    const bytes = await zipOf([...entries, { name: placeholder, content: Buffer.from('\n') }])
    const error = await verify(renameInPlace(bytes, placeholder, unsafe)).catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'BundleError' })
    expect(['unsafe-entry', 'not-a-bundle']).toContain((error as { refusal: string }).refusal)
  })

  it('refuses symlinks and device entries', async () => {
    const entries = await entriesOf(await validBundle())
    await expectRefusal(
      zipOf([
        ...entries,
        { name: 'payload/link.jsonl', content: Buffer.from('/etc/passwd'), mode: 0o120777 },
      ]),
      'unsafe-entry',
      /link or device/,
    )
    await expectRefusal(
      zipOf([...entries, { name: 'payload/dev.jsonl', content: Buffer.from(''), mode: 0o020666 }]),
      'unsafe-entry',
      /link or device/,
    )
  })

  it('reads stored entries as well as deflated ones, and refuses any other compression', async () => {
    const entries = await entriesOf(await validBundle())
    expect((await verify(await zipOf(entries, { compress: false }))).operations.count).toBe(6)
    // Compression method 12 (bzip2) in every local and central header.
    const bytes = Buffer.from(await zipOf(entries))
    for (const [signature, methodAt] of [
      [0x04034b50, 8],
      [0x02014b50, 10],
    ]) {
      for (let at = 0; at + 4 <= bytes.length; at++)
        if (bytes.readUInt32LE(at) === signature) bytes.writeUInt16LE(12, at + methodAt)
    }
    await expectRefusal(bytes, 'not-a-bundle', /compression method 12; bundles use deflate/)
  })

  it('refuses too many entries and a zip bomb', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({
      name: `payload/f${i}.jsonl`,
      content: Buffer.from('\n'),
    }))
    await expectRefusal(zipOf(many), 'too-large', /more than 1000 entries/)
    const bomb = { name: 'payload/bomb.jsonl', content: Buffer.alloc(64 * 1024 * 1024, 0x20) }
    await expectRefusal(zipOf([...(await entriesOf(await validBundle())), bomb]), 'too-large', /zip bomb/)
  })

  it.each([
    ['invalid JSON', Buffer.from('{"op": "upsert", \n'), /line 1: not valid JSON/],
    [
      'a wrong type',
      Buffer.from(JSON.stringify({ op: 'upsert', type: 'entity', record: { id: 'x', name: 42 } })),
      /line 1: record\.name/,
    ],
    ['a missing id', Buffer.from(JSON.stringify({ op: 'retire', type: 'entity' })), /line 1: id/],
    [
      'an unknown operation',
      Buffer.from(JSON.stringify({ op: 'drop', type: 'entity', id: 'x' })),
      /line 1: op/,
    ],
    [
      'an over-long string',
      Buffer.from(
        JSON.stringify({
          op: 'correct',
          type: 'entity',
          id: 'x',
          field: 'notes',
          value: 1,
          reason: 'r'.repeat(5000),
        }),
      ),
      /line 1: reason/,
    ],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /not valid UTF-8/],
    [
      'a line too long to be an operation',
      // Random text: a repeated letter would compress so well that it is refused as a zip bomb first.
      Buffer.from(
        `${JSON.stringify(sampleOperations()[0])}\n{"op":"upsert","x":"${randomBytes(825_000).toString('base64')}"}\n`,
      ),
      /line 2: longer than 1,048,576 characters/,
    ],
    [
      'a duplicate id',
      Buffer.from([sampleOperations()[0], sampleOperations()[0]].map((op) => JSON.stringify(op)).join('\n')),
      /line 2: source "test-source" is also defined at .*line 1/,
    ],
  ])('refuses a payload with %s, naming file and line', async (_label, content, message) => {
    await expectRefusal(signedWithPayload(content), 'invalid-payload', message)
  })

  it('leaves the store byte for byte unchanged whatever it refuses', async () => {
    const store = openDefaultStore(tempDir())
    const before = dumpStore(store.db)
    const bytes = await validBundle()
    await expectRefusal(bytes.subarray(0, 100), 'not-a-bundle')
    expect(dumpStore(store.db)).toBe(before)
    store.close()
  })
})

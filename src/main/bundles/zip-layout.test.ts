import { describe, expect, it } from 'vitest'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { BundleError } from './bundle-error'
import { readVerifiedBundle } from './bundle-reader'
import { singleKeyLookup } from '../store/trust-store'

/** Where each part of a zip is: local headers (with names), central records and the end record. */
function layoutOf(zip: Buffer) {
  const end = zip.length - 22
  const centralOffset = zip.readUInt32LE(end + 16)
  const locals: { at: number; length: number }[] = []
  const centrals: { at: number; nameLength: number }[] = []
  for (let at = centralOffset; at < end;) {
    const nameLength = zip.readUInt16LE(at + 28)
    const localAt = zip.readUInt32LE(at + 42)
    locals.push({ at: localAt, length: 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28) })
    centrals.push({ at, nameLength })
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return { end, locals, centrals }
}

async function outcome(bundle: Buffer, lookup: ReturnType<typeof singleKeyLookup>) {
  try {
    await readVerifiedBundle(bundle, lookup, NOW)
    return 'accepted'
  } catch (error) {
    if (!(error instanceof BundleError)) throw error
    return 'refused'
  }
}

describe("a bundle's zip structure", () => {
  it('refuses a local header that names another file than the central directory (../../../tmp/evil.txt)', async () => {
    const publisher = makePublisher()
    const bundle = await packOperations(publisher.privateFile, sampleOperations())
    const { locals } = layoutOf(bundle)
    const forged = Buffer.from(bundle)
    // The manifest's local name, rewritten in place to a path outside any folder of the same length.
    const manifest = locals.find(({ at }) => forged.toString('utf8', at + 30, at + 43) === 'manifest.json')!
    forged.write('../../tmp/evi', manifest.at + 30, 'utf8')
    await expect(readVerifiedBundle(forged, singleKeyLookup(publisher.publicFile), NOW)).rejects.toThrow(
      /the local header names "\.\.\/\.\.\/tmp\/evi" where the central directory names "manifest\.json"/,
    )
  })

  it('refuses every single-byte change to a header, central record or end record', async () => {
    const publisher = makePublisher()
    const lookup = singleKeyLookup(publisher.publicFile)
    const bundle = await packOperations(publisher.privateFile, sampleOperations())
    expect(await outcome(bundle, lookup)).toBe('accepted')
    const { end, locals, centrals } = layoutOf(bundle)
    const places: number[] = []
    for (const { at, length } of locals) for (let i = 0; i < length; i++) places.push(at + i)
    // Central records: every field but "version made by" and the attributes, which say nothing of content.
    const centralFields = [0, 1, 2, 3, ...Array.from({ length: 30 }, (_, i) => 6 + i), 42, 43, 44, 45]
    for (const { at, nameLength } of centrals) {
      for (const offset of centralFields) places.push(at + offset)
      for (let i = 0; i < nameLength; i++) places.push(at + 46 + i)
    }
    for (let i = 0; i < 22; i++) places.push(end + i)
    const accepted: number[] = []
    for (const place of places) {
      const changed = Buffer.from(bundle)
      changed[place] ^= 0x01
      if ((await outcome(changed, lookup)) === 'accepted') accepted.push(place)
    }
    expect(accepted).toEqual([])
    expect(places.length).toBeGreaterThan(300)
  })

  it('refuses bytes after the end record', async () => {
    const publisher = makePublisher()
    const bundle = await packOperations(publisher.privateFile, sampleOperations())
    const padded = Buffer.concat([bundle, Buffer.from('trailing')])
    await expect(readVerifiedBundle(padded, singleKeyLookup(publisher.publicFile), NOW)).rejects.toThrow(
      BundleError,
    )
  })
})

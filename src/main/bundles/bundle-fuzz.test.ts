import yauzl from 'yauzl'
import yazl from 'yazl'
import { describe, expect, it } from 'vitest'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { BundleError } from './bundle-error'
import { readVerifiedBundle, type VerifiedBundle } from './bundle-reader'
import { singleKeyLookup } from './trust-store'

const MUTATIONS = 1200

/** A small deterministic generator (mulberry32) so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function rawEntries(bytes: Buffer): Promise<{ name: string; content: Buffer }[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true })
  const list: yauzl.Entry[] = await new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(found))
    zip.on('error', reject)
    zip.readEntry()
  })
  const entries = []
  for (const entry of list) {
    const chunks: Buffer[] = []
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    entries.push({ name: entry.fileName, content: Buffer.concat(chunks) })
  }
  return entries
}

async function rezip(entries: { name: string; content: Buffer }[], compress: boolean): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  for (const e of entries) zip.addBuffer(e.content, e.name, { mtime: NOW, compress })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

function essence(bundle: VerifiedBundle) {
  return { bundleId: bundle.bundleId, manifest: bundle.manifest, operations: bundle.operations }
}

describe('bundle fuzzing', () => {
  it(`every one of ${MUTATIONS} mutations is a clean refusal or an identical import`, async () => {
    const publisher = makePublisher()
    const lookup = singleKeyLookup(publisher.publicFile)
    const original = await packOperations(publisher.privateFile, sampleOperations())
    const expected = essence(await readVerifiedBundle(original, lookup, NOW))
    const entries = await rawEntries(original)
    const next = random(20261129)
    const outcomes = { refused: 0, identical: 0 }

    for (let i = 0; i < MUTATIONS; i++) {
      const kind = i % 4
      let mutated: Buffer
      if (kind === 0 || kind === 1) {
        // Flip 1 to 3 bits anywhere in the file.
        mutated = Buffer.from(original)
        const flips = 1 + Math.floor(next() * 3)
        for (let f = 0; f < flips; f++) {
          const at = Math.floor(next() * mutated.length)
          mutated[at] ^= 1 << Math.floor(next() * 8)
        }
      } else if (kind === 2) {
        mutated = original.subarray(0, Math.floor(next() * original.length))
      } else {
        // Reorder (and sometimes drop or duplicate) entries, stored or compressed.
        const shuffled = [...entries].sort(() => next() - 0.5)
        if (next() < 0.2) shuffled.splice(Math.floor(next() * shuffled.length), 1)
        if (next() < 0.2) shuffled.push(shuffled[0])
        mutated = await rezip(shuffled, next() < 0.5)
      }
      let result: VerifiedBundle | null = null
      try {
        result = await readVerifiedBundle(mutated, lookup, NOW)
      } catch (error) {
        if (!(error instanceof BundleError))
          throw new Error(`mutation ${i} (kind ${kind}) crashed: ${String(error)}`)
        expect((error as Error).message).toMatch(/Nothing was changed\.$/)
        outcomes.refused++
        continue
      }
      expect(essence(result), `mutation ${i} (kind ${kind}) was accepted with different content`).toEqual(
        expected,
      )
      outcomes.identical++
    }
    expect(outcomes.refused + outcomes.identical).toBe(MUTATIONS)
    expect(outcomes.refused).toBeGreaterThan(MUTATIONS / 2)
  }, 120_000)
})

import { describe, expect, it } from 'vitest'
import { makePublisher, NOW, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { BundleError } from './bundle-error'
import { readVerifiedBundle, type VerifiedBundle } from './bundle-reader'
import { singleKeyLookup } from '../store/trust-store'
import { seededRandom } from '../../../bench/random'
import { entriesOf, zipOf } from '../test-support/zip-fixtures'

const MUTATIONS = 1200

function essence(bundle: VerifiedBundle) {
  return {
    bundleId: bundle.bundleId,
    manifest: bundle.manifest,
    operations: [...bundle.operations.inApplyOrder()],
  }
}

describe('bundle fuzzing', () => {
  it(`every one of ${MUTATIONS} mutations is a clean refusal or an identical import`, async () => {
    const publisher = makePublisher()
    const lookup = singleKeyLookup(publisher.publicFile)
    const original = await packOperations(publisher.privateFile, sampleOperations())
    const expected = essence(await readVerifiedBundle(original, lookup, NOW))
    const entries = await entriesOf(original)
    const next = seededRandom(20261129)
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
        mutated = await zipOf(shuffled, { compress: next() < 0.5 })
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

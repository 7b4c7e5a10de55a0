import { expect, it } from 'vitest'
import { useTempDir } from '../src/main/test-support/temp-dir'
import { benchCsl } from './csl-bench'

const tempDir = useTempDir()

it('previews and applies a generated CSL and reports its numbers', async () => {
  const result = await benchCsl(tempDir(), 500)
  expect(result.rows).toBe(500)
  expect(result.entitiesAdded).toBeGreaterThan(400)
  expect(result.previewMs).toBeGreaterThan(0)
  expect(result.applyMs).toBeGreaterThan(0)
}, 60_000)

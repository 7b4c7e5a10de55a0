import v8 from 'node:v8'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withCompactHeap } from './heap-policy'

afterEach(() => vi.restoreAllMocks())

describe('withCompactHeap', () => {
  it('caps heap growth while any update runs, and gives V8 its own choice back after the last', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString')
    let release!: () => void
    const first = withCompactHeap(() => new Promise<void>((resolve) => (release = resolve)))
    await withCompactHeap(async () => {
      expect(flags.mock.calls).toEqual([['--heap-growing-percent=50']])
    })
    // The first update still runs: the cap stays.
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50']])
    release()
    await first
    expect(flags.mock.calls).toEqual([['--heap-growing-percent=50'], ['--heap-growing-percent=0']])
  })

  it('gives the default back when the update fails', async () => {
    const flags = vi.spyOn(v8, 'setFlagsFromString')
    await expect(withCompactHeap(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file')
    expect(flags.mock.calls.at(-1)).toEqual(['--heap-growing-percent=0'])
  })
})

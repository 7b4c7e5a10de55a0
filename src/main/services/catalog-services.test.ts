import { describe, expect, it, vi } from 'vitest'
import * as contract from '../../shared/contract'
import { openDefaultStore } from '../test-support/default-store'
import { dumpStore } from '../test-support/dump-store'
import { useTempDir } from '../test-support/temp-dir'
import { entityIndexIsCurrent } from '../store/entity-index'
import * as background from './background-work'
import { warmFirstView } from './catalog-services'

const tempDir = useTempDir()

describe('warming the first view', () => {
  it('checks the first calls’ inputs and reads their answers, changing nothing and starting no background work', () => {
    const store = openDefaultStore(tempDir())
    const before = dumpStore(store.db)
    const parse = vi.spyOn(contract, 'parseApiInput')
    const prepare = vi.spyOn(background, 'prepareInBackground')
    warmFirstView(store)
    expect(parse.mock.calls.map(([name]) => name)).toEqual(['queryEntities', 'loadViews', 'appInfo'])
    // The index is built after the page's own first request, not because of the warm-up.
    expect(prepare).not.toHaveBeenCalled()
    expect(entityIndexIsCurrent(store.db)).toBe(false)
    expect(dumpStore(store.db)).toBe(before)
    store.close()
    // A host stopped at once: nothing to warm, so nothing is even parsed.
    parse.mockClear()
    warmFirstView(store)
    expect(parse).not.toHaveBeenCalled()
    vi.restoreAllMocks()
  })

  it('says on stderr when the warm-up fails, and does not stop the host', () => {
    const store = openDefaultStore(tempDir())
    vi.spyOn(contract, 'parseApiInput').mockImplementation(() => {
      throw new Error('a validator that does not compile')
    })
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
    expect(() => warmFirstView(store)).not.toThrow()
    expect(warn).toHaveBeenCalledWith('Warming the first view failed: a validator that does not compile')
    vi.restoreAllMocks()
    store.close()
  })
})

import { describe, expect, it } from 'vitest'
import { API_CALL_NAMES } from '../../shared/api-names'
import type { ApiHandlers } from '../../shared/contract'
import type { Store } from '../store/open-store'
import { StoreError } from '../store/store-error'
import { guardWrites } from './guard-writes'

/** Handlers that record each call they get and answer with its name. */
function recordingHandlers(calls: string[]): ApiHandlers {
  return Object.fromEntries(
    API_CALL_NAMES.map((name) => [
      name,
      () => {
        calls.push(name)
        return name
      },
    ]),
  ) as unknown as ApiHandlers
}

/** A store whose integrity check the test settles itself. */
function storeUnderCheck() {
  let pass!: () => void
  let fail!: (error: Error) => void
  const integrity = new Promise<void>((resolve, reject) => {
    pass = resolve
    fail = reject
  })
  const started: string[] = []
  const store = {
    db: {} as never,
    path: '/x.sqlite',
    readOnly: null as string | null,
    close: () => {},
    integrity,
    checkIntegrity: () => void started.push('check'),
    checkpointInBackground: () => Promise.resolve(),
  } satisfies Store
  return { store, pass, fail, started }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('guardWrites', () => {
  it('answers the first view at once but holds every write until the store has passed its check', async () => {
    const calls: string[] = []
    const { store, pass, started } = storeUnderCheck()
    const handlers = guardWrites(store, recordingHandlers(calls))
    expect(await handlers.queryEntities({} as never)).toBe('queryEntities')
    expect(await handlers.loadViews({} as never)).toBe('loadViews')
    const saving = handlers.saveView({} as never)
    // A write waits for the check; it does not start it (the host does, when it is quiet).
    expect(started).toEqual([])
    const applying = handlers.applyUpdate({} as never)
    await settle()
    expect(calls).toEqual(['queryEntities', 'loadViews'])
    pass()
    expect(await saving).toBe('saveView')
    expect(await applying).toBe('applyUpdate')
    expect(calls).toEqual(['queryEntities', 'loadViews', 'saveView', 'applyUpdate'])
  })

  it('refuses every call, reads included, once the check has found damage, and writes nothing', async () => {
    const calls: string[] = []
    const { store, fail } = storeUnderCheck()
    const handlers = guardWrites(store, recordingHandlers(calls))
    const undoing = handlers.undoLastImport({} as never)
    const damage = new StoreError('/x.sqlite is damaged (SQLite integrity check: …).', '/x.sqlite', 'corrupt')
    fail(damage)
    await expect(undoing).rejects.toBe(damage)
    await expect(handlers.deleteBriefing({} as never)).rejects.toBe(damage)
    expect(() => handlers.queryEntities({} as never)).toThrow(damage)
    expect(calls).toEqual([])
  })

  it('on a read-only store answers reads and refuses every write, naming the file, the reason and the write', async () => {
    const calls: string[] = []
    const { store, pass } = storeUnderCheck()
    const handlers = guardWrites({ ...store, readOnly: 'the file is read-only' }, recordingHandlers(calls))
    pass()
    expect(await handlers.queryEntities({} as never)).toBe('queryEntities')
    expect(await handlers.renderBriefing({} as never)).toBe('renderBriefing')
    for (const write of ['applyUpdate', 'undoLastImport', 'saveView', 'addTrustedKey'] as const) {
      expect(() => handlers[write]({} as never)).toThrowError(
        /\/x\.sqlite is open read-only \(the file is read-only\), so .* was refused\. Nothing was changed/,
      )
    }
    expect(calls).toEqual(['queryEntities', 'renderBriefing'])
  })
})

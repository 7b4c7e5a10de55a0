import { afterEach, describe, expect, it, vi } from 'vitest'
import { makePublisher, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { createApiHandlers } from './api-handlers'
import { StagedFiles } from './staged-files'

const tempDir = useTempDir()

/** Staged uploads of the handlers under test, removed with their folder after each test. */
const staged: StagedFiles[] = []
afterEach(() => staged.splice(0).forEach((files) => files.close()))
function stagedFiles(): StagedFiles {
  const files = new StagedFiles()
  staged.push(files)
  return files
}

describe('the app’s import calls', () => {
  it('have the write-ahead log copied off-thread after an import and after its undo, not before', async () => {
    const store = openDefaultStore(tempDir())
    const checkpointInBackground = vi.fn(() => Promise.resolve())
    const handlers = createApiHandlers({ ...store, checkpointInBackground }, stagedFiles())
    const { publicFile, privateFile } = makePublisher()
    await handlers.addTrustedKey({ keyFile: JSON.stringify(publicFile) })
    const bundle = await packOperations(privateFile, sampleOperations(), { now: new Date() })
    const { uploadId } = await handlers.stageUpdate({
      fileName: 'update.sbb',
      base64: bundle.toString('base64'),
    })

    await handlers.previewUpdate({ uploadId })
    expect(checkpointInBackground).not.toHaveBeenCalled()
    const result = await handlers.applyUpdate({ uploadId, confirmed: true })
    expect(result.outcome).toBe('applied')
    expect(checkpointInBackground).toHaveBeenCalledTimes(1)
    await handlers.undoLastImport({ importId: result.entry!.id })
    expect(checkpointInBackground).toHaveBeenCalledTimes(2)
    store.close()
  })

  it('undo names its import: three concurrent undos of the latest undo it once, the others are refused', async () => {
    const store = openDefaultStore(tempDir())
    const handlers = createApiHandlers(
      { ...store, checkpointInBackground: () => Promise.resolve() },
      stagedFiles(),
    )
    const { publicFile, privateFile } = makePublisher()
    await handlers.addTrustedKey({ keyFile: JSON.stringify(publicFile) })
    const ids: number[] = []
    for (const sequence of [1, 2, 3]) {
      const [source] = sampleOperations() as [{ record: object }]
      const operations = [{ ...source, record: { ...source.record, title: `Notice ${sequence}` } }]
      const bundle = await packOperations(privateFile, sequence === 1 ? sampleOperations() : operations, {
        now: new Date(),
        sequence,
      })
      const { uploadId } = await handlers.stageUpdate({
        fileName: 'u.sbb',
        base64: bundle.toString('base64'),
      })
      ids.push((await handlers.applyUpdate({ uploadId, confirmed: true })).entry!.id)
    }
    const latest = ids[2]
    const outcomes = await Promise.allSettled(
      [1, 2, 3].map(() => handlers.undoLastImport({ importId: latest })),
    )
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
    const refusals = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')
    expect(refusals.map((r) => (r.reason as Error).name)).toEqual(['NotLatestImport', 'NotLatestImport'])
    expect((refusals[0].reason as Error).message).toContain(
      `Import ${latest} is not the latest applied import`,
    )
    const history = await handlers.importHistory({})
    expect(
      history
        .filter((entry) => entry.status === 'applied')
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(ids.slice(0, 2).sort())
    store.close()
  })
})

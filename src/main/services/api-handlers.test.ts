import { describe, expect, it, vi } from 'vitest'
import { makePublisher, packOperations, sampleOperations } from '../test-support/bundle-fixtures'
import { openDefaultStore } from '../test-support/default-store'
import { useTempDir } from '../test-support/temp-dir'
import { createApiHandlers } from './api-handlers'

const tempDir = useTempDir()

describe('the app’s import calls', () => {
  it('have the write-ahead log copied off-thread after an import and after its undo, not before', async () => {
    const store = openDefaultStore(tempDir())
    const checkpointInBackground = vi.fn(() => Promise.resolve())
    const handlers = createApiHandlers({ ...store, checkpointInBackground })
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
    await handlers.undoLastImport({})
    expect(checkpointInBackground).toHaveBeenCalledTimes(2)
    store.close()
  })
})

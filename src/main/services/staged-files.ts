import crypto from 'node:crypto'
import { UserError } from '../user-error'

interface StagedFile {
  fileName: string
  bytes: Buffer
}

/** How many chosen-but-not-yet-imported files are kept; the oldest is dropped first. */
const MAX_STAGED = 4

/**
 * Files the user chose in the Updates view, held in memory between "preview" and "apply" so the
 * renderer never names a path and the bytes previewed are exactly the bytes applied.
 */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>()

  stage(fileName: string, bytes: Buffer): string {
    const uploadId = crypto.randomBytes(18).toString('base64url')
    this.files.set(uploadId, { fileName, bytes })
    while (this.files.size > MAX_STAGED) this.files.delete(this.files.keys().next().value!)
    return uploadId
  }

  get(uploadId: string): StagedFile {
    const file = this.files.get(uploadId)
    if (!file)
      throw new UserError('That file is no longer staged. Choose it again.', 'not-found', 'NotStaged')
    return file
  }

  discard(uploadId: string): void {
    this.files.delete(uploadId)
  }
}

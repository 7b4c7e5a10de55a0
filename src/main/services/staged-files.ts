import crypto from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { LIMITS } from '../../shared/contract'
import { UserError } from '../user-error'

interface StagedFile {
  fileName: string
  file: string
  bytes: number
}

/** How many chosen-but-not-yet-imported files are kept; the oldest is dropped first. */
const MAX_STAGED = 4
/** How many bytes all staged files may hold together; the oldest are dropped to make room. */
export const MAX_STAGED_BYTES = 2 * LIMITS.maxUpdateFileBytes

/**
 * Files the user chose in the Updates view, kept between "preview" and "apply" so the renderer never
 * names a path and the bytes previewed are exactly the bytes applied. They are kept on disk, in a
 * folder of this object's own, so a large upload costs the host no memory until it is read.
 */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>()
  private folder: string | null = null
  private readonly removeFolder = () => {
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true })
  }

  constructor(
    private readonly limits = { fileBytes: LIMITS.maxUpdateFileBytes, totalBytes: MAX_STAGED_BYTES },
  ) {}

  private newFile(): { uploadId: string; file: string } {
    if (!this.folder) {
      this.folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-briefing-staged-'))
      process.once('exit', this.removeFolder)
    }
    const uploadId = crypto.randomBytes(18).toString('base64url')
    return { uploadId, file: path.join(this.folder, uploadId) }
  }

  private keep(uploadId: string, staged: StagedFile): string {
    this.files.set(uploadId, staged)
    let total = [...this.files.values()].reduce((sum, file) => sum + file.bytes, 0)
    for (const [oldest, file] of this.files) {
      if (this.files.size <= MAX_STAGED && total <= this.limits.totalBytes) break
      if (oldest === uploadId) break
      total -= file.bytes
      this.discard(oldest)
    }
    return uploadId
  }

  private tooLarge(fileName: string): UserError {
    return new UserError(
      `${fileName} is larger than an update may be (${this.limits.fileBytes} bytes). Nothing was staged.`,
      'invalid',
      'FileTooLarge',
    )
  }

  stage(fileName: string, bytes: Buffer): string {
    if (bytes.length > this.limits.fileBytes) throw this.tooLarge(fileName)
    const { uploadId, file } = this.newFile()
    fs.writeFileSync(file, bytes, { mode: 0o600 })
    return this.keep(uploadId, { fileName, file, bytes: bytes.length })
  }

  /** Writes a stream to a staging file as it arrives, refusing (and removing it) past the size limit. */
  async stageStream(fileName: string, stream: Readable): Promise<{ uploadId: string; bytes: number }> {
    const { uploadId, file } = this.newFile()
    const out = fs.createWriteStream(file, { mode: 0o600 })
    let bytes = 0
    try {
      for await (const chunk of stream) {
        bytes += (chunk as Buffer).length
        if (bytes > this.limits.fileBytes) throw this.tooLarge(fileName)
        if (!out.write(chunk)) await once(out, 'drain')
      }
      await new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      )
    } catch (error) {
      out.destroy()
      fs.rmSync(file, { force: true })
      throw error
    }
    return { uploadId: this.keep(uploadId, { fileName, file, bytes }), bytes }
  }

  /** The staged file's name and bytes, read from disk for the preview or the import. */
  get(uploadId: string): { fileName: string; bytes: Buffer } {
    const staged = this.files.get(uploadId)
    if (!staged)
      throw new UserError('That file is no longer staged. Choose it again.', 'not-found', 'NotStaged')
    return { fileName: staged.fileName, bytes: fs.readFileSync(staged.file) }
  }

  discard(uploadId: string): void {
    const staged = this.files.get(uploadId)
    this.files.delete(uploadId)
    if (staged) fs.rmSync(staged.file, { force: true })
  }

  /** Removes every staged file and the folder (the host's close). */
  close(): void {
    this.files.clear()
    this.removeFolder()
    process.off('exit', this.removeFolder)
    this.folder = null
  }
}

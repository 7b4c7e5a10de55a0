import { UPLOAD_ROUTE, type BriefingApi, type UploadAnswer } from '../../../shared/contract'
import { readFileAsBase64 } from '../updates/read-file'
import { readAnswer } from './early-requests'

/** Browser mode's way to stage a file: its bytes as they are, streamed by the browser from disk. */
let uploadFile: ((file: File) => Promise<UploadAnswer>) | null = null

/** Called by the HTTP client: from now on files go to the loopback host's upload route. */
export function sendFilesToUploadRoute(token: string): void {
  uploadFile = async (file) => {
    const { ok, status, envelope } = await readAnswer(
      fetch(UPLOAD_ROUTE, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name),
        },
        body: file,
      }),
    )
    if (!ok || envelope.error) throw new Error(envelope.error?.message ?? `HTTP ${status}`)
    return envelope.result as UploadAnswer
  }
}

/**
 * Hands a chosen file to the host for a preview and returns its upload id: streamed in browser mode,
 * through the contract's stageUpdate call (base64) in the desktop app.
 */
export async function stageFile(
  api: BriefingApi,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<string> {
  if (uploadFile) return (await uploadFile(file)).uploadId
  const base64 = await readFileAsBase64(file, onProgress)
  return (await api.stageUpdate({ fileName: file.name, base64 })).uploadId
}

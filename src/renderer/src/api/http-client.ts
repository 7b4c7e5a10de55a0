import type { ApiCallName } from '../../../shared/api-names'
import { buildApiClient } from '../../../shared/build-api'
import type { BriefingApi } from '../../../shared/contract'
import { postCall, readAnswer, takeEarlyAnswer } from './early-requests'
import { sendFilesToUploadRoute } from './stage-file'

/** The same client interface as the desktop preload, over fetch to the loopback host. */
export function createHttpClient(token: string): BriefingApi {
  sendFilesToUploadRoute(token)
  return buildApiClient<BriefingApi>(async (name: ApiCallName, input: unknown) => {
    const body = JSON.stringify(input)
    const { ok, status, envelope } = await (takeEarlyAnswer(name, body) ??
      readAnswer(postCall(token, name, body)))
    if (!ok || envelope.error) throw new Error(envelope.error?.message ?? `HTTP ${status}`)
    return envelope.result
  })
}

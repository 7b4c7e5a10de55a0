import type { ApiCallName } from '../../../shared/api-names'
import { buildApiClient } from '../../../shared/build-api'
import type { BriefingApi } from '../../../shared/contract'
import { postCall, takeEarlyResponse } from './early-requests'

/** The same client interface as the desktop preload, over fetch to the loopback host. */
export function createHttpClient(token: string): BriefingApi {
  return buildApiClient<BriefingApi>(async (name: ApiCallName, input: unknown) => {
    const body = JSON.stringify(input)
    const response = await (takeEarlyResponse(name, body) ?? postCall(token, name, body))
    const answer = (await response.json()) as { result?: unknown; error?: { message: string } }
    if (!response.ok || answer.error) throw new Error(answer.error?.message ?? `HTTP ${response.status}`)
    return answer.result
  })
}

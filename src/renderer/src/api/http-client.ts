import type { ApiCallName } from '../../../shared/api-names'
import { buildApiClient } from '../../../shared/build-api'
import type { BriefingApi } from '../../../shared/contract'
import { postCall, readAnswer, resultOf } from './early-requests'
import { sendFilesToUploadRoute } from './stage-file'

/** The same client interface as the desktop preload, over fetch to the loopback host. */
export function createHttpClient(token: string): BriefingApi {
  sendFilesToUploadRoute(token)
  return buildApiClient<BriefingApi>((name: ApiCallName, input: unknown) =>
    resultOf(readAnswer(postCall(token, name, JSON.stringify(input)))),
  )
}

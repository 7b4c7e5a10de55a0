import type { ApiCallName } from '../../shared/api-names'
import { ApiInputError, isApiCallName, maxBodyBytesFor, type ApiHandlers } from '../../shared/contract'
import { dispatchApiCall } from '../services/api-handlers'
import type { RpcEndpoint } from './loopback-host'

/** Errors that describe a problem with what the user asked for (a refused bundle, a needed confirmation). */
const USER_ERRORS = new Set([
  'BundleError',
  'ConfirmationRequired',
  'StoreError',
  'DatasetError',
  'BriefingError',
  'ImportError',
])

/**
 * The API contract behind the loopback host: every input validated against its schema, then handled.
 * Only asked once the host has checked the request (address, token, method): see loopback-host.ts.
 */
export function rpcEndpoint(handlers: ApiHandlers): RpcEndpoint {
  return {
    isCallName: isApiCallName,
    maxBodyBytes: (name) => maxBodyBytesFor(name as ApiCallName),
    async call(name, input) {
      try {
        const result = await dispatchApiCall(handlers, name as ApiCallName, input)
        return { status: 200, body: { result } }
      } catch (error) {
        const { name: errorName, message } = error as Error
        const status = error instanceof ApiInputError ? 400 : USER_ERRORS.has(errorName) ? 422 : 500
        return {
          status,
          body: { error: { name: errorName ?? 'Error', message: message ?? String(error) } },
        }
      }
    },
  }
}

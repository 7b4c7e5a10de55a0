import { API_CALL_NAMES, type ApiCallName } from './api-names'

/**
 * Builds the client object from the list of call names and one `send` function: the preload passes
 * ipcRenderer.invoke, browser mode passes an HTTP POST. Only the named calls exist on the result.
 */
export function buildApiClient<Api>(send: (name: ApiCallName, input: unknown) => Promise<unknown>): Api {
  const client: Record<string, (input?: unknown) => Promise<unknown>> = {}
  for (const name of API_CALL_NAMES) client[name] = (input?: unknown) => send(name, input ?? {})
  return Object.freeze(client) as Api
}

import type { ApiCallName } from '../../shared/api-names'
import { parseApiInput, type ApiHandlers, type ApiOutput } from '../../shared/contract'
import type { Store } from '../store/open-store'
import * as catalog from './catalog-services'
import { exportEntitiesCsv } from './entity-export'
import { StagedFiles } from './staged-files'
import * as updates from './update-services'

/** What only the desktop shell can do; browser mode and tests get the defaults below. */
export interface PlatformHooks {
  openSourceLink(url: string): Promise<{ opened: boolean; message: string }>
}

const browserPlatform: PlatformHooks = {
  // In browser mode the page opens links itself; the host never starts programs on the user's behalf.
  openSourceLink: async () => ({ opened: false, message: 'In browser mode, links open in your browser.' }),
}

/** Binds every contract call to its service. Input reaching these functions is already validated. */
export function createApiHandlers(
  store: Store,
  staged: StagedFiles = new StagedFiles(),
  platform: PlatformHooks = browserPlatform,
): ApiHandlers {
  return {
    appInfo: () => catalog.appInfo(store),
    stats: () => catalog.stats(store),
    listEntities: () => catalog.listEntities(store),
    queryEntities: (query) => catalog.queryEntities(store, query),
    exportEntitiesCsv: (query) => exportEntitiesCsv(store, query),
    getEntity: ({ id }) => catalog.getEntity(store, id),
    listRounds: () => catalog.listRounds(store),
    getRound: ({ id }) => catalog.getRound(store, id),
    listReactions: () => catalog.listReactions(store),
    search: ({ query, limit }) => catalog.search(store, query, limit),
    stageUpdate: ({ fileName, base64 }) => {
      const bytes = Buffer.from(base64, 'base64')
      return { uploadId: staged.stage(fileName, bytes), bytes: bytes.length }
    },
    previewUpdate: ({ uploadId }) => {
      const file = staged.get(uploadId)
      return updates.previewUpdate(store, file.bytes, file.fileName)
    },
    applyUpdate: async ({ uploadId, confirmed }) => {
      const file = staged.get(uploadId)
      const result = await updates.applyUpdate(store, file.bytes, file.fileName, confirmed)
      staged.discard(uploadId)
      return result
    },
    discardUpdate: ({ uploadId }) => {
      staged.discard(uploadId)
      return null
    },
    importHistory: () => updates.history(store),
    undoLastImport: () => updates.undoLastImport(store),
    listTrustedKeys: () => updates.trustedKeys(store),
    addTrustedKey: ({ keyFile }) => updates.trustKey(store, keyFile),
    removeTrustedKey: ({ fingerprint }) => {
      updates.distrustKey(store, fingerprint)
      return null
    },
    openSourceLink: ({ url }) => platform.openSourceLink(url),
  }
}

/**
 * The one entry point every transport uses: validate against the contract, then run the service.
 * Invalid input throws ApiInputError before any service code runs.
 */
export async function dispatchApiCall<N extends ApiCallName>(
  handlers: ApiHandlers,
  name: N,
  rawInput: unknown,
): Promise<ApiOutput<N>> {
  const input = parseApiInput(name, rawInput)
  const handler = handlers[name] as (input: unknown) => Promise<ApiOutput<N>> | ApiOutput<N>
  return handler(input)
}

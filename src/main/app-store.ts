import { ensureDefaultDataset, needsDefaultDataset } from './dataset/load-dataset'
import { defaultDatasetPath } from './dataset/resources'
import { checkIntegrityNow } from './store/integrity-check'
import { openStore, readOnlyRefusal, type OpenStoreOptions, type Store } from './store/open-store'

export interface AppStoreOptions extends OpenStoreOptions {
  resourcesDir?: string
}

/** Opens the store the way every front end does on start: migrate, then load the default data if new. */
export function openAppStore(storePath: string, options: AppStoreOptions = {}): Store {
  const store = openStore(storePath, options)
  try {
    if (store.readOnly && needsDefaultDataset(store)) throw readOnlyRefusal(store, 'loading the default data')
    // An existing file never given its data is written to now: it must not wait for a background check.
    if (options.integrityCheck === 'in-background' && needsDefaultDataset(store)) {
      checkIntegrityNow(store.path, options.nativeBinding)
    }
    ensureDefaultDataset(store, defaultDatasetPath(options.resourcesDir))
  } catch (error) {
    store.close()
    throw error
  }
  return store
}

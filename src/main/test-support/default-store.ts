import path from 'node:path'
import { ensureDefaultDataset } from '../dataset/load-dataset'
import { openStore, type Store } from '../store/open-store'

/** A new store in `dir`, loaded with the default dataset as on first start. */
export function openDefaultStore(dir: string): Store {
  const store = openStore(path.join(dir, 'store.sqlite'))
  ensureDefaultDataset(store)
  return store
}

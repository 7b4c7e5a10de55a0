import {
  createOrigin,
  upsertDesignation,
  upsertEntity,
  upsertReaction,
  upsertRound,
  upsertSource,
} from '../store/write-records'
import { getMeta, setMeta } from '../store/meta'
import { withDeferredIndexing } from '../store/search-index'
import type { Store } from '../store/open-store'
import { readDatasetFile, type DatasetFile } from './dataset-file'
import { writeRecords } from '../store/transactions'
import { defaultDatasetPath } from './resources'

/** Writes a whole dataset in one transaction, recorded as coming from the default dataset. */
export function applyDataset(store: Store, dataset: DatasetFile, now: Date = new Date()): void {
  const { db } = store
  writeRecords(db, () => {
    withDeferredIndexing(db, () => {
      const originId = createOrigin(
        db,
        'default-dataset',
        `Default dataset ${dataset.version}`,
        now.toISOString(),
      )
      for (const source of dataset.sources) upsertSource(db, source, originId)
      for (const round of dataset.rounds) upsertRound(db, round, originId)
      for (const entity of dataset.entities) upsertEntity(db, entity, originId)
      for (const designation of dataset.designations) upsertDesignation(db, designation, originId)
      for (const reaction of dataset.reactions) upsertReaction(db, reaction, originId)
      setMeta(db, 'dataset_version', dataset.version)
      setMeta(db, 'data_as_of', dataset.asOf)
      setMeta(db, 'initialised_at', now.toISOString())
    })
  })
}

/**
 * On first start (a store never initialised) loads the default dataset; later starts change nothing,
 * so records a user retired or corrected are not brought back.
 * Returns true when the dataset was loaded.
 */
/** Whether the store has never been given its data (ensureDefaultDataset would write to it). */
export function needsDefaultDataset(store: Store): boolean {
  return getMeta(store.db, 'initialised_at') === null
}

export function ensureDefaultDataset(store: Store, datasetPath: string = defaultDatasetPath()): boolean {
  if (!needsDefaultDataset(store)) return false
  applyDataset(store, readDatasetFile(datasetPath))
  return true
}

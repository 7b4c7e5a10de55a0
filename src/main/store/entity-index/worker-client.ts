import { askWorkerOnce } from '../../built-worker'
import { recordsVersion } from '../data-version'
import { stateOf } from '../connection-state'
import { buildIndex } from './build'
import type { Db, EntityIndex } from './model'

/**
 * Builds the index in a worker thread, so the process stays free meanwhile (at start the page and its
 * scripts are still being served): the Entities table's first query awaits this. When the worker cannot
 * run (a test running the TypeScript sources, a packaged app where it fails to load) the index is built
 * in this thread on first use instead. A write while the worker reads makes its result stale: dropped.
 */
export function prepareEntityIndex(db: Db, storePath: string): Promise<void> {
  const state = stateOf(db)
  const version = recordsVersion(db)
  if (state.entityIndex?.version === version) return Promise.resolve()
  if (state.entityIndexBuild) return state.entityIndexBuild
  const job = buildInWorker(storePath)
    .then((built) => {
      if (recordsVersion(db) === version) state.entityIndex = unpackIndex(built, version)
    })
    .catch(() => undefined)
    .finally(() => (state.entityIndexBuild = null))
  state.entityIndexBuild = job
  return job
}

/**
 * What crosses from the worker: the index without its lookup tables, ids as one string (cloning one
 * string is a copy; cloning 100,000 strings and a map of them took longer than building the index).
 */
type PackedIndex = Omit<EntityIndex, 'ids' | 'position' | 'firstAdded' | 'termHits'> & {
  ids: string
  firstAdded: { codes: Int32Array; values: (string | null)[] }
  termHits: [string, Uint8Array][]
}

export function packIndex(index: EntityIndex): { packed: PackedIndex; transfer: ArrayBuffer[] } {
  const dates = new Map<string | null, number>()
  const codes = Int32Array.from(index.firstAdded, (date) => {
    let code = dates.get(date)
    if (code === undefined) dates.set(date, (code = dates.size))
    return code
  })
  // The lookup tables stay behind (rebuilt on arrival); only the index's data crosses.
  const data: Partial<EntityIndex> = { ...index }
  delete data.position
  delete data.ids
  delete data.firstAdded
  delete data.termHits
  const packed = {
    ...data,
    ids: index.ids.join('\n'),
    firstAdded: { codes, values: [...dates.keys()] },
    termHits: [...index.termHits],
  } as PackedIndex
  const typed = [
    index.country.codes,
    index.type.codes,
    index.sectors.start,
    index.sectors.codes,
    index.rounds.start,
    index.rounds.codes,
    index.programmes.start,
    index.programmes.codes,
    index.defaultRank,
    index.positionOfEntry,
    codes,
    ...index.sortRanks.values(),
    ...index.termHits.values(),
  ]
  return { packed, transfer: typed.map((array) => array.buffer as ArrayBuffer) }
}

export function unpackIndex(packed: PackedIndex, version: string): EntityIndex {
  const ids = packed.ids === '' ? [] : packed.ids.split('\n')
  return {
    ...packed,
    version,
    ids,
    position: new Map(ids.map((id, at) => [id, at])),
    firstAdded: Array.from(packed.firstAdded.codes, (code) => packed.firstAdded.values[code]),
    termHits: new Map(packed.termHits),
  }
}

function buildInWorker(storePath: string): Promise<PackedIndex> {
  return (
    askWorkerOnce<PackedIndex>('entity-index-worker.js', import.meta.url, { storePath }) ??
    Promise.reject(new Error('the index worker is not built'))
  )
}

/** Whether the index matches the records now, so a query would not wait for it to be built. */
export function entityIndexIsCurrent(db: Db): boolean {
  return stateOf(db).entityIndex?.version === recordsVersion(db)
}

export function entityIndex(db: Db): EntityIndex {
  const version = recordsVersion(db)
  const state = stateOf(db)
  if (state.entityIndex?.version === version) return state.entityIndex
  state.entityIndex = buildIndex(db, version)
  return state.entityIndex
}

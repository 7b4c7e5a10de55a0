import { keepShortSearchHits, queryEntities } from '../store/entity-query'
import type { Store } from '../store/open-store'
import { loadPinyin } from '../store/pinyin-text'

/** Quiet needed before a warm-up step runs; a reviewer typing pauses less than this between keys. */
const QUIET_MS = 300
const lastEntityQuery = new WeakMap<Store, number>()
const warming = new WeakSet<Store>()

/** Called for every Entities query: warm-up steps wait until there have been none for a while. */
export function noteEntityQuery(store: Store): void {
  lastEntityQuery.set(store, performance.now())
}

/**
 * Once the entity index is built, warms the search a step at a time, each only when no Entities query
 * has come for QUIET_MS (so it never delays a reviewer who is already typing): one search whose answer
 * is dropped, which loads pinyin-pro's dictionary (match explanations spell Chinese names) and compiles
 * the code a search runs (the first real search took 0.2 s instead of 0.05 s at 100,000 entities
 * without it); then the hits of every one-letter search (30–40 ms each at that size), kept with the
 * index. Once per store.
 */
export function warmSearchWhenQuiet(store: Store): void {
  if (warming.has(store)) return
  warming.add(store)
  const steps: (() => void)[] = [
    () => {
      loadPinyin()
      queryEntities(store.db, { search: 'a', filters: {}, sort: [], offset: 0, limit: 100, facets: false })
    },
    ...[...'abcdefghijklmnopqrstuvwxyz'].map((letter) => () => keepShortSearchHits(store.db, letter)),
  ]
  const next = () => {
    const quietFor = performance.now() - (lastEntityQuery.get(store) ?? 0)
    if (quietFor < QUIET_MS) {
      setTimeout(next, QUIET_MS - quietFor).unref()
      return
    }
    try {
      steps.shift()?.()
    } catch {
      // The store was closed meanwhile: nothing more to warm.
      return
    }
    if (steps.length > 0) setImmediate(next).unref()
  }
  next()
}

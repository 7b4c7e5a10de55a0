/**
 * What a long-running host (serve, the desktop app) does beside answering: build the entity index, check
 * the store's integrity, warm the search. On two cores, each of these slows whatever the reviewer is
 * doing, so they start after the first view is served and run one after the other, the later ones only
 * when the host is quiet.
 */
import { keepPlainFacets } from '../store/entity-first-page'
import { prepareReactionFacts, reactionCounts } from '../store/reaction-facts'
import { chineseScriptVariants } from '../store/chinese-script'
import { prepareEntityIndex } from '../store/entity-index'
import { prepareFuzzyNameIndex } from '../store/fuzzy-index'
import { keepSearchHits, ONE_LETTER_SEARCHES, queryEntities } from '../store/entity-query'
import type { Store } from '../store/open-store'
import { loadPinyin } from '../store/pinyin-text'

/** Quiet needed before a step runs; a reviewer typing pauses less than this between keys. */
const QUIET_MS = 300
const lastEntityQuery = new WeakMap<Store, number>()
const preparing = new WeakSet<Store>()

/**
 * Called when an Entities query arrives and when it is answered: background steps wait until there have
 * been none for a while (a query that waited for the index counts from its answer).
 */
export function noteEntityQuery(store: Store): void {
  lastEntityQuery.set(store, performance.now())
}

/** Runs `steps` in order, one per turn of the event loop, each once no Entities query came for QUIET_MS. */
function runWhenQuiet(store: Store, steps: (() => void)[]): void {
  const next = () => {
    const quietFor = performance.now() - (lastEntityQuery.get(store) ?? 0)
    if (quietFor < QUIET_MS) {
      setTimeout(next, QUIET_MS - quietFor).unref()
      return
    }
    try {
      steps.shift()?.()
    } catch {
      // The store was closed meanwhile: nothing more to do.
      return
    }
    if (steps.length > 0) setImmediate(next).unref()
  }
  // Queries waiting for what the steps follow (the index) are answered first, and noted.
  setTimeout(next, QUIET_MS).unref()
}

/**
 * After the first view (or soon after start, should none be asked for), and again whenever the plain
 * first page was answered without a current index (after an import): the entity index is built in its
 * worker. Once per store, besides: pinyin-pro loads meanwhile (the first search explains its matches
 * with it); once the index is there and the host quiet, the integrity check starts
 * in its own worker (writes wait for it), the unfiltered facet counts are kept in the store for the
 * next start's first view (see keepPlainFacets), then the hits of every one-letter search are kept with
 * the index (each reads tens of thousands of entries on a large store; usually the index worker has
 * sent them already).
 *
 * As soon as the index arrives, before the searches that waited for it are answered, one search is run
 * and its answer dropped (see warmSearch): a reviewer typing while the index was built would otherwise
 * meet that code cold on their next keystroke.
 */
export function prepareInBackground(store: Store): void {
  try {
    // Every time: after an import the records have changed, and the indexes are built again (the fuzzy
    // name index after the entity index: both in workers, on two cores beside the host and the page).
    const indexed = prepareEntityIndex(store.db, store.path)
    void indexed.then(() => prepareFuzzyNameIndex(store.db, store.path))
    if (preparing.has(store)) return
    preparing.add(store)
    void indexed.then(() => {
      warmSearch(store)
      runWhenQuiet(store, [
        () => store.checkIntegrity(),
        // The Overview's reaction counts and facts, read once per version of the records: here, not on
        // its first opening.
        () => void reactionCounts(store.db, null),
        () => prepareReactionFacts(store.db),
        // Only into a store that passed its check (a failed one refuses every write), and when quiet.
        () =>
          void store.integrity.then(
            () => runWhenQuiet(store, [() => keepPlainFacets(store.db)]),
            () => undefined,
          ),
        // Usually sent with the index by its worker already: then each is a lookup.
        ...ONE_LETTER_SEARCHES.map((letter) => () => keepSearchHits(store.db, letter)),
        // The script converters load on first use: here, rather than on a user's first Chinese keystroke.
        () => void chineseScriptVariants('云'),
      ])
    })
    setImmediate(loadPinyin).unref()
  } catch {
    // The store was closed already (a short-lived command or test): nothing to prepare.
  }
}

/**
 * A search and a filter whose answers are dropped, compiling the code every query runs: a word read
 * from the full-text index (the index worker sends only the one-letter words' hits, so this thread has
 * not read any yet), a second word ANDed with it, the counts, the page and why each row matched; then a
 * set filter on the commonest country. Without them the reviewer's first two-letter search and first
 * filter wait for those reads and compilations (docs/performance.md).
 */
function warmSearch(store: Store): void {
  try {
    const page = { sort: [], offset: 0, limit: 50 }
    const searched = queryEntities(store.db, { ...page, search: 'an e', filters: {} })
    const country = searched.facets?.country[0]?.value
    if (country) queryEntities(store.db, { ...page, search: '', filters: { country: [country] } })
  } catch {
    // The store was closed meanwhile.
  }
}

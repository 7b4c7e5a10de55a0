import { API_CALL_NAMES, READ_CALL_NAMES, type ApiCallName } from '../../shared/api-names'
import type { ApiHandlers } from '../../shared/contract'
import { translateOpenError } from '../store/integrity-check'
import { readOnlyRefusal, type Store } from '../store/open-store'

/**
 * The calls that only read (the first views make no other): answered while the store's integrity check
 * may still be running (see OpenStoreOptions.integrityCheck). Every other call waits for it.
 */
const FIRST_VIEW_READS: ReadonlySet<ApiCallName> = new Set(READ_CALL_NAMES)

/** The calls that change the store, each with how a refusal names it when the store is read-only. */
const WRITE_LABELS = {
  previewUpdate: 'previewing an update',
  applyUpdate: 'importing an update',
  undoLastImport: 'undoing an import',
  addReaction: 'adding a reaction',
  editReaction: 'editing a reaction',
  correctField: 'correcting a field',
  addNote: 'adding a note',
  editNote: 'editing a note',
  deleteNote: 'deleting a note',
  deleteReaction: 'deleting a reaction',
  redoLocalEdit: 'redoing an edit',
  setAuthorName: 'setting your name',
  createSigningKey: 'making a publishing key',
  publishLocalEdits: 'publishing local edits',
  addTrustedKey: 'trusting a key',
  removeTrustedKey: 'removing a trusted key',
  revokeJudgement: 'revoking a judgement',
  saveBriefing: 'saving a briefing',
  deleteBriefing: 'deleting a briefing',
  saveView: 'keeping the table’s view',
  deleteView: 'deleting a saved view',
  rememberView: 'remembering the view shown',
} satisfies Partial<Record<ApiCallName, string>>
type StoreWrite = keyof typeof WRITE_LABELS
const STORE_WRITES: ReadonlySet<string> = new Set(Object.keys(WRITE_LABELS))

type AnyHandler = (input: never) => unknown

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
}

/**
 * Holds back every call that may write until the store has passed its integrity check, so a damaged
 * file is never changed; once the check has failed, every call is refused with what it found.
 */
export function guardWrites(store: Store, handlers: ApiHandlers): ApiHandlers {
  let damage: Error | null = null
  store.integrity.catch((error: Error) => {
    damage = error
  })
  const guarded: Record<string, AnyHandler> = {}
  for (const name of API_CALL_NAMES) {
    const handler = handlers[name] as AnyHandler
    if (store.readOnly && STORE_WRITES.has(name)) {
      guarded[name] = () => {
        throw readOnlyRefusal(store, WRITE_LABELS[name as StoreWrite])
      }
      continue
    }
    guarded[name] = FIRST_VIEW_READS.has(name)
      ? (input) => {
          if (damage) throw damage
          // A damaged page can be read before the background check gets to it: say so as it would.
          const explain = (error: unknown) => {
            throw isDamage(error) ? translateOpenError(error, store.path) : error
          }
          try {
            const answer = handler(input)
            return answer instanceof Promise ? answer.catch(explain) : answer
          } catch (error) {
            return explain(error)
          }
        }
      : async (input) => {
          await store.integrity
          return handler(input)
        }
  }
  return guarded as ApiHandlers
}

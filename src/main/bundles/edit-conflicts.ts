import type { ConflictDecisions, EditConflict, FieldChange } from '../../shared/updates'
import { LocalHoldings } from '../store/local-holdings'
import type { RecordsByType } from '../store/read-record'
import type { RecordType } from './bundle-format'

type AnyRecord = RecordsByType[RecordType]

/** Sources written in the app: a kept correction keeps the citation that supports it. */
const isLocalSource = (citation: { source: string }) => citation.source.startsWith('local-source-')

/**
 * What an import does to the user's own edits: each field it would change that a local edit holds,
 * each record it would retire that the user wrote or corrected, listed as conflicts; with the user's
 * decisions (`null` in a preview, which shows the import's values), the record to write.
 */
export class EditConflicts {
  readonly found: EditConflict[] = []

  constructor(
    private readonly holdings: LocalHoldings,
    private readonly decisions: ConflictDecisions | null,
  ) {}

  /** The record to write for a change of `before` into `after`: the user's values where kept. */
  resolveChange(
    type: RecordType,
    id: string,
    label: string,
    before: AnyRecord,
    after: AnyRecord,
    fields: FieldChange[],
  ): AnyRecord {
    if (this.holdings.empty) return after
    let resolved = after
    for (const change of fields) {
      // Sources only gather citations; a kept field keeps its own below.
      if (change.field === 'sources' || !this.holdings.holds(type, id, change.field)) continue
      const key = `${type}:${id}:${change.field}`
      this.found.push({
        key,
        type,
        id,
        label,
        field: change.field,
        mine: change.before,
        theirs: change.after,
      })
      if (this.decisions?.[key] !== 'mine') continue
      resolved = { ...resolved, [change.field]: change.before } as AnyRecord
      if ('sources' in resolved && 'sources' in before) {
        const cited = new Set(resolved.sources.map((citation) => citation.source))
        const kept = before.sources.filter(
          (citation) => isLocalSource(citation) && !cited.has(citation.source),
        )
        resolved = { ...resolved, sources: [...resolved.sources, ...kept] } as AnyRecord
      }
    }
    return resolved
  }

  /** Whether the user keeps a record the import would retire. */
  keepsRetired(type: RecordType, id: string, label: string): boolean {
    if (!this.holdings.holdsAny(type, id)) return false
    const key = `${type}:${id}:*`
    this.found.push({ key, type, id, label, field: null, mine: 'kept', theirs: null })
    return this.decisions?.[key] === 'mine'
  }

  /** The user's notes on a record the update retires, which go with it when the user takes theirs. */
  notesOn(type: RecordType, id: string): string[] {
    return this.holdings.notesOn(type, id)
  }

  /** The conflicts the user has not decided (an apply is refused while there are any). */
  undecided(): EditConflict[] {
    return this.found.filter((conflict) => this.decisions?.[conflict.key] === undefined)
  }
}

/** No edits of the user's to meet: for tests that apply operations directly. */
export function noEdits(): EditConflicts {
  return new EditConflicts(LocalHoldings.none(), null)
}

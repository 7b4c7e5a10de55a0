import { useState } from 'react'
import {
  CHANGE_RECORD_TYPES,
  STORED_CHANGE_KINDS,
  type ChangeGroupCount,
  type ChangesFilters,
  type ChangesPage,
  type ChangesScope,
  type StoredChange,
  type StoredChangeKind,
} from '../../../shared/changes'
import type { BriefingScope } from '../../../shared/contract'
import type { RecordTypeName } from '../../../shared/updates'
import { useLoad } from '../api/use-api'
import { useRead } from '../api/use-read'
import { CHANGE_KIND_LABELS, FieldChanges } from '../changes/change-text'
import { WatchesPanel } from '../changes/watches-panel'
import { useNavigation } from '../navigation'
import { FacetFilter } from '../review/facet-filter'
import type { FacetValue } from '../../../shared/entity-query'

const PAGE_SIZE = 100

type ScopeChoice =
  { kind: 'all' } | { kind: 'import'; importId: number } | { kind: 'period'; since: string; until: string }

function scopeOf(choice: ScopeChoice): ChangesScope {
  if (choice.kind === 'import') return { importId: choice.importId }
  if (choice.kind === 'period') return { since: choice.since || undefined, until: choice.until || undefined }
  return {}
}

/** Every value of a group, with its count in scope (0 for those no change has), as a facet lists them. */
function withCounts<T extends string>(
  values: readonly T[],
  counts: ChangeGroupCount[],
  label: (value: T) => string,
): FacetValue[] {
  return values.map((value) => ({
    value,
    label: label(value),
    count: counts.find((c) => c.value === value)?.count ?? 0,
  }))
}

/** A choice of one value among those in scope, each with its count. */
function SelectGroup({
  label,
  counts,
  value,
  onChange,
  named = (v) => v,
}: {
  label: string
  counts: ChangeGroupCount[]
  value: string | undefined
  onChange: (value: string | undefined) => void
  /** How a value is shown (a round's label for its id). */
  named?: (value: string) => string
}) {
  return (
    <label className="change-select">
      {label}{' '}
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">Any</option>
        {value !== undefined && !counts.some((c) => c.value === value) ? (
          <option value={value}>{value} (0)</option>
        ) : null}
        {counts.map((c) => (
          <option key={c.value} value={c.value}>
            {named(c.value)} ({c.count.toLocaleString('en-GB')})
          </option>
        ))}
      </select>
    </label>
  )
}

/** The briefing scope for what the view shows: one import, or a period from its first day. */
function briefable(choice: ScopeChoice): BriefingScope | null {
  if (choice.kind === 'import') return { kind: 'changes', importId: choice.importId }
  if (choice.kind === 'period' && choice.since) return { kind: 'changes', since: choice.since }
  return null
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`

function statusOf(page: ChangesPage): string {
  if (page.imports.length === 0) return 'No imports in this scope: nothing has changed.'
  const shown =
    page.total > 0
      ? `; showing ${(page.offset + 1).toLocaleString('en-GB')}–${(page.offset + page.rows.length).toLocaleString('en-GB')}`
      : ''
  return `${plural(page.total, 'change', 'changes')} in ${plural(page.imports.length, 'import', 'imports')}${shown}`
}

function RecordLink({ change }: { change: StoredChange }) {
  const navigation = useNavigation()
  if (change.entityId && change.kind !== 'retired')
    return (
      <button type="button" className="link" onClick={() => navigation.openEntity(change.entityId!)}>
        {change.label}
      </button>
    )
  if (change.type === 'round' && change.kind !== 'retired')
    return (
      <button
        type="button"
        className="link"
        onClick={() => navigation.showEntities({ round: [change.recordId] })}
      >
        {change.label}
      </button>
    )
  if (change.type === 'reaction' && change.kind !== 'retired')
    return (
      <button type="button" className="link" onClick={() => navigation.openReaction(change.recordId)}>
        {change.label}
      </button>
    )
  return <span>{change.label}</span>
}

/**
 * Every change the store's imports made, newest first: for one import, a period or all of them, with
 * filters by kind of change, record kind, list, round and country, counts per group, and pages from
 * the store.
 */
export function ChangesView() {
  const navigation = useNavigation()
  const history = useLoad((api) => api.importHistory({}), 'changes-history')
  const [scope, setScope] = useState<ScopeChoice>({ kind: 'all' })
  const [filters, setFilters] = useState<ChangesFilters>({})
  const [offset, setOffset] = useState(0)
  const input = { scope: scopeOf(scope), filters, offset, limit: PAGE_SIZE }
  const { current, previous } = useRead('queryChanges', input)
  const page = current?.value ?? previous?.value ?? null
  const error = current?.error ?? null
  const refilter = (next: ChangesFilters) => {
    setFilters(next)
    setOffset(0)
  }
  const rescope = (next: ScopeChoice) => {
    setScope(next)
    setOffset(0)
  }
  const applied = history.state === 'ready' ? history.value.filter((entry) => entry.status === 'applied') : []

  return (
    <div className="changes">
      <WatchesPanel />
      <section className="panel changes-scope" aria-label="Which changes">
        <label>
          Changes in{' '}
          <select
            aria-label="Changes in"
            value={scope.kind === 'import' ? `import-${scope.importId}` : scope.kind}
            onChange={(event) => {
              const value = event.target.value
              if (value === 'all') rescope({ kind: 'all' })
              else if (value === 'period') rescope({ kind: 'period', since: '', until: '' })
              else rescope({ kind: 'import', importId: Number(value.slice('import-'.length)) })
            }}
          >
            <option value="all">every import</option>
            <option value="period">a period</option>
            {applied.map((entry) => (
              <option key={entry.id} value={`import-${entry.id}`}>
                import {entry.id}: {entry.fileName ?? entry.publisher} ({entry.importedAt.slice(0, 10)})
              </option>
            ))}
          </select>
        </label>
        {briefable(scope) ? (
          <button type="button" onClick={() => navigation.briefScope(briefable(scope)!)}>
            Brief these changes
          </button>
        ) : null}
        {scope.kind === 'period' ? (
          <>
            <label>
              Since{' '}
              <input
                type="date"
                value={scope.since}
                onChange={(event) => rescope({ ...scope, since: event.target.value })}
              />
            </label>
            <label>
              Until{' '}
              <input
                type="date"
                value={scope.until}
                onChange={(event) => rescope({ ...scope, until: event.target.value })}
              />
            </label>
          </>
        ) : null}
      </section>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {page ? (
        <div className="changes-body">
          <aside className="panel changes-filters" aria-label="Change filters">
            <FacetFilter
              id="kinds"
              title="Kind of change"
              values={withCounts(STORED_CHANGE_KINDS, page.counts.kinds, (kind) => CHANGE_KIND_LABELS[kind])}
              selected={filters.kinds ?? []}
              onChange={(_id, kinds) =>
                refilter({ ...filters, kinds: kinds.length > 0 ? (kinds as StoredChangeKind[]) : undefined })
              }
            />
            <FacetFilter
              id="types"
              title="Record"
              values={withCounts(CHANGE_RECORD_TYPES, page.counts.types, (type) => type)}
              selected={filters.types ?? []}
              onChange={(_id, types) =>
                refilter({ ...filters, types: types.length > 0 ? (types as RecordTypeName[]) : undefined })
              }
            />
            <SelectGroup
              label="List"
              counts={page.counts.lists}
              value={filters.list}
              onChange={(list) => refilter({ ...filters, list })}
            />
            <SelectGroup
              label="Round"
              counts={page.counts.rounds}
              named={(round) => page.roundLabels[round] ?? round}
              value={filters.round}
              onChange={(round) => refilter({ ...filters, round })}
            />
            <SelectGroup
              label="Country"
              counts={page.counts.countries}
              value={filters.country}
              onChange={(country) => refilter({ ...filters, country })}
            />
          </aside>
          <section className="table-wrap changes-list" aria-label="Changes">
            <p role="status" className="status">
              {statusOf(page)}
            </p>
            {page.rows.length > 0 ? (
              <table className="compact" aria-label="Changes">
                <thead>
                  <tr>
                    <th scope="col">Imported</th>
                    <th scope="col">Change</th>
                    <th scope="col">Record</th>
                    <th scope="col">Name</th>
                    <th scope="col">Country</th>
                    <th scope="col">List · round</th>
                    <th scope="col">Before → after</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((change) => (
                    <tr key={`${change.importId}-${change.type}-${change.recordId}`}>
                      <td>{change.importedAt.replace('T', ' ').slice(0, 16)}</td>
                      <td className={`change-${change.kind}`}>{CHANGE_KIND_LABELS[change.kind]}</td>
                      <td>{change.type}</td>
                      <td>
                        <RecordLink change={change} />
                      </td>
                      <td>{change.country ?? <span className="unknown">—</span>}</td>
                      <td>
                        {[
                          ...change.lists,
                          ...change.rounds.map((round) => page.roundLabels[round] ?? round),
                        ].join(' · ') || <span className="unknown">—</span>}
                      </td>
                      <td>
                        <FieldChanges fields={change.fields} />
                      </td>
                      <td className="origin">{change.importLabel}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {page.total > PAGE_SIZE ? (
              <nav aria-label="Pages of changes" className="pager">
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                >
                  Previous
                </button>
                <button
                  type="button"
                  disabled={offset + PAGE_SIZE >= page.total}
                  onClick={() => setOffset(offset + PAGE_SIZE)}
                >
                  Next
                </button>
              </nav>
            ) : null}
          </section>
        </div>
      ) : error ? null : (
        <p className="status">Loading the changes…</p>
      )}
    </div>
  )
}

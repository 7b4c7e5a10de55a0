import type { BriefingScope } from '../../../shared/briefing'
import { useLoad } from '../api/use-api'
import { EntityPicker, RoundChoices } from '../components/record-pickers'
import { LoadState } from '../components/load-state'
import type { EntityViewQuery } from '../../../shared/contract'

interface ScopePickerProps {
  scope: BriefingScope
  onChange(scope: BriefingScope): void
  /** The Entities table's current search, filters and order, as the reviewer left them. */
  entityView: EntityViewQuery
  /** Names of picked entities, remembered so chips can show them. */
  pickedNames: Record<string, string>
  onPickedName(id: string, name: string): void
}

function describeView(view: EntityViewQuery): string {
  const parts: string[] = []
  if (view.search.trim()) parts.push(`search “${view.search.trim()}”`)
  const textCount = Object.values(view.filters.text ?? {}).filter((value) => value?.trim()).length
  const filterCount =
    textCount +
    Object.entries(view.filters).filter(([key, value]) =>
      key === 'firstAdded' ? Boolean(value) : Array.isArray(value) && value.length > 0,
    ).length
  if (filterCount > 0) parts.push(`${filterCount} ${filterCount === 1 ? 'filter' : 'filters'}`)
  return parts.length > 0 ? parts.join(', ') : 'all entities, no filters'
}

/** What the briefing covers: the Entities table's view, some rounds, or entities picked by hand. */
export function ScopePicker({ scope, onChange, entityView, pickedNames, onPickedName }: ScopePickerProps) {
  const rounds = useLoad((api) => api.listRounds({}), 'rounds')
  const viewScope: BriefingScope = { kind: 'query', ...entityView }
  return (
    <fieldset className="scope">
      <legend>Scope</legend>
      <label>
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'query'}
          onChange={() => onChange(viewScope)}
        />
        The Entities table as filtered ({describeView(scope.kind === 'query' ? scope : entityView)})
      </label>
      {scope.kind === 'query' ? (
        <button type="button" className="link" onClick={() => onChange(viewScope)}>
          Use the table's current filters again
        </button>
      ) : null}
      <label>
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'rounds'}
          onChange={() => onChange({ kind: 'rounds', roundIds: [] })}
        />
        One or more rounds
      </label>
      {scope.kind === 'rounds' ? (
        <LoadState loadable={rounds} what="rounds">
          {(list) => (
            <RoundChoices
              rounds={list}
              chosen={scope.roundIds}
              onToggle={(id) =>
                onChange({
                  kind: 'rounds',
                  roundIds: scope.roundIds.includes(id)
                    ? scope.roundIds.filter((r) => r !== id)
                    : [...scope.roundIds, id],
                })
              }
            />
          )}
        </LoadState>
      ) : null}
      <label>
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'entities'}
          onChange={() => onChange({ kind: 'entities', entityIds: [] })}
        />
        Entities picked one by one
      </label>
      {scope.kind === 'entities' ? (
        <EntityPicker
          picked={scope.entityIds}
          pickedNames={pickedNames}
          onPick={(hit) => {
            onPickedName(hit.id, hit.name)
            onChange({ kind: 'entities', entityIds: [...scope.entityIds, hit.id] })
          }}
          onUnpick={(id) =>
            onChange({ kind: 'entities', entityIds: scope.entityIds.filter((e) => e !== id) })
          }
        />
      ) : null}
      <label>
        <input
          type="radio"
          name="scope"
          checked={scope.kind === 'changes'}
          onChange={() => onChange({ kind: 'changes', since: monthAgo() })}
        />
        What imports changed
      </label>
      {scope.kind === 'changes' ? <ChangesChoice scope={scope} onChange={onChange} /> : null}
    </fieldset>
  )
}

/** A month before today, as YYYY-MM-DD: where "changes since" starts until the writer says otherwise. */
function monthAgo(): string {
  const date = new Date()
  date.setUTCMonth(date.getUTCMonth() - 1)
  return date.toISOString().slice(0, 10)
}

/** Changes since a day, or in one import of the history. */
function ChangesChoice({
  scope,
  onChange,
}: {
  scope: Extract<BriefingScope, { kind: 'changes' }>
  onChange: (scope: BriefingScope) => void
}) {
  const history = useLoad((api) => api.importHistory({}), 'briefing-imports')
  const imports = history.state === 'ready' ? history.value.filter((entry) => entry.status === 'applied') : []
  return (
    <div className="changes-choice">
      <label>
        Since{' '}
        <input
          type="date"
          aria-label="Changes since"
          value={scope.since ?? ''}
          onChange={(event) => event.target.value && onChange({ kind: 'changes', since: event.target.value })}
        />
      </label>{' '}
      <label>
        or in{' '}
        <select
          aria-label="Changes in import"
          value={scope.importId ?? ''}
          onChange={(event) =>
            onChange(
              event.target.value
                ? { kind: 'changes', importId: Number(event.target.value) }
                : { kind: 'changes', since: monthAgo() },
            )
          }
        >
          <option value="">any import since the day</option>
          {imports.map((entry) => (
            <option key={entry.id} value={entry.id}>
              import {entry.id}: {entry.fileName ?? entry.publisher} ({entry.importedAt.slice(0, 10)})
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

import { useState } from 'react'
import type { RoundSummary, SearchHit } from '../../../shared/domain'
import { useApi } from '../api/use-api'
import { foldText, searchWords } from '../review/list-query'

/**
 * Rounds to tick, each with its citation, date and how many entities it lists, found as the Rounds
 * table's search finds them (every word, case and accents aside); ticked rounds stay shown.
 */
export function RoundChoices({
  rounds,
  chosen,
  onToggle,
}: {
  rounds: RoundSummary[]
  chosen: string[]
  onToggle(id: string): void
}) {
  const [search, setSearch] = useState('')
  const words = searchWords(search)
  const shown = rounds.filter(
    (round) =>
      chosen.includes(round.id) ||
      words.every((word) =>
        foldText(
          [...round.citations, round.title ?? '', round.list, round.id, round.published ?? ''].join('\n'),
        ).includes(word),
      ),
  )
  return (
    <>
      <label className="round-search">
        Find a round{' '}
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </label>
      <ul className="choice-list">
        {shown.map((round) => (
          <li key={round.id}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(round.id)}
                onChange={() => onToggle(round.id)}
              />
              {round.citations[0] ?? round.id} · {round.published ?? 'date not recorded'} ·{' '}
              {round.recordedCount} entities
            </label>
          </li>
        ))}
      </ul>
    </>
  )
}

/**
 * Entities picked by the store's search (names, aliases, pinyin, similar names), shown as chips that
 * remove them.
 */
export function EntityPicker({
  picked,
  pickedNames,
  onPick,
  onUnpick,
}: {
  picked: string[]
  pickedNames: Record<string, string>
  onPick(hit: SearchHit): void
  onUnpick(id: string): void
}) {
  const api = useApi()
  const [text, setText] = useState('')
  const [hits, setHits] = useState<SearchHit[]>([])
  async function find(value: string) {
    setText(value)
    if (!value.trim()) return setHits([])
    const found = await api.search({ query: value, limit: 20 })
    setHits(found.filter((hit) => hit.kind === 'entity'))
  }
  return (
    <div className="entity-picker">
      <label>
        Find an entity to add
        <input type="search" value={text} onChange={(event) => void find(event.target.value)} />
      </label>
      {hits.length > 0 ? (
        <ul className="choice-list" aria-label="Entities found">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                className="link"
                disabled={picked.includes(hit.id)}
                onClick={() => onPick(hit)}
              >
                Add {hit.name}
                {hit.originalName ? ` (${hit.originalName})` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="chips" aria-label="Picked entities">
        {picked.length === 0 ? <span className="unknown">No entity picked yet.</span> : null}
        {picked.map((id) => (
          <button
            key={id}
            type="button"
            className="chip removable"
            aria-label={`Remove ${pickedNames[id] ?? id}`}
            onClick={() => onUnpick(id)}
          >
            {pickedNames[id] ?? id} ×
          </button>
        ))}
      </p>
    </div>
  )
}

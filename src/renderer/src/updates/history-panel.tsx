import { useState } from 'react'
import type { ImportHistoryEntry } from '../../../shared/updates'
import { useApi, useLoad } from '../api/use-api'
import { LoadState } from '../components/load-state'
import { HeadWithActions } from '../components/table-head'

function totals(entry: ImportHistoryEntry): string {
  const sum = entry.counts.reduce(
    (acc, c) => ({ n: acc.n + c.new, c: acc.c + c.changed, r: acc.r + c.retired }),
    { n: 0, c: 0, r: 0 },
  )
  return `${sum.n} new · ${sum.c} changed · ${sum.r} retired`
}

/**
 * Every import and local edit, newest first, with Undo on the latest one still applied and Redo on the
 * local edit undone last.
 */
export function HistoryPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const api = useApi()
  const history = useLoad((a) => a.importHistory({}), `history-${version}`)
  const edits = useLoad((a) => a.listLocalEdits({}), `local-edits-${version}`)
  const redoable = edits.state === 'ready' ? edits.value.redoable : null
  const [asking, setAsking] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  async function undo(importId: number) {
    setAsking(false)
    try {
      const entry = await api.undoLastImport({ importId })
      setMessage(`Undone: import ${entry.id} (${entry.publisher}, sequence ${entry.sequence}).`)
      onChanged()
    } catch (error) {
      setMessage((error as Error).message)
    }
  }

  async function redo(importId: number) {
    try {
      const edit = await api.redoLocalEdit({ importId })
      setMessage(`Redone: edit ${importId} applied again as ${edit.id} (${edit.description}).`)
      onChanged()
    } catch (error) {
      setMessage((error as Error).message)
    }
  }

  return (
    <section aria-label="Import history" className="panel">
      <h3>History</h3>
      {message ? <p role="status">{message}</p> : null}
      <LoadState loadable={history} what="import history">
        {(entries) => {
          const latest = entries.find((e) => e.status === 'applied')
          if (entries.length === 0) return <p className="status">No updates imported yet.</p>
          return (
            <table aria-label="Imports" className="compact">
              <HeadWithActions
                columns={['Imported', 'Publisher', 'Sequence', 'Data as of', 'Changes', 'Status']}
              />
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{entry.importedAt.replace('T', ' ').slice(0, 19)}</td>
                    <td>{entry.publisher}</td>
                    {/* Unsigned lists and local edits have no sequence. */}
                    <td>{entry.sequence === 0 ? '—' : entry.sequence}</td>
                    <td>{entry.dataAsOf}</td>
                    <td>{totals(entry)}</td>
                    <td>
                      {entry.status === 'undone' ? `undone ${entry.undoneAt?.slice(0, 10)}` : 'applied'}
                    </td>
                    <td>
                      {entry.id === redoable ? (
                        <button type="button" onClick={() => void redo(entry.id)}>
                          Redo
                        </button>
                      ) : null}
                      {entry === latest && !asking ? (
                        <button type="button" onClick={() => setAsking(true)}>
                          Undo
                        </button>
                      ) : null}
                      {entry === latest && asking ? (
                        <span className="confirm-inline">
                          Undo this import and restore the data as it was?{' '}
                          <button type="button" className="danger" onClick={() => void undo(entry.id)}>
                            Confirm undo
                          </button>{' '}
                          <button type="button" onClick={() => setAsking(false)}>
                            Keep
                          </button>
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }}
      </LoadState>
    </section>
  )
}

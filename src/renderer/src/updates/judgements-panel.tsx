import { useState } from 'react'
import { useApi, useLoad } from '../api/use-api'
import { LoadState } from '../components/load-state'
import { HeadWithActions } from '../components/table-head'

/**
 * What the user decided about possible matches, reused by every later import: a listed party is, or is
 * not, an entity. Revoking one makes the next import ask again.
 */
export function JudgementsPanel({ version }: { version: number }) {
  const api = useApi()
  const [revoked, setRevoked] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const judgements = useLoad((a) => a.listJudgements({}), `judgements-${version}-${revoked}`)

  async function revoke(id: number, party: string) {
    try {
      await api.revokeJudgement({ id })
      setMessage(`Revoked: the next import will ask again about ${party}.`)
      setRevoked((n) => n + 1)
    } catch (error) {
      setMessage((error as Error).message)
    }
  }

  return (
    <section aria-label="Judgements on possible matches" className="panel">
      <h3>Judgements on possible matches</h3>
      {message ? <p role="status">{message}</p> : null}
      <LoadState loadable={judgements} what="judgements">
        {(list) =>
          list.length === 0 ? (
            <p className="status">No judgements yet: your decisions on possible matches are kept here.</p>
          ) : (
            <table aria-label="Judgements" className="compact">
              <HeadWithActions columns={['Listed party', 'Judged', 'Entity', 'Decided']} />
              <tbody>
                {list.map((j) => (
                  <tr key={j.id}>
                    <td>{j.party}</td>
                    <td>{j.verdict === 'same' ? 'is' : 'is not'}</td>
                    <td>{j.entityName}</td>
                    <td>
                      {j.decidedAt.slice(0, 10)}
                      {j.fileName ? ` (${j.fileName})` : ''}
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-label={`Revoke: ${j.party} ${j.verdict === 'same' ? 'is' : 'is not'} ${j.entityName}`}
                        onClick={() => void revoke(j.id, j.party)}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
    </section>
  )
}

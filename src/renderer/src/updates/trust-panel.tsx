import { useState } from 'react'
import { useApi, useLoad } from '../api/use-api'
import { FileButton } from '../components/file-button'
import { LoadState } from '../components/load-state'
import { HeadWithActions } from '../components/table-head'

const group = (fingerprint: string) => fingerprint.match(/.{1,4}/g)!.join(' ')

/** The publisher keys whose bundles are accepted: add a .pub file (fingerprint shown), remove, list. */
export function TrustPanel() {
  const api = useApi()
  const [version, setVersion] = useState(0)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const keys = useLoad((a) => a.listTrustedKeys({}), `keys-${version}`)

  async function add(file: File) {
    try {
      const key = await api.addTrustedKey({ keyFile: await file.text() })
      setMessage({
        text: `Trusted ${key.publisher}. Fingerprint ${group(key.fingerprint)}: compare it with the publisher by another channel.`,
        error: false,
      })
      setVersion((v) => v + 1)
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    }
  }

  async function remove(fingerprint: string) {
    await api.removeTrustedKey({ fingerprint })
    setMessage({ text: `Removed key ${group(fingerprint)}; its bundles will be refused.`, error: false })
    setVersion((v) => v + 1)
  }

  return (
    <section aria-label="Trusted publishers" className="panel">
      <h3>Trusted publishers</h3>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'success'}>
          {message.text}
        </p>
      ) : null}
      <LoadState loadable={keys} what="trusted keys">
        {(list) =>
          list.length === 0 ? (
            <p className="status">
              No trusted keys: every bundle will be refused until you add its publisher's key.
            </p>
          ) : (
            <table aria-label="Trusted keys" className="compact">
              <HeadWithActions columns={['Publisher', 'Fingerprint', 'Valid until']} />
              <tbody>
                {list.map((key) => (
                  <tr key={key.fingerprint}>
                    <td>{key.publisher}</td>
                    <td className="mono">{group(key.fingerprint)}</td>
                    <td>
                      {key.expires.slice(0, 10)}
                      {key.expired ? <strong className="warn"> (expired)</strong> : null}
                    </td>
                    <td>
                      <button
                        type="button"
                        onClick={() => void remove(key.fingerprint)}
                        aria-label={`Remove ${key.publisher}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <FileButton
        label="Add public key file…"
        accept=".pub,application/json"
        onFile={(file) => void add(file)}
      />
    </section>
  )
}

import { useState } from 'react'
import { MIN_PASSPHRASE_LENGTH, type SigningKey } from '../../../shared/local-edits'
import { useApi, useLoad } from '../api/use-api'
import { bytesFromBase64 } from '../components/base64'
import { downloadFile } from '../components/download'
import { LoadState } from '../components/load-state'

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

const fingerprintShown = (keyId: string) =>
  keyId
    .match(/.{1,4}/g)!
    .slice(0, 4)
    .join(' ')

/** Makes a key in the app: its private part is kept in the store only encrypted with the passphrase. */
function CreateKey({ author, onCreated }: { author: string | null; onCreated(key: SigningKey): void }) {
  const api = useApi()
  const [publisher, setPublisher] = useState(author ?? '')
  const [passphrase, setPassphrase] = useState('')
  const [again, setAgain] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  async function create() {
    if (passphrase.length < MIN_PASSPHRASE_LENGTH)
      return setProblem(`Passphrase: at least ${MIN_PASSPHRASE_LENGTH} characters.`)
    if (passphrase !== again) return setProblem('The two passphrases differ.')
    try {
      const made = await api.createSigningKey({ publisher, passphrase })
      setPassphrase('')
      setAgain('')
      setProblem(null)
      downloadFile(made.publicKey.fileName, made.publicKey.text, 'application/json')
      onCreated(made.key)
    } catch (error) {
      setProblem((error as Error).message)
    }
  }

  return (
    <form
      aria-label="Create a publishing key"
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <p className="hint">
        A key signs what you publish; colleagues trust its public file once. Its private part is kept in this
        store, encrypted with your passphrase, and is needed with the passphrase each time you publish.
      </p>
      <label>
        Publisher <input value={publisher} onChange={(event) => setPublisher(event.target.value)} />
      </label>{' '}
      <label>
        Passphrase{' '}
        <input type="password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      </label>{' '}
      <label>
        Passphrase again{' '}
        <input type="password" value={again} onChange={(event) => setAgain(event.target.value)} />
      </label>{' '}
      <button type="submit">Create key</button>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  )
}

/**
 * "Publish my changes": the local edits not yet published, signed with a key of the store into a
 * bundle file with the next sequence number, for colleagues to import.
 */
export function PublishPanel({ version, onChanged }: { version: number; onChanged: () => void }) {
  const api = useApi()
  const [made, setMade] = useState(0)
  const state = useLoad((a) => a.publishingState({}), `publishing-${version}-${made}`)
  const edits = useLoad((a) => a.listLocalEdits({}), `local-edits-${version}`)
  const [keyId, setKeyId] = useState<string | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  // Edits the writer left out of this publication (all are in unless unticked).
  const [leftOut, setLeftOut] = useState<Set<number>>(new Set())

  async function publish(chosen: string, editIds: number[]) {
    try {
      const published = await api.publishLocalEdits({ keyId: chosen, passphrase, editIds })
      downloadFile(published.fileName, bytesFromBase64(published.base64) as BlobPart, 'application/zip')
      setPassphrase('')
      setLeftOut(new Set())
      setMessage(
        `Published ${count(published.publication.edits.length, 'local edit')} (${count(published.publication.operations, 'record')}) as ${published.fileName}, sequence ${published.publication.sequence}.`,
      )
      onChanged()
      setMade((n) => n + 1)
    } catch (error) {
      setMessage((error as Error).message)
    }
  }

  async function downloadPublicKey(chosen: string) {
    const file = await api.exportPublicKey({ keyId: chosen })
    downloadFile(file.fileName, file.text, 'application/json')
  }

  return (
    <section aria-label="Publish my changes" className="panel">
      <h3>Publish my changes</h3>
      {message ? <p role="status">{message}</p> : null}
      <LoadState loadable={state} what="publishing">
        {({ keys, unpublished, publications }) => {
          const chosen = keyId ?? keys[0]?.keyId ?? null
          const picked = unpublished.filter((edit) => !leftOut.has(edit.id)).map((edit) => edit.id)
          return (
            <>
              <p>
                {unpublished.length === 0
                  ? 'No local edits since the last publication.'
                  : `${unpublished.length} local ${unpublished.length === 1 ? 'edit' : 'edits'} not yet published:`}
              </p>
              {unpublished.length > 0 ? (
                <ul aria-label="Edits to publish">
                  {unpublished.map((edit) => (
                    <li key={edit.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={!leftOut.has(edit.id)}
                          onChange={(event) =>
                            setLeftOut((previous) => {
                              const next = new Set(previous)
                              if (event.target.checked) next.delete(edit.id)
                              else next.add(edit.id)
                              return next
                            })
                          }
                        />{' '}
                        {edit.writtenAt.slice(0, 10)} · {edit.author}: {edit.description}
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
              {keys.length === 0 ? (
                <CreateKey
                  author={edits.state === 'ready' ? edits.value.author : null}
                  onCreated={(key) => {
                    setKeyId(key.keyId)
                    setMade((n) => n + 1)
                    setMessage(
                      `Key made for ${key.publisher} (${fingerprintShown(key.keyId)} …); its public file was downloaded for your colleagues to trust.`,
                    )
                  }}
                />
              ) : (
                <form
                  aria-label="Publish"
                  onSubmit={(event) => {
                    event.preventDefault()
                    if (chosen) void publish(chosen, picked)
                  }}
                >
                  <label>
                    Key{' '}
                    <select value={chosen ?? ''} onChange={(event) => setKeyId(event.target.value)}>
                      {keys.map((key) => (
                        <option key={key.keyId} value={key.keyId}>
                          {key.publisher} · {fingerprintShown(key.keyId)} …
                        </option>
                      ))}
                    </select>
                  </label>{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => chosen && void downloadPublicKey(chosen)}
                  >
                    Download public key
                  </button>{' '}
                  <label>
                    Passphrase{' '}
                    <input
                      type="password"
                      value={passphrase}
                      onChange={(event) => setPassphrase(event.target.value)}
                    />
                  </label>{' '}
                  <button type="submit" disabled={picked.length === 0 || passphrase === ''}>
                    Publish my changes
                  </button>
                </form>
              )}
              {publications.length > 0 ? (
                <table aria-label="Publications" className="compact">
                  <thead>
                    <tr>
                      <th>Published</th>
                      <th>Publisher</th>
                      <th>Sequence</th>
                      <th>Edits</th>
                      <th>File</th>
                    </tr>
                  </thead>
                  <tbody>
                    {publications.map((publication) => (
                      <tr key={publication.id}>
                        <td>{publication.publishedAt.replace('T', ' ').slice(0, 19)}</td>
                        <td>{publication.publisher}</td>
                        <td>{publication.sequence}</td>
                        <td>{publication.edits.length}</td>
                        <td>{publication.fileName}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </>
          )
        }}
      </LoadState>
    </section>
  )
}

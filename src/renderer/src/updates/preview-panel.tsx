import type { ImportPreview } from '../../../shared/updates'

/** 2026-11-29T08:39:14.675Z → 2026-11-29 08:39 UTC */
function instant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** A field's value as the preview shows it (and the conflicts beside it): text as it is, else JSON. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return '(empty)'
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** What an update would change: who signed it (or that nobody did), counts per record type, every changed field. */
export function PreviewPanel({ preview }: { preview: ImportPreview }) {
  const { bundle } = preview
  const changed = preview.changes.filter((c) => c.kind === 'changed')
  const added = preview.changes.filter((c) => c.kind === 'new')
  const retired = preview.changes.filter((c) => c.kind === 'retired')
  return (
    <section aria-label="Preview" className="panel">
      <h3>Preview</h3>
      {bundle.signed ? (
        <dl className="facts">
          <dt>Publisher</dt>
          <dd>{bundle.publisher}</dd>
          <dt>Sequence</dt>
          <dd>{bundle.sequence}</dd>
          <dt>Key</dt>
          <dd className="mono">{bundle.keyId.match(/.{1,4}/g)!.join(' ')}</dd>
          <dt>Created</dt>
          <dd>{instant(bundle.created)}</dd>
          <dt>Expires</dt>
          <dd>
            {instant(bundle.expires)}
            {bundle.expired ? <strong className="warn"> (expired)</strong> : null}
          </dd>
          <dt>Data as of</dt>
          <dd>{bundle.dataAsOf}</dd>
        </dl>
      ) : (
        <>
          <p className="warn" role="note">
            <strong>Not signed.</strong> Nothing proves who published this file or that it is unchanged; the
            records it adds are marked as coming from an unsigned file.
          </p>
          <dl className="facts">
            <dt>File</dt>
            <dd>{bundle.fileName}</dd>
            <dt>Read as</dt>
            <dd>{bundle.publisher}</dd>
            <dt>Fingerprint</dt>
            <dd className="mono">{bundle.bundleId.replace(/^file:/, 'SHA-256 ')}</dd>
          </dl>
        </>
      )}
      {preview.warnings.map((warning) => (
        <p key={warning} className="warn" role="note">
          {warning}
        </p>
      ))}
      {preview.alreadyImported ? null : (
        <>
          <table aria-label="Changes by type" className="compact">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">New</th>
                <th scope="col">Changed</th>
                <th scope="col">Retired</th>
                <th scope="col">Unchanged</th>
              </tr>
            </thead>
            <tbody>
              {preview.counts.map((c) => (
                <tr key={c.type}>
                  <th scope="row">{c.type}</th>
                  <td>{c.new}</td>
                  <td>{c.changed}</td>
                  <td>{c.retired}</td>
                  <td>{c.unchanged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {changed.length > 0 ? (
            <table aria-label="Field changes" className="compact">
              <caption>Changed records: each field before → after</caption>
              <thead>
                <tr>
                  <th scope="col">Record</th>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {changed.flatMap((change) =>
                  change.fields.map((field) => (
                    <tr key={`${change.type}:${change.id}:${field.field}`}>
                      <td>
                        {change.type} <strong>{change.label}</strong>
                      </td>
                      <td>{field.field}</td>
                      <td className="before">{show(field.before)}</td>
                      <td className="after">{show(field.after)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          ) : null}
          <RecordList title="New records" changes={added} />
          <RecordList title="Retired records" changes={retired} />
          {preview.totalChanges > preview.changes.length ? (
            <p className="status">
              Showing the first {preview.changes.length} of {preview.totalChanges} changes.
            </p>
          ) : null}
        </>
      )}
    </section>
  )
}

function RecordList({ title, changes }: { title: string; changes: ImportPreview['changes'] }) {
  if (changes.length === 0) return null
  return (
    <details>
      <summary>
        {title} ({changes.length})
      </summary>
      <ul>
        {changes.map((c) => (
          <li key={`${c.type}:${c.id}`}>
            {c.type} <strong>{c.label}</strong> <span className="mono">{c.id}</span>
          </li>
        ))}
      </ul>
    </details>
  )
}

import type { ImportHistoryEntry, ImportPreview, TrustedKey } from '../../shared/updates'
import type { VerifiedBundle } from '../bundles/bundle-reader'
import { formatFingerprint } from '../bundles/keys'

const TEXT_CHANGE_LIMIT = 50

function show(value: unknown): string {
  if (value === null || value === undefined) return '(empty)'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 100 ? `${text.slice(0, 99)}…` : text
}

export function formatVerified(bundle: VerifiedBundle): string {
  const m = bundle.manifest
  return [
    `Valid bundle from ${m.publisher}, sequence ${m.sequence}.`,
    `Key:        ${formatFingerprint(m.keyId)}`,
    `Created:    ${m.created}`,
    `Expires:    ${m.expires}${bundle.expired ? '  (EXPIRED)' : ''}`,
    `Data as of: ${m.dataAsOf}`,
    `Payloads:   ${m.payloads.map((p) => p.path).join(', ')}`,
    `Operations: ${bundle.operations.length}`,
    ...bundle.warnings.map((w) => `Warning: ${w}`),
  ].join('\n')
}

export function formatPreview(preview: ImportPreview): string {
  const b = preview.bundle
  const lines = [
    `Bundle from ${b.publisher}, sequence ${b.sequence}, data as of ${b.dataAsOf}${b.fileName ? ` (${b.fileName})` : ''}.`,
  ]
  if (preview.alreadyImported) return [...lines, 'Already imported; nothing to do.'].join('\n')
  lines.push('', 'type          new  changed  retired  unchanged')
  for (const c of preview.counts) {
    lines.push(
      `${c.type.padEnd(12)}${String(c.new).padStart(5)}${String(c.changed).padStart(9)}${String(c.retired).padStart(9)}${String(c.unchanged).padStart(11)}`,
    )
  }
  const changed = preview.changes.filter((c) => c.kind === 'changed')
  if (changed.length > 0) lines.push('', 'Changed records:')
  for (const change of changed.slice(0, TEXT_CHANGE_LIMIT)) {
    lines.push(`  ${change.type} ${change.id} (${change.label})`)
    for (const f of change.fields) lines.push(`    ${f.field}: ${show(f.before)} → ${show(f.after)}`)
  }
  if (changed.length > TEXT_CHANGE_LIMIT)
    lines.push(`  … and ${changed.length - TEXT_CHANGE_LIMIT} more (use --json for all)`)
  const retired = preview.changes.filter((c) => c.kind === 'retired')
  if (retired.length > 0)
    lines.push(
      '',
      'Retired records:',
      ...retired.slice(0, TEXT_CHANGE_LIMIT).map((c) => `  ${c.type} ${c.id} (${c.label})`),
    )
  for (const w of preview.warnings) lines.push(`Warning: ${w}`)
  return lines.join('\n')
}

export function formatHistory(entries: ImportHistoryEntry[]): string {
  if (entries.length === 0) return 'No imports yet.'
  return entries
    .map((e) => {
      const totals = e.counts.reduce(
        (sum, c) => ({
          new: sum.new + c.new,
          changed: sum.changed + c.changed,
          retired: sum.retired + c.retired,
        }),
        { new: 0, changed: 0, retired: 0 },
      )
      const status = e.status === 'undone' ? `undone ${e.undoneAt}` : 'applied'
      return `${String(e.id).padEnd(5)}${e.importedAt}  ${e.publisher} #${e.sequence}  ${totals.new} new, ${totals.changed} changed, ${totals.retired} retired  [${status}]`
    })
    .join('\n')
}

export function formatTrustedKeys(keys: TrustedKey[]): string {
  if (keys.length === 0) return 'No trusted keys. Add a publisher\'s public key with "trust add FILE.pub".'
  return keys
    .map(
      (k) =>
        `${k.publisher}\n  ${formatFingerprint(k.fingerprint)}\n  valid until ${k.expires}${k.expired ? ' (EXPIRED)' : ''}, added ${k.addedAt}`,
    )
    .join('\n')
}

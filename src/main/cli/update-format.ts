import type { ImportMatching, ImportHistoryEntry, ImportPreview, TrustedKey } from '../../shared/updates'
import type { BundleIdentity } from '../bundles/bundle-reader'
import { formatFingerprint } from '../bundles/keys'

const TEXT_CHANGE_LIMIT = 50

function show(value: unknown): string {
  if (value === null || value === undefined) return '(empty)'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 100 ? `${text.slice(0, 99)}…` : text
}

export function formatVerified(bundle: BundleIdentity & { operationCount: number }): string {
  const m = bundle.manifest
  return [
    `Valid bundle from ${m.publisher}, sequence ${m.sequence}.`,
    `Key:        ${formatFingerprint(m.keyId)}`,
    `Created:    ${m.created}`,
    `Expires:    ${m.expires}${bundle.expired ? '  (EXPIRED)' : ''}`,
    `Data as of: ${m.dataAsOf}`,
    `Payloads:   ${m.payloads.map((p) => p.path).join(', ')}`,
    `Operations: ${bundle.operationCount}`,
    ...bundle.warnings.map((w) => `Warning: ${w}`),
  ].join('\n')
}

export function formatPreview(preview: ImportPreview): string {
  const b = preview.bundle
  const lines = [
    b.signed
      ? `Bundle from ${b.publisher}, sequence ${b.sequence}, data as of ${b.dataAsOf}${b.fileName ? ` (${b.fileName})` : ''}.`
      : `${b.fileName ?? 'File'}: ${b.publisher} — NOT SIGNED.`,
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
  if (preview.matching) lines.push(...formatMatching(preview.matching))
  if (preview.conflicts.length > 0)
    lines.push(
      '',
      "Conflicts with your edits (keep yours with --keep-mine, take the update's with --take-theirs):",
      ...preview.conflicts.map((c) =>
        c.field === null
          ? `  ${c.type} ${c.id} (${c.label}): the update removes it`
          : `  ${c.type} ${c.id} (${c.label}) ${c.field}: yours ${show(c.mine)}, the update's ${show(c.theirs)}`,
      ),
    )
  for (const w of preview.warnings) lines.push(`Warning: ${w}`)
  return lines.join('\n')
}

/** Which listed parties were recognised as known entities, and which need the user's decision. */
function formatMatching(matching: ImportMatching): string[] {
  const lines = [
    '',
    `${matching.entries} listed ${matching.entries === 1 ? 'party' : 'parties'} (${matching.imported.map((l) => `${l.list}: ${l.entries}`).join('; ')}).`,
  ]
  if (matching.mergedCount > 0) {
    lines.push(`Recognised as entities already known (${matching.mergedCount}):`)
    for (const m of matching.merged.slice(0, TEXT_CHANGE_LIMIT)) {
      lines.push(
        `  ${m.entry}: "${m.incoming}" → ${m.entityId} (${m.entityName}${m.inStore ? '' : ', from this file'}): ${m.reasons.join('; ')}`,
      )
    }
    if (matching.mergedCount > TEXT_CHANGE_LIMIT)
      lines.push(`  … and ${matching.mergedCount - TEXT_CHANGE_LIMIT} more (use --json for all)`)
  }
  if (matching.ambiguousCount > 0) {
    lines.push(
      `Possible matches to decide (${matching.ambiguousCount}); each is added as a new entity unless you pass --merge "ENTRY=ENTITY_ID":`,
    )
    for (const a of matching.ambiguous.slice(0, TEXT_CHANGE_LIMIT)) {
      lines.push(`  ${a.entry}: "${a.incoming}" (${a.country ?? 'country not given'}) could be:`)
      for (const c of a.candidates)
        lines.push(
          `    ${c.entityId} (${c.entityName}, ${c.country ?? 'country not recorded'}): ${c.reasons.join('; ')}`,
        )
    }
  }
  return lines
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

import type { EntitySummary } from '../../../shared/domain'

/** The cells of one entity as the table shows them, keyed by column id. */
const CELL_TEXT: Record<string, (row: EntitySummary) => string> = {
  name: (row) => row.primaryName,
  originalName: (row) => row.originalName ?? '',
  aliases: (row) => row.aliases.join('; '),
  country: (row) => row.country ?? '',
  type: (row) => row.type,
  sectors: (row) => row.sectors.join(', '),
  rounds: (row) => row.rounds.map((round) => round.label).join('; '),
  firstAdded: (row) => row.firstAdded ?? '',
  latestAction: (row) => row.latestAction ?? '',
  reactionCount: (row) => String(row.reactionCount),
}

/**
 * Rows as tab-separated text with a header line, the shown columns in table order: pasted into a
 * spreadsheet or a document it lands as a table. Tabs and line breaks inside values become spaces.
 */
export function rowsAsTsv(rows: EntitySummary[], columns: { id: string; label: string }[]): string {
  const shown = columns.filter((column) => column.id in CELL_TEXT)
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ')
  return [
    shown.map((column) => column.label).join('\t'),
    ...rows.map((row) => shown.map((column) => clean(CELL_TEXT[column.id](row))).join('\t')),
  ].join('\n')
}

/** Puts text on the clipboard: the Clipboard API where allowed, else the selection-copy fallback. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    // A denied clipboard permission (the desktop shell denies every permission) falls through.
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.className = 'visually-hidden'
  document.body.append(area)
  area.select()
  const copied = document.execCommand('copy')
  area.remove()
  if (!copied) throw new Error('The clipboard is not available here.')
}

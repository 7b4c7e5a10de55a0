/** How each column's value reads as plain text, keyed by column id. */
export type CellText<Row> = Record<string, (row: Row) => string>

/**
 * Rows as tab-separated text with a header line, the shown columns in table order: pasted into a
 * spreadsheet or a document it lands as a table. Tabs and line breaks inside values become spaces.
 */
export function rowsAsTsv<Row>(
  rows: Row[],
  columns: { id: string; label: string }[],
  cellText: CellText<Row>,
): string {
  const shown = columns.filter((column) => column.id in cellText)
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ')
  return [
    shown.map((column) => column.label).join('\t'),
    ...rows.map((row) => shown.map((column) => clean(cellText[column.id](row))).join('\t')),
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

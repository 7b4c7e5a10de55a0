/**
 * CSV as spreadsheets read it (RFC 4180): fields quoted when they hold a comma, quote or line break,
 * quotes doubled, CRLF line ends. A field that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return at the start) is prefixed with an apostrophe, so opening an export runs nothing.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function csvField(value: string | number | null): string {
  if (value === null) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

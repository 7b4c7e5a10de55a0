import { CsvRowReader } from './csv-rows'
import { ImportError } from './import-error'

/** Text fed to the CSV parser per step: a 50 MB file is parsed without an array of all its rows. */
const CHUNK_CHARS = 64 * 1024

const OTHER_DELIMITERS: [string, string][] = [
  [';', 'semicolons'],
  ['\t', 'tabs'],
  ['|', 'vertical bars'],
]

export interface CsvRecord {
  line: number
  values: Record<string, string>
}

/**
 * Reads a CSV whose first row names its columns, checking that every `required` column is there, and
 * calls `onRecord` per data row. A file that uses another delimiter, or lacks a required column, is
 * refused as a whole with a message naming what is wrong; a row with an oversized cell is skipped
 * and reported.
 */
export function readCsvTable(
  text: string,
  fileName: string,
  required: readonly string[],
  onRecord: (record: CsvRecord) => void,
  warnings: string[],
): string[] {
  const reader = new CsvRowReader(',')
  let header: string[] | null = null
  const handle = (rows: ReturnType<CsvRowReader['push']>) => {
    for (const row of rows) {
      if (row.cells.every((cell) => cell.trim() === '')) continue
      if (!header) {
        header = checkHeader(row.cells, fileName, required)
        continue
      }
      if (row.oversized) {
        warnings.push(`${fileName} line ${row.line}: a cell holds more than 100,000 characters; row skipped`)
        continue
      }
      const values: Record<string, string> = {}
      header.forEach((column, index) => {
        if (column) values[column] = row.cells[index] ?? ''
      })
      onRecord({ line: row.line, values })
    }
  }
  for (let start = 0; start < text.length; start += CHUNK_CHARS)
    handle(reader.push(text.slice(start, start + CHUNK_CHARS)))
  handle(reader.end())
  if (!header) throw new ImportError(`${fileName} is empty: no header row.`)
  return header
}

function checkHeader(cells: string[], fileName: string, required: readonly string[]): string[] {
  const header = cells.map((cell) => cell.trim().replace(/^\ufeff/, ''))
  if (header.length === 1) {
    const other = OTHER_DELIMITERS.find(([delimiter]) => header[0].includes(delimiter))
    if (other) {
      throw new ImportError(
        `${fileName} line 1: the columns are separated by ${other[1]}, not commas; save the file as comma-separated CSV.`,
      )
    }
  }
  const seen = new Map<string, number>()
  header.forEach((column, index) => {
    const key = column.toLowerCase()
    if (!key) return
    const first = seen.get(key)
    if (first !== undefined) {
      throw new ImportError(
        `${fileName} line 1: the column "${column}" appears twice (columns ${first + 1} and ${index + 1}); ` +
          'which one holds the data is unclear, so nothing was read.',
      )
    }
    seen.set(key, index)
  })
  const present = new Set(seen.keys())
  const missing = required.filter((column) => !present.has(column.toLowerCase()))
  if (missing.length > 0) {
    throw new ImportError(
      `${fileName} line 1: missing required column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}.`,
    )
  }
  // Columns are looked up by their documented spelling whatever the file's case.
  const canonical = new Map(required.map((column) => [column.toLowerCase(), column]))
  return header.map((column) => canonical.get(column.toLowerCase()) ?? column)
}

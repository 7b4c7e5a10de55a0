import { ImportError } from './import-error'

/** One parsed CSV record with the line it starts on, for messages a user can act on. */
export interface CsvRow {
  line: number
  cells: string[]
}

/** Longer cells are cut from the row and reported; no field of ours holds more than 20,000 characters. */
export const MAX_CELL_CHARS = 100_000

/**
 * An RFC 4180 CSV parser that takes text in chunks, so a 50 MB file is never held as one string of rows:
 * quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF or LF. A cell over
 * MAX_CELL_CHARS is truncated and flagged on its row (`oversized`) rather than growing without bound.
 */
export class CsvRowReader {
  private cells: string[] = []
  private cell = ''
  private inQuotes = false
  /** A quote seen inside a quoted field: either the closing quote or the first of a doubled pair. */
  private quotePending = false
  private line = 1
  private rowLine = 1
  private oversized = false
  private afterCr = false

  constructor(private readonly delimiter = ',') {}

  /** Feeds the next piece of text; returns the rows it completed. */
  push(text: string): (CsvRow & { oversized: boolean })[] {
    const rows: (CsvRow & { oversized: boolean })[] = []
    for (let i = 0; i < text.length; i += 1) {
      const char = text[i]
      if (this.afterCr) {
        this.afterCr = false
        if (char === '\n') continue
      }
      if (this.quotePending) {
        this.quotePending = false
        if (char === '"') {
          this.append('"')
          continue
        }
        this.inQuotes = false
      }
      if (this.inQuotes) {
        if (char === '"') this.quotePending = true
        else {
          if (char === '\n') this.line += 1
          this.append(char)
        }
        continue
      }
      if (char === '"' && this.cell === '') this.inQuotes = true
      else if (char === this.delimiter) this.endCell()
      else if (char === '\n' || char === '\r') {
        this.afterCr = char === '\r'
        rows.push(this.endRow())
        this.line += 1
        this.rowLine = this.line
      } else this.append(char)
    }
    return rows
  }

  /** Ends the input; returns the last row if the text did not end with a line break. */
  end(): (CsvRow & { oversized: boolean })[] {
    if (this.inQuotes && !this.quotePending) {
      throw new ImportError(`The CSV ends inside a quoted field that starts on line ${this.rowLine}.`)
    }
    if (this.cells.length === 0 && this.cell === '') return []
    return [this.endRow()]
  }

  private append(char: string): void {
    if (this.cell.length < MAX_CELL_CHARS) this.cell += char
    else this.oversized = true
  }

  private endCell(): void {
    this.cells.push(this.cell)
    this.cell = ''
  }

  private endRow(): CsvRow & { oversized: boolean } {
    this.endCell()
    const row = { line: this.rowLine, cells: this.cells, oversized: this.oversized }
    this.cells = []
    this.oversized = false
    return row
  }
}

/** Parses a whole text (tests, small files); large files go through CsvRowReader chunk by chunk. */
export function parseCsv(text: string, delimiter = ','): (CsvRow & { oversized: boolean })[] {
  const reader = new CsvRowReader(delimiter)
  return [...reader.push(text), ...reader.end()].filter((row) => row.cells.some((cell) => cell !== ''))
}

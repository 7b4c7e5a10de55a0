import { BIS_CSV_COLUMNS, readBisCsv } from './bis-reader'
import { CSL_CSV_COLUMNS, readCslCsv, readCslJson } from './csl-reader'
import { decodedLines, decodeText } from './decode-text'
import { readFtm } from './ftm-reader'
import { ImportError } from './import-error'
import type { ParsedSource, SourceFormat } from './source-entry'

export type UpdateFormat = 'bundle' | SourceFormat
export const IMPORT_FORMATS = ['auto', 'bundle', 'csl', 'bis', 'ftm'] as const
export type RequestedFormat = (typeof IMPORT_FORMATS)[number]

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** What a file is, decided by its content (never its name): a bundle, a CSL, a BIS CSV or FtM lines. */
export function detectFormat(bytes: Buffer, fileName: string): UpdateFormat {
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'bundle'
  const head = decodeText(bytes.subarray(0, 64 * 1024))
    .text.replace(/^\ufeff/, '')
    .trimStart()
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0]
    try {
      const first = JSON.parse(firstLine) as Record<string, unknown>
      if (typeof first.schema === 'string' && typeof first.properties === 'object') return 'ftm'
    } catch {
      // Not one object per line: a whole JSON document, checked below.
    }
    if (/"results"\s*:\s*\[/.test(head)) return 'csl'
    throw new ImportError(
      `${fileName} is JSON but neither a CSL export (with a "results" list) nor FollowTheMoney entities (one object with "schema" and "properties" per line).`,
    )
  }
  return detectCsv(head.split(/\r?\n/, 1)[0], fileName)
}

/** The CSV lists the app reads, each with the columns that tell it apart and the columns it needs. */
const CSV_KINDS = [
  {
    format: 'csl',
    name: 'a Consolidated Screening List CSV',
    marks: ['federal_register_notice', 'alt_names'],
    columns: CSL_CSV_COLUMNS,
  },
  {
    format: 'bis',
    name: 'a BIS Entity List CSV',
    marks: ['source list', 'alternate name'],
    columns: BIS_CSV_COLUMNS,
  },
] as const

/**
 * A CSV's kind by its header. One that shares columns with a kind but lacks what marks it is named as
 * resembling that kind, with the columns it lacks; any refusal quotes the header it found.
 */
function detectCsv(headerLine: string, fileName: string): UpdateFormat {
  const header = headerLine.split(',').map((cell) => cell.trim().replace(/^"|"$/g, '').trim().toLowerCase())
  const present = new Set(header)
  const found = headerLine.length > 300 ? `${headerLine.slice(0, 300)}…` : headerLine
  for (const kind of CSV_KINDS) if (kind.marks.every((column) => present.has(column))) return kind.format
  const resemblance = CSV_KINDS.map((kind) => {
    const wanted = [...new Set([...kind.columns.map((c) => c.toLowerCase()), ...kind.marks])]
    return {
      kind,
      shared: wanted.filter((c) => present.has(c)),
      missing: wanted.filter((c) => !present.has(c)),
    }
  }).sort((a, b) => b.shared.length - a.shared.length)[0]
  if (resemblance.shared.length >= 2) {
    const { kind, missing } = resemblance
    throw new ImportError(
      `${fileName} looks like ${kind.name} but lacks the column${missing.length > 1 ? 's' : ''} ` +
        `${missing.map((c) => `"${c}"`).join(', ')} that it needs. ` +
        `Its header is: ${found}`,
    )
  }
  throw new ImportError(
    `${fileName} is not a file the app can import: expected an update bundle, a Consolidated Screening List (CSV or JSON), a BIS Entity List CSV, or FollowTheMoney JSON lines. Its first line is: ${found}`,
  )
}

/** Reads a published list in the given (or detected) format; `source` keeps one CSL source list. */
export function readSource(
  bytes: Buffer,
  fileName: string,
  format: SourceFormat,
  options: { source?: string } = {},
): ParsedSource {
  const { latin1Lines, ...parsed } = readAs(bytes, fileName, format, options.source)
  if (latin1Lines.length > 0) {
    parsed.warnings.unshift(
      `${fileName}: ${latin1Lines.length} line${latin1Lines.length > 1 ? 's were' : ' was'} not UTF-8 and ${latin1Lines.length > 1 ? 'were' : 'was'} read as Windows-1252 (line${latin1Lines.length > 1 ? 's' : ''} ${latin1Lines.slice(0, 10).join(', ')}${latin1Lines.length > 10 ? ', …' : ''})`,
    )
  }
  if (options.source && format !== 'csl') {
    throw new ImportError(
      `--source chooses one list of a Consolidated Screening List; ${fileName} is ${format.toUpperCase()}.`,
    )
  }
  if (parsed.entries.length === 0) throw nothingToImport(fileName, parsed.warnings)
  return parsed
}

function readAs(
  bytes: Buffer,
  fileName: string,
  format: SourceFormat,
  source: string | undefined,
): ParsedSource & { latin1Lines: number[] } {
  if (format === 'ftm') {
    const latin1Lines: number[] = []
    return { ...readFtm(decodedLines(bytes, latin1Lines), fileName), latin1Lines }
  }
  const { text: decoded, latin1Lines } = decodeText(bytes)
  const text = decoded.replace(/^\ufeff/, '')
  if (format === 'bis') return { ...readBisCsv(text, fileName), latin1Lines }
  return {
    ...(text.trimStart().startsWith('{')
      ? readCslJson(text, fileName, source)
      : readCslCsv(text, fileName, source)),
    latin1Lines,
  }
}

/** The refusal for a file with no party to import (a header only, or every row skipped), with why. */
function nothingToImport(fileName: string, warnings: string[]): ImportError {
  const shown = warnings.slice(0, 20)
  const more = warnings.length > shown.length ? `\n… and ${warnings.length - shown.length} more.` : ''
  const why = shown.length > 0 ? ` Every row was skipped:\n${shown.join('\n')}${more}` : ' It has no rows.'
  return new ImportError(`${fileName} has nothing to import; nothing was changed.${why}`)
}

import { readBisCsv } from './bis-reader'
import { readCslCsv, readCslJson } from './csl-reader'
import { decodeText } from './decode-text'
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
  const header = head.split(/\r?\n/, 1)[0].toLowerCase()
  if (header.includes('federal_register_notice') && header.includes('alt_names')) return 'csl'
  if (header.includes('source list') && header.includes('alternate name')) return 'bis'
  throw new ImportError(
    `${fileName} is not a file the app can import: expected an update bundle, a Consolidated Screening List (CSV or JSON), a BIS Entity List CSV, or FollowTheMoney JSON lines.`,
  )
}

/** Reads a published list in the given (or detected) format; `source` keeps one CSL source list. */
export function readSource(
  bytes: Buffer,
  fileName: string,
  format: SourceFormat,
  options: { source?: string } = {},
): ParsedSource {
  const { text, latin1Lines } = decodeText(bytes)
  const parsed = readAs(text.replace(/^\ufeff/, ''), fileName, format, options.source)
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
  return parsed
}

function readAs(
  text: string,
  fileName: string,
  format: SourceFormat,
  source: string | undefined,
): ParsedSource {
  if (format === 'bis') return readBisCsv(text, fileName)
  if (format === 'ftm') return readFtm(text, fileName)
  return text.trimStart().startsWith('{')
    ? readCslJson(text, fileName, source)
    : readCslCsv(text, fileName, source)
}

import { isUtf8 } from 'node:buffer'
import { fastSafeParse } from '../records/fast-parse'
import { BundleError } from './bundle-error'
import {
  correctionValueProblem,
  BUNDLE_LIMITS,
  operationSchemas,
  RECORD_TYPES,
  type LocatedOperation,
  type Operation,
  type RecordType,
} from './bundle-format'

type OperationKind = keyof typeof operationSchemas
type OperationParse = ReturnType<typeof fastSafeParse<(typeof operationSchemas)[OperationKind][RecordType]>>

/** Each operation schema behind its fast parser: a 100,000-entity bundle is checked line by line. */
const operationParsers = Object.fromEntries(
  Object.entries(operationSchemas).map(([kind, byType]) => [
    kind,
    Object.fromEntries(RECORD_TYPES.map((type) => [type, fastSafeParse(byType[type])])),
  ]),
) as Record<OperationKind, Record<RecordType, OperationParse>>

const NEWLINE = 0x0a

/**
 * Parses JSON Lines as the bytes arrive, a piece at a time, so a large payload is never held whole:
 * each valid operation goes to `take`, and the first bad line is refused with its file and line number.
 *
 * Lines are found in the bytes (a line break byte never occurs inside a UTF-8 character) and each is
 * decoded on its own, so a line of plain ASCII becomes a one-byte string even when its neighbours hold
 * Chinese; decoding large pieces whole made every line two-byte, and decoding and JSON.parse slower.
 */
export class PayloadLineParser {
  /** The start of a line whose end has not arrived yet, in pieces (joined once it has). */
  private partial: Buffer[] = []
  /** How long that start is in UTF-16 code units, as string lengths (and the line limit) count. */
  private partialLength = 0
  private lineNumber = 0

  constructor(
    private readonly file: string,
    private readonly take: (located: LocatedOperation) => void,
  ) {}

  push(bytes: Buffer): void {
    let start = 0
    for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
      if (this.partial.length > 0) {
        this.partial.push(bytes.subarray(start, end))
        this.line(Buffer.concat(this.partial))
        this.partial = []
        this.partialLength = 0
      } else {
        this.line(bytes.subarray(start, end))
      }
      start = end + 1
    }
    if (start < bytes.length) {
      const rest = bytes.subarray(start)
      this.partialLength += utf16Length(rest)
      // A line is refused as soon as it is too long, before more of it is kept.
      if (this.partialLength > BUNDLE_LIMITS.maxLineChars) this.tooLong(this.lineNumber + 1)
      // Copied: a view would keep the whole piece it came from (a megabyte) alive.
      this.partial.push(Buffer.from(rest))
    }
  }

  /** The last line, when the payload does not end with a line break. */
  end(): void {
    if (this.partial.length > 0) this.line(Buffer.concat(this.partial))
    this.partial = []
    this.partialLength = 0
  }

  private tooLong(lineNumber: number): never {
    throw new BundleError(
      'invalid-payload',
      `${this.file} line ${lineNumber}: longer than ${BUNDLE_LIMITS.maxLineChars.toLocaleString('en-US')} characters.`,
    )
  }

  private line(bytes: Buffer): void {
    this.lineNumber += 1
    if (!isUtf8(bytes))
      throw new BundleError('invalid-payload', `${this.file} line ${this.lineNumber}: not valid UTF-8.`)
    let raw = bytes.toString('utf8')
    if (raw.length > BUNDLE_LIMITS.maxLineChars) this.tooLong(this.lineNumber)
    // A byte order mark at the start of the file, as editors on Windows write it, is not part of the data.
    if (this.lineNumber === 1 && raw.startsWith('\uFEFF')) raw = raw.slice(1)
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') return
    const where = `${this.file} line ${this.lineNumber}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new BundleError('invalid-payload', `${where}: not valid JSON (${(error as Error).message}).`)
    }
    this.take({ operation: parseOperation(value, where), file: this.file, line: this.lineNumber })
  }
}

/**
 * The UTF-16 length of UTF-8 bytes: one unit per character, two for those beyond the first 65,536
 * (lead byte 0xF0 or more); continuation bytes (0x80-0xBF) add nothing.
 */
function utf16Length(bytes: Buffer): number {
  let length = 0
  for (const byte of bytes) {
    if (byte < 0x80 || byte >= 0xc0) length += byte >= 0xf0 ? 2 : 1
  }
  return length
}

/** Parses a whole JSON Lines payload held in memory (bundles being written, test data). */
export function parsePayloadLines(file: string, content: Buffer): LocatedOperation[] {
  const operations: LocatedOperation[] = []
  const parser = new PayloadLineParser(file, (located) => operations.push(located))
  parser.push(content)
  parser.end()
  return operations
}

/** Picks the schema from the operation's own "op" and "type" before validating: one schema, not a union. */
function parseOperation(value: unknown, where: string): Operation {
  const candidate = value as { op?: unknown; type?: unknown } | null
  const byType =
    typeof candidate?.op === 'string' && Object.hasOwn(operationParsers, candidate.op)
      ? operationParsers[candidate.op as OperationKind]
      : undefined
  const parse =
    byType && typeof candidate?.type === 'string' && Object.hasOwn(byType, candidate.type)
      ? byType[candidate.type as RecordType]
      : undefined
  if (!parse) {
    const what = !byType
      ? `op: expected one of ${Object.keys(operationSchemas).join(', ')}`
      : 'type: expected one of source, round, entity, designation, reaction'
    throw new BundleError('invalid-payload', `${where}: ${what}.`)
  }
  const parsed = parse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BundleError(
      'invalid-payload',
      `${where}: ${issue.path.join('.') || '(operation)'}: ${issue.message}.`,
    )
  }
  const operation = parsed.data as Operation
  const problem = operation.op === 'correct' ? correctionValueProblem(operation) : null
  if (problem) throw new BundleError('invalid-payload', `${where}: ${problem}.`)
  return operation
}

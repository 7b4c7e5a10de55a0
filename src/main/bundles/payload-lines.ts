import { BundleError } from './bundle-error'
import { BUNDLE_LIMITS, operationSchemas, type LocatedOperation, type Operation } from './bundle-format'

/**
 * Parses JSON Lines as the text arrives, a piece at a time, so a large payload is never held whole
 * (as bytes, then as one string): operations go to `into`, and the first bad line is refused with its
 * file and line number.
 */
export class PayloadLineParser {
  /** The start of a line whose end has not arrived yet, in pieces (joined once it has). */
  private partial: string[] = []
  private partialLength = 0
  private lineNumber = 0

  constructor(
    private readonly file: string,
    private readonly into: LocatedOperation[],
  ) {}

  push(text: string): void {
    let start = 0
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const piece = text.slice(start, end)
      if (this.partial.length > 0) {
        this.partial.push(piece)
        this.line(this.partial.join(''))
        this.partial = []
        this.partialLength = 0
      } else {
        this.line(piece)
      }
      start = end + 1
    }
    if (start < text.length) {
      const rest = text.slice(start)
      this.partialLength += rest.length
      // A line is refused as soon as it is too long, before more of it is kept.
      if (this.partialLength > BUNDLE_LIMITS.maxLineChars) this.tooLong(this.lineNumber + 1)
      this.partial.push(rest)
    }
  }

  /** The last line, when the text does not end with a line break. */
  end(): void {
    if (this.partial.length > 0) this.line(this.partial.join(''))
    this.partial = []
    this.partialLength = 0
  }

  private tooLong(lineNumber: number): never {
    throw new BundleError(
      'invalid-payload',
      `${this.file} line ${lineNumber}: longer than ${BUNDLE_LIMITS.maxLineChars.toLocaleString('en-US')} characters.`,
    )
  }

  private line(raw: string): void {
    this.lineNumber += 1
    if (raw.length > BUNDLE_LIMITS.maxLineChars) this.tooLong(this.lineNumber)
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') return
    const where = `${this.file} line ${this.lineNumber}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new BundleError('invalid-payload', `${where}: not valid JSON (${(error as Error).message}).`)
    }
    this.into.push({ operation: parseOperation(value, where), file: this.file, line: this.lineNumber })
  }
}

/** Decodes payload bytes as strict UTF-8 as they arrive (a character may be split between pieces). */
export class StrictUtf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true })

  constructor(private readonly file: string) {}

  decode(bytes: Uint8Array, final = false): string {
    try {
      return this.decoder.decode(bytes, { stream: !final })
    } catch {
      throw new BundleError('invalid-payload', `${this.file} is not valid UTF-8.`)
    }
  }
}

/** Parses a whole JSON Lines payload held in memory (bundles being written, test data). */
export function parsePayloadLines(file: string, content: Buffer): LocatedOperation[] {
  const operations: LocatedOperation[] = []
  const parser = new PayloadLineParser(file, operations)
  parser.push(new StrictUtf8Decoder(file).decode(content, true))
  parser.end()
  return operations
}

/** Picks the schema from the operation's own "op" and "type" before validating: one schema, not a union. */
function parseOperation(value: unknown, where: string): Operation {
  const candidate = value as { op?: unknown; type?: unknown } | null
  const byType =
    typeof candidate?.op === 'string'
      ? operationSchemas[candidate.op as keyof typeof operationSchemas]
      : undefined
  const schema =
    byType && typeof candidate?.type === 'string' ? byType[candidate.type as keyof typeof byType] : undefined
  if (!schema) {
    const what = !byType
      ? `op: expected one of ${Object.keys(operationSchemas).join(', ')}`
      : 'type: expected one of source, round, entity, designation, reaction'
    throw new BundleError('invalid-payload', `${where}: ${what}.`)
  }
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new BundleError(
      'invalid-payload',
      `${where}: ${issue.path.join('.') || '(operation)'}: ${issue.message}.`,
    )
  }
  return parsed.data as Operation
}

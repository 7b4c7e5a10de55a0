import { isUtf8 } from 'node:buffer'
import { BundleError } from './bundle-error'
import { operationSchemas, type LocatedOperation, type Operation } from './bundle-format'

/** Parses a JSON Lines payload into operations, naming file and line for the first bad one. */
export function parsePayloadLines(file: string, content: Buffer): LocatedOperation[] {
  // isUtf8 checks strictly (like a fatal TextDecoder) and much faster on large payloads.
  if (!isUtf8(content)) throw new BundleError('invalid-payload', `${file} is not valid UTF-8.`)
  const text = content.toString('utf8')
  const operations: LocatedOperation[] = []
  // Walk the text line by line instead of splitting it: a large payload is not held twice.
  let start = 0
  for (let lineNumber = 1; start < text.length; lineNumber++) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const line = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end)
    start = end + 1
    if (line.trim() === '') continue
    const where = `${file} line ${lineNumber}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new BundleError('invalid-payload', `${where}: not valid JSON (${(error as Error).message}).`)
    }
    operations.push({ operation: parseOperation(value, where), file, line: lineNumber })
  }
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

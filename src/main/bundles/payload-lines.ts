import { isUtf8 } from 'node:buffer'
import { BundleError } from './bundle-error'
import { operationSchema, type LocatedOperation } from './bundle-format'

/** Parses a JSON Lines payload into operations, naming file and line for the first bad one. */
export function parsePayloadLines(file: string, content: Buffer): LocatedOperation[] {
  // isUtf8 checks strictly (like a fatal TextDecoder) and much faster on large payloads.
  if (!isUtf8(content)) throw new BundleError('invalid-payload', `${file} is not valid UTF-8.`)
  const text = content.toString('utf8')
  const operations: LocatedOperation[] = []
  const lines = text.split('\n')
  lines.forEach((rawLine, index) => {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (line.trim() === '') return
    const where = `${file} line ${index + 1}`
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new BundleError('invalid-payload', `${where}: not valid JSON (${(error as Error).message}).`)
    }
    const parsed = operationSchema.safeParse(value)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new BundleError(
        'invalid-payload',
        `${where}: ${issue.path.join('.') || '(operation)'}: ${issue.message}.`,
      )
    }
    operations.push({ operation: parsed.data, file, line: index + 1 })
  })
  return operations
}

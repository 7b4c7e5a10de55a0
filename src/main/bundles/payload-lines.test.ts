import { describe, expect, it } from 'vitest'
import { sampleOperations } from '../test-support/bundle-fixtures'
import type { LocatedOperation } from './bundle-format'
import { parsePayloadLines, PayloadLineParser } from './payload-lines'

const payload = Buffer.from(
  sampleOperations()
    .map((op) => JSON.stringify(op))
    .join('\r\n') + '\n\n',
)

/** Feeds the bytes in pieces of `size`, as a stream would. */
function parseInPieces(bytes: Buffer, size: number): LocatedOperation[] {
  const operations: LocatedOperation[] = []
  const parser = new PayloadLineParser('payload/data.jsonl', (located) => operations.push(located))
  for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size))
  parser.end()
  return operations
}

describe('payload lines read as a stream', () => {
  it('gives the same operations and line numbers however the bytes are cut, mid-line or mid-character', () => {
    const whole = parsePayloadLines('payload/data.jsonl', payload)
    expect(whole.map((op) => op.line)).toEqual(sampleOperations().map((_, at) => at + 1))
    // The sample holds Chinese text: pieces of 1 to 7 bytes cut its three-byte characters apart.
    expect(payload.toString('utf8')).toMatch(/\p{Script=Han}/u)
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) expect(parseInPieces(payload, size)).toEqual(whole)
  })

  it("counts a line's length in characters, as strings do, whatever their size in bytes", () => {
    // 400,000 three-byte characters: 1.2 MB but 400,000 characters, so the line is read (and its
    // over-long field refused by the schema, not by the line limit).
    const han = `{"op":"upsert","type":"source","record":{"id":"s","publication":"${'云'.repeat(400_000)}","reliability":"primary"}}`
    expect(() => parseInPieces(Buffer.from(han), 64 * 1024)).toThrow('line 1: record.publication')
    // Characters beyond the first 65,536 count twice, as in JavaScript: 600,000 of them are too many.
    const astral = Buffer.from(`{"op":"${'𠀀'.repeat(600_000)}"}`)
    expect(() => parseInPieces(astral, 64 * 1024)).toThrow('line 1: longer than 1,048,576 characters.')
  })

  it('drops a byte order mark at the start of the file', () => {
    const text = Buffer.from(`\uFEFF${JSON.stringify(sampleOperations()[0])}\n`)
    expect(parseInPieces(text, 3)).toHaveLength(1)
  })

  it('reads a last line without a line break', () => {
    const text = Buffer.from(JSON.stringify(sampleOperations()[0]))
    expect(parseInPieces(text, 10)).toHaveLength(1)
  })

  it('refuses invalid UTF-8 split across pieces, and an unfinished character at the end', () => {
    const broken = Buffer.concat([Buffer.from('{"op":"'), Buffer.from([0xe4, 0xb8]), Buffer.from('"}\n')])
    expect(() => parseInPieces(broken, 1)).toThrow('payload/data.jsonl line 1: not valid UTF-8.')
    const unfinished = Buffer.concat([
      Buffer.from(`${JSON.stringify(sampleOperations()[0])}\n`),
      Buffer.from([0xe4, 0xb8]),
    ])
    expect(() => parseInPieces(unfinished, 2)).toThrow('payload/data.jsonl line 2: not valid UTF-8.')
  })

  it('refuses an over-long line as soon as it passes the limit, naming its line', () => {
    const operations: LocatedOperation[] = []
    const parser = new PayloadLineParser('payload/data.jsonl', (located) => operations.push(located))
    parser.push(Buffer.from(`${JSON.stringify(sampleOperations()[0])}\n{"op":"`))
    const piece = Buffer.from('x'.repeat(64 * 1024))
    let pushed = 0
    expect(() => {
      for (; pushed < 100; pushed += 1) parser.push(piece)
    }).toThrow('payload/data.jsonl line 2: longer than 1,048,576 characters.')
    // Refused on the 16th piece of 64 KiB, not after the whole 6 MiB arrived.
    expect(pushed).toBe(15)
    expect(operations).toHaveLength(1)
  })
})

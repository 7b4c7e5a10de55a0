import { isUtf8 } from 'node:buffer'

/**
 * Windows-1252's bytes 0x80–0x9F, which differ from Latin-1. Spelled out because Node's TextDecoder
 * (without full ICU) decodes "windows-1252" as plain Latin-1. Undefined bytes keep their Latin-1 value.
 */
export const WINDOWS_1252_HIGH: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
}

function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += WINDOWS_1252_HIGH[byte] ?? String.fromCharCode(byte)
  return text
}
const UTF8 = new TextDecoder('utf-8')

/**
 * UTF-8 read as Windows-1252 and saved again ("mojibake"): "â€™" for ’, "Ã©" for é. A UTF-8 lead byte
 * (Â to ï as Windows-1252) followed by a continuation byte (0x80 to 0xBF as Windows-1252); whether the
 * whole value really was UTF-8 is then checked by encoding it back.
 */
const CONTINUATION =
  '\u00A0-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178'
const MOJIBAKE = new RegExp(`[\u00C2-\u00EF][${CONTINUATION}]`)

function encodeWindows1252(text: string): Buffer | null {
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code)
    else {
      const byte = WINDOWS_1252_REVERSE.get(char)
      if (byte === undefined) return null
      bytes.push(byte)
    }
  }
  return Buffer.from(bytes)
}

const WINDOWS_1252_REVERSE = new Map(
  Object.entries(WINDOWS_1252_HIGH).map(([byte, char]) => [char, Number(byte)]),
)

/**
 * Undoes mojibake in one value when it is exactly that: the text, written back as Windows-1252 bytes,
 * is valid UTF-8. Returns the repaired text, or null when the value had nothing to repair.
 */
export function repairMojibake(text: string): string | null {
  if (!MOJIBAKE.test(text)) return null
  const bytes = encodeWindows1252(text)
  if (!bytes || !isUtf8(bytes)) return null
  return UTF8.decode(bytes)
}

/**
 * Decodes a file's bytes. UTF-8 (with or without BOM) is the rule; a file with stray bytes that are not
 * UTF-8 (a Windows-1252 export glued to a UTF-8 one) is decoded line by line, each bad line as
 * Windows-1252, and every such line is reported.
 */
export function decodeText(bytes: Buffer): { text: string; latin1Lines: number[] } {
  const body = withoutBom(bytes)
  if (isUtf8(body)) return { text: body.toString('utf8'), latin1Lines: [] }
  const latin1Lines: number[] = []
  return { text: [...decodedLines(body, latin1Lines)].join('\n'), latin1Lines }
}

const withoutBom = (bytes: Buffer) =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes

/**
 * A file's lines, decoded as decodeText decodes them (each line that is not UTF-8 as Windows-1252, its
 * number added to `latin1Lines`), one at a time: a reader of JSON Lines never needs the whole file as
 * one string (for a 70 MB export with Chinese names, 140 MB, and as much again in lines cut from it).
 */
export function* decodedLines(bytes: Buffer, latin1Lines: number[]): Generator<string> {
  const body = withoutBom(bytes)
  let start = 0
  for (let lineNumber = 1; start <= body.length; lineNumber += 1) {
    let end = body.indexOf(0x0a, start)
    if (end === -1) end = body.length
    const line = body.subarray(start, end)
    if (isUtf8(line)) yield line.toString('utf8')
    else {
      latin1Lines.push(lineNumber)
      yield decodeWindows1252(line)
    }
    start = end + 1
  }
}

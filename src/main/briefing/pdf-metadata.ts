import { BriefingError } from './briefing-error'

export interface PdfMetadata {
  title: string
  author: string
  subject: string
  creator: string
}

/** A PDF text string in UTF-16BE with a byte-order mark, so any script survives (PDF 32000-1, 7.9.2.2). */
function pdfTextString(text: string): string {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le').swap16()
  return `<${bytes.toString('hex').toUpperCase()}>`
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let found: RegExpExecArray | null = null
  for (const match of text.matchAll(pattern)) found = match
  return found
}

/**
 * Sets the document information (title, author, subject, creator) of a PDF Chromium printed. Chromium
 * writes only the title, so we append an incremental update (PDF 32000-1, 7.5.6) that redefines the Info
 * dictionary: the printed pages, tags and outline are left byte for byte as they were.
 */
export function withMetadata(pdf: Buffer, metadata: PdfMetadata): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 4096)).toString('latin1')
  const trailer = lastMatch(tail, /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF/g)
  const info = trailer && /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1])
  const root = trailer && /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer[1])
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer[1])
  if (!trailer || !info || !root || !size) {
    throw new BriefingError('The printed PDF has no classic trailer to add document information to.')
  }
  const body = pdf.toString('latin1')
  const original = new RegExp(`(?:^|\\n)${info[1]} ${info[2]} obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(body)
  const keep = (key: string) =>
    original ? new RegExp(`/${key}\\s*(\\([^)]*\\))`).exec(original[1])?.[1] : undefined
  const fields = [
    `/Title ${pdfTextString(metadata.title)}`,
    metadata.author ? `/Author ${pdfTextString(metadata.author)}` : '',
    metadata.subject ? `/Subject ${pdfTextString(metadata.subject)}` : '',
    `/Creator ${pdfTextString(metadata.creator)}`,
    ...['Producer', 'CreationDate', 'ModDate'].map((key) => (keep(key) ? `/${key} ${keep(key)}` : '')),
  ].filter(Boolean)
  const objectText = `\n${info[1]} ${info[2]} obj\n<<${fields.join('\n')}>>\nendobj\n`
  const objectOffset = pdf.length + 1
  const xrefOffset = pdf.length + Buffer.byteLength(objectText, 'latin1')
  const entry = `${String(objectOffset).padStart(10, '0')} ${info[2].padStart(5, '0')} n \n`
  const update =
    `${objectText}xref\n${info[1]} 1\n${entry}` +
    `trailer\n<</Size ${size[1]} /Root ${root[1]} /Info ${info[1]} ${info[2]} R /Prev ${trailer[2]}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')])
}

/**
 * The page count of a PDF Chromium printed. Skia writes each page as a plain "/Type /Page" dictionary
 * (no object streams), so counting those is exact for our own output; it is not a general PDF parser.
 */
export function countPdfPages(pdf: Buffer): number {
  const text = pdf.toString('latin1')
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length
}

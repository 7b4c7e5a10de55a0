/** A name as a file name part: lower-case letters and digits joined by "-" ("Export Desk" → "export-desk"). */
export function slug(text: string, fallback: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback
  )
}

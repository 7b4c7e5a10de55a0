/** One Federal Register citation as a list entry gives it: "84 FR 54002, 10/9/19". */
export interface FrCitation {
  /** The citation as we store and show it: "84 FR 54002" (or the placeholder text as published). */
  text: string
  volume: number
  /** Null for a placeholder such as "88 FR [INSERT FR PAGE NUMBER AND 2/27/2023]". */
  page: number | null
  /** The publication date, as yyyy-mm-dd, when the entry gives one. */
  published: string | null
  placeholder: boolean
}

function isoFromUsDate(month: string, day: string, year: string): string | null {
  const fullYear = year.length === 2 ? (Number(year) < 50 ? 2000 : 1900) + Number(year) : Number(year)
  const m = Number(month)
  const d = Number(day)
  if (m < 1 || m > 12 || d < 1 || d > 31 || fullYear < 1900 || fullYear > 2100) return null
  return `${fullYear}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const CITATION = /(\d{1,3})\s*F\.?\s*R\.?\s*(\d{1,6})(?:\s*,?\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}))?/
const PLACEHOLDER = /(\d{1,3})\s*F\.?\s*R\.?\s*\[([^\]]*)\]/
const US_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})/

/**
 * Parses the citations of one entry. Several are separated by ";" ("84 FR 54002, 10/9/19; 85 FR 34503,
 * 6/5/20"). A placeholder left in by the publisher keeps its volume and date, and is reported; text
 * that is no citation at all is reported and skipped.
 */
export function parseFrCitations(value: string): { citations: FrCitation[]; problems: string[] } {
  const citations: FrCitation[] = []
  const problems: string[] = []
  for (const piece of value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const placeholder = PLACEHOLDER.exec(piece)
    if (placeholder) {
      const date = US_DATE.exec(placeholder[2])
      citations.push({
        text: piece.replace(/\.$/, ''),
        volume: Number(placeholder[1]),
        page: null,
        published: date ? isoFromUsDate(date[1], date[2], date[3]) : null,
        placeholder: true,
      })
      problems.push(`placeholder citation "${piece}" (no page number yet)`)
      continue
    }
    const match = CITATION.exec(piece)
    if (!match) {
      problems.push(`"${piece}" is not a Federal Register citation`)
      continue
    }
    const [, volume, page, month, day, year] = match
    citations.push({
      text: `${Number(volume)} FR ${Number(page)}`,
      volume: Number(volume),
      page: Number(page),
      published: month ? isoFromUsDate(month, day, year) : null,
      placeholder: false,
    })
  }
  return { citations, problems }
}

/** "11/21/2011" or "2011-11-21" → "2011-11-21"; anything else → null. */
export function parseListDate(value: string): string | null {
  const trimmed = value.trim()
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return trimmed.slice(0, 10)
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(trimmed)
  return us ? isoFromUsDate(us[1], us[2], us[3]) : null
}

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

/**
 * "84 FR 54002", "82 F.R. 48792", "83F.R. 28801", with an optional date after it ("10/9/19",
 * "10/20/2017", "(8/15/2011)").
 */
const CITATION =
  /(\d{1,3})\s*F\.?\s*R\.?\s*(\d{1,6})(?:\s*,?\s*\(?(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)\)?)?/g
/**
 * A State Department notice cited by Federal Register volume and issue, as the CSL gives it:
 * "Vol. 83, No. 91, 05/10/2018".
 */
const VOLUME_ISSUE =
  /Vol\.?\s*(\d{1,3})\s*,?\s*No\.?\s*(\d{1,4})(?:\s*,?\s*(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d))?/gi
const PLACEHOLDER = /(\d{1,3})\s*F\.?\s*R\.?\s*\[([^\]]*)\]/
const US_DATE = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/
/**
 * What may stand between two citations in one cell: commas, semicolons, spaces, "and", a full stop,
 * and the issue number some cells add ("77 FR 58006 (no. 182)").
 */
const SEPARATORS = /^[\s,;.]*(?:(?:and|\(no\.\s*\d+\))[\s,;.]*)*$/i

/** The Federal Register's volume for a year: volume 1 was 1936. */
export function frVolumeOfYear(year: number): number {
  return year - 1935
}

/**
 * Parses the citations of one entry. A cell may hold several, separated by ";", ",", spaces or "and"
 * ("82 F.R. 61745 12/29/2017, 83 F.R. 28801 6/21/2018 and 84 F.R. 27233 6/12/2019"); a State Department
 * notice is cited by volume and issue ("Vol. 83, No. 91, 05/10/2018"). A placeholder left in by the
 * publisher keeps its volume and date, and is reported; text that is no citation is reported and
 * skipped; a volume that does not match its date's year is reported.
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
    const found: { at: number; end: number; citation: FrCitation }[] = []
    for (const match of piece.matchAll(CITATION)) {
      const [whole, volume, page, month, day, year] = match
      found.push({
        at: match.index,
        end: match.index + whole.length,
        citation: {
          text: `${Number(volume)} FR ${Number(page)}`,
          volume: Number(volume),
          page: Number(page),
          published: month ? isoFromUsDate(month, day, year) : null,
          placeholder: false,
        },
      })
    }
    for (const match of piece.matchAll(VOLUME_ISSUE)) {
      const [whole, volume, issue, month, day, year] = match
      found.push({
        at: match.index,
        end: match.index + whole.length,
        citation: {
          text: `${Number(volume)} FR No. ${Number(issue)}`,
          volume: Number(volume),
          page: null,
          published: month ? isoFromUsDate(month, day, year) : null,
          placeholder: false,
        },
      })
    }
    found.sort((a, b) => a.at - b.at)
    if (found.length === 0) {
      problems.push(`"${piece}" is not a Federal Register citation`)
      continue
    }
    // Whatever is not a citation nor a separator is text we cannot read: say so rather than drop it.
    let cursor = 0
    for (const { at, end } of [...found, { at: piece.length, end: piece.length }]) {
      const between = piece.slice(cursor, at)
      if (!SEPARATORS.test(between))
        problems.push(`"${between.trim()}" in "${piece}" is not a Federal Register citation`)
      cursor = Math.max(cursor, end)
    }
    for (const { citation } of found) {
      const year = citation.published ? Number(citation.published.slice(0, 4)) : null
      if (year !== null && frVolumeOfYear(year) !== citation.volume) {
        problems.push(
          `"${citation.text}" is dated ${citation.published}, but volume ${citation.volume} is the Federal Register of ${citation.volume + 1935}`,
        )
      }
      citations.push(citation)
    }
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

/** Small pieces every section of a briefing uses. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "2019-10-09" → "9 October 2019"; partial dates keep their precision ("2019-10" → "October 2019"). */
export function longDate(iso: string | null): string | null {
  if (!iso) return null
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  if (!month) return year
  const monthName = MONTHS[Number(month) - 1] ?? month
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** "CN" → "China (CN)"; an unknown code is shown as it was recorded. */
export function countryName(code: string | null): string | null {
  if (!code) return null
  try {
    const name = regionNames.of(code)
    return name && name !== code ? `${name} (${code})` : code
  } catch {
    return code
  }
}

/** A value the data does not hold, said honestly rather than left blank. */
export function Unknown({ what = 'not recorded' }: { what?: string }) {
  return <span className="unknown">{what}</span>
}

export function ValueOrUnknown({ value, lang }: { value: string | null | undefined; lang?: string }) {
  return value ? <span lang={lang}>{value}</span> : <Unknown />
}

/** Source references, e.g. [2, 5], pointing into the numbered source list. */
export function Refs({ numbers }: { numbers: number[] }) {
  const unique = [...new Set(numbers.filter((n) => n > 0))].sort((a, b) => a - b)
  if (unique.length === 0) return null
  return (
    <sup className="refs" aria-label={`sources ${unique.join(', ')}`}>
      [{unique.join(', ')}]
    </sup>
  )
}

/** The language tag for an original-script name: Han characters are Chinese, anything else unmarked. */
export function scriptLang(text: string | null): string | undefined {
  return text && /\p{Script=Han}/u.test(text) ? 'zh' : undefined
}

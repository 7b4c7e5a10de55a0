// Made on first use: the first Intl object of a process loads locale data, which every start of the
// app's host would otherwise wait for.
let regionNamesMade: Intl.DisplayNames | null = null
const regionNames = {
  of: (code: string) => (regionNamesMade ??= new Intl.DisplayNames(['en'], { type: 'region' })).of(code),
}

/** Names lists use that Intl does not give ("Burma", "Russian Federation", …), lower-cased. */
const EXTRA_NAMES: Record<string, string> = {
  burma: 'MM',
  'russian federation': 'RU',
  "people's republic of china": 'CN',
  prc: 'CN',
  "china, people's republic of": 'CN',
  'hong kong sar': 'HK',
  'hong kong sar china': 'HK',
  macau: 'MO',
  'korea, north': 'KP',
  'north korea': 'KP',
  'korea, south': 'KR',
  'south korea': 'KR',
  'iran, islamic republic of': 'IR',
  'syrian arab republic': 'SY',
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  turkiye: 'TR',
  turkey: 'TR',
  türkiye: 'TR',
  'czech republic': 'CZ',
  uae: 'AE',
  vietnam: 'VN',
  'viet nam': 'VN',
  'taiwan, province of china': 'TW',
  "cote d'ivoire": 'CI',
  'congo, democratic republic of the': 'CD',
}

let byName: Map<string, string> | null = null

function namesToCodes(): Map<string, string> {
  if (byName) return byName
  byName = new Map(Object.entries(EXTRA_NAMES))
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b)
      const name = regionNames.of(code)
      if (name && name !== code && name !== 'Unknown Region' && !byName.has(name.toLowerCase()))
        byName.set(name.toLowerCase(), code)
    }
  }
  return byName
}

/**
 * A country as lists write it ("China", "CN", "cn", "Hong Kong") → its ISO 3166-1 alpha-2 code, or null
 * when it is not a country we can name with certainty (then the caller reports it).
 */
export function toIsoCountry(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim()
  if (!trimmed) return null
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase()
    const name = regionNames.of(code)
    return name && name !== code && name !== 'Unknown Region' ? code : null
  }
  return namesToCodes().get(trimmed.toLowerCase().replace(/\s+/g, ' ')) ?? null
}

import { pinyinForIndex } from '../store/pinyin-text'
/** Scripts a name can be written in, as far as matching and "original-script name" need to know. */
export type Script =
  'Latin' | 'Han' | 'Cyrillic' | 'Arabic' | 'Hebrew' | 'Greek' | 'Hangul' | 'Kana' | 'Other'

const SCRIPT_TESTS: [Script, RegExp][] = [
  ['Han', /\p{Script=Han}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Latin', /\p{Script=Latin}/u],
]

/** Printable ASCII: nothing to fold or strip of marks, and no script but Latin; most names on US lists. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/

/** The script a name is written in: the first non-Latin script it uses, else Latin. */
export function scriptOf(name: string): Script {
  if (PLAIN_ASCII.test(name)) return /[A-Za-z]/.test(name) ? 'Latin' : 'Other'
  for (const [script, test] of SCRIPT_TESTS) if (test.test(name)) return script
  return 'Other'
}

/** The script a country's own names are written in, where that is one script. */
const COUNTRY_SCRIPT: Record<string, Script> = {
  CN: 'Han',
  HK: 'Han',
  MO: 'Han',
  TW: 'Han',
  JP: 'Kana',
  KP: 'Hangul',
  KR: 'Hangul',
  RU: 'Cyrillic',
  BY: 'Cyrillic',
  UA: 'Cyrillic',
  BG: 'Cyrillic',
  RS: 'Cyrillic',
  MK: 'Cyrillic',
  KZ: 'Cyrillic',
  KG: 'Cyrillic',
  TJ: 'Cyrillic',
  MN: 'Cyrillic',
  IR: 'Arabic',
  AF: 'Arabic',
  SY: 'Arabic',
  IQ: 'Arabic',
  SA: 'Arabic',
  AE: 'Arabic',
  YE: 'Arabic',
  LB: 'Arabic',
  JO: 'Arabic',
  EG: 'Arabic',
  LY: 'Arabic',
  PK: 'Arabic',
  IL: 'Hebrew',
  GR: 'Greek',
  CY: 'Greek',
}

/**
 * Picks the name in the entity's own script as its original-script name: the script of its country
 * (Chinese characters for a Chinese company, Cyrillic for a Russian one), else any Chinese name. Japanese
 * names may mix Han and kana, so for Japan either counts.
 */
export function originalScriptName(names: string[], country: string | null): string | null {
  const wanted = country ? COUNTRY_SCRIPT[country] : undefined
  const matches = (name: string) => {
    const script = scriptOf(name)
    if (wanted === 'Kana') return script === 'Kana' || script === 'Han'
    return script === (wanted ?? 'Han')
  }
  return names.find(matches) ?? null
}

/** Words that say what kind of company it is, not which one: left out when comparing names. */
const LEGAL_FORMS = new Set([
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'plc',
  'gmbh',
  'sa',
  'ag',
  'bv',
  'nv',
  'jsc',
  'ojsc',
  'pjsc',
  'cjsc',
  'ooo',
  'oao',
  'zao',
  'pte',
  'pvt',
  'sdn',
  'bhd',
  'the',
  'and',
  'of',
])
const HAN_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限責任公司|有限公司|集团|集團|公司)$/u

/**
 * A name reduced to what identifies it, for matching: compatibility forms folded, accents and case
 * dropped, punctuation to spaces, legal forms ("Co., Ltd.") removed; Chinese names lose spaces and a
 * trailing legal form. "Hangzhou Hikvision Digital Technology Co., Ltd." → "hangzhou hikvision digital technology".
 */
export function normaliseName(name: string): string {
  // The general path's folds leave printable ASCII as it is; skipping them halves a list's planning.
  if (PLAIN_ASCII.test(name)) return comparedWords(name.toLowerCase().split(/[^a-z0-9]+/))
  const folded = name.normalize('NFKC')
  if (scriptOf(folded) === 'Han') {
    let han = folded.replace(/[\s\p{P}\p{S}]+/gu, '')
    // "集团股份有限公司" ends in two forms: drop them one after the other.
    while (HAN_LEGAL_FORMS.test(han) && han.replace(HAN_LEGAL_FORMS, ''))
      han = han.replace(HAN_LEGAL_FORMS, '')
    return han
  }
  return comparedWords(
    folded
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u),
  )
}

/** A name's words as compared: initials joined ("s a" → "sa"), legal forms dropped, empty words gone. */
function comparedWords(words: string[]): string {
  // Initials written with dots ("S.A.", "L.L.C.") become one word before legal forms are dropped.
  const joined: string[] = []
  let initials = ''
  for (const word of [...words, '']) {
    if (word.length === 1) {
      initials += word
      continue
    }
    if (initials) joined.push(initials)
    initials = ''
    if (word) joined.push(word)
  }
  return joined.filter((word) => word && !LEGAL_FORMS.has(word)).join(' ')
}

/** Cyrillic letters in Latin (Russian and Ukrainian, as passports write them): for readable ids. */
const CYRILLIC_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
}

/** A name in Latin letters for an id: Cyrillic transliterated, Chinese as toneless pinyin. */
function latinForId(name: string): string {
  const cyrillic = name.toLowerCase().replace(/\p{Script=Cyrillic}/gu, (char) => CYRILLIC_LATIN[char] ?? '')
  const pinyin = pinyinForIndex(cyrillic)
  return pinyin ? pinyin.slice(0, pinyin.lastIndexOf(' ')) : cyrillic
}

/**
 * A record id from a name: lower-case letters, digits and dashes, at most 60 characters. A name in
 * another script is transliterated ("ЗАЛА АЭРО" → "zala-aero", "云从科技" → "yun-cong-ke-ji").
 */
export function slugOf(name: string): string {
  const slug = latinForId(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'entity'
}

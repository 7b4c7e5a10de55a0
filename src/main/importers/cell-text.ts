import { hasUnsafeCharacters, UNSAFE_CHARACTERS, withVisibleEscapes } from '../../shared/text-safety'
import { repairMojibake, WINDOWS_1252_HIGH } from './decode-text'

/** Longest text a field of ours holds (record-schemas MAX_TEXT_LENGTH). */
export const MAX_FIELD_CHARS = 20_000

/**
 * Cleans one value from a source file: trims, repairs mojibake (reported), and reports a value too long
 * to keep. Returns null for an empty value.
 */
export function cleanCell(value: string | undefined, where: string, warnings: string[]): string | null {
  const trimmed = withoutUnsafeCharacters(value ?? '', where, warnings).trim()
  if (!trimmed) return null
  const repaired = repairMojibake(trimmed)
  if (repaired !== null)
    warnings.push(`${where}: repaired broken encoding "${trimmed.slice(0, 40)}" → "${repaired.slice(0, 40)}"`)
  const text = repaired ?? trimmed
  if (text.length > MAX_FIELD_CHARS) {
    warnings.push(
      `${where}: a value of ${text.length.toLocaleString('en-US')} characters was cut to ${MAX_FIELD_CHARS.toLocaleString('en-US')}`,
    )
    return cutAtCharacter(text, MAX_FIELD_CHARS)
  }
  return text
}

/**
 * The longest start of `text` of at most `max` UTF-16 units that ends between two user-perceived
 * characters: a cut inside a surrogate pair would store invalid UTF-8, one inside an emoji sequence
 * or before a combining mark a different character.
 */
export function cutAtCharacter(text: string, max: number): string {
  if (text.length <= max) return text
  let end = 0
  for (const { index, segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    if (index + segment.length > max) break
    end = index + segment.length
  }
  return text.slice(0, end)
}

/**
 * Removes what would change how a text looks without being seen (see text-safety), with a warning. A C1
 * control is first read as the Windows-1252 character its byte stands for (U+0092 → ’), the usual
 * cause: a cp1252 file read as Latin-1; a byte that stands for none in cp1252 is removed.
 */
export function withoutUnsafeCharacters(value: string, where: string, warnings: string[]): string {
  if (!hasUnsafeCharacters(value)) return value
  const repaired: string[] = []
  const removed: string[] = []
  const cleaned = value.replace(UNSAFE_CHARACTERS, (char) => {
    const code = char.charCodeAt(0)
    const windows1252 = code >= 0x80 && code <= 0x9f ? WINDOWS_1252_HIGH[code] : undefined
    if (char === '\u000b' || char === '\u000c') return ' '
    ;(windows1252 ? repaired : removed).push(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`)
    return windows1252 ?? ''
  })
  const quoted = `"${withVisibleEscapes(value.slice(0, 60))}"`
  if (repaired.length > 0)
    warnings.push(`${where}: read ${unique(repaired).join(', ')} as Windows-1252 characters in ${quoted}`)
  if (removed.length > 0)
    warnings.push(
      `${where}: removed control or direction characters ${unique(removed).join(', ')} from ${quoted}`,
    )
  return cleaned
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

/**
 * Why a cleaned name cannot name a party, or null when it can: one with fewer than two letters or
 * digits is left over from broken encoding ("â") or punctuation, not a name (a vessel may be "7-28").
 */
export function unusableName(name: string | null): string | null {
  if (!name) return 'the name is empty'
  const characters = name.match(/[\p{L}\p{N}]/gu)?.length ?? 0
  if (characters < 2)
    return `"${withVisibleEscapes(name)}" has no name left in it (fewer than two letters or digits after cleaning)`
  return null
}

/** A list field ("a; b; c") as separate cleaned values. */
export function cleanList(value: string | undefined, where: string, warnings: string[]): string[] {
  return (value ?? '')
    .split(';')
    .map((part) => cleanCell(part, where, warnings))
    .filter((part): part is string => part !== null)
}

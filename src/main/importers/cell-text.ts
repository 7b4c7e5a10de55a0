import { repairMojibake } from './decode-text'

/** Longest text a field of ours holds (record-schemas MAX_TEXT_LENGTH). */
export const MAX_FIELD_CHARS = 20_000

/**
 * Cleans one value from a source file: trims, repairs mojibake (reported), and reports a value too long
 * to keep. Returns null for an empty value.
 */
export function cleanCell(value: string | undefined, where: string, warnings: string[]): string | null {
  const trimmed = (value ?? '').trim()
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

/** A list field ("a; b; c") as separate cleaned values. */
export function cleanList(value: string | undefined, where: string, warnings: string[]): string[] {
  return (value ?? '')
    .split(';')
    .map((part) => cleanCell(part, where, warnings))
    .filter((part): part is string => part !== null)
}

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
    return text.slice(0, MAX_FIELD_CHARS)
  }
  return text
}

/** A list field ("a; b; c") as separate cleaned values. */
export function cleanList(value: string | undefined, where: string, warnings: string[]): string[] {
  return (value ?? '')
    .split(';')
    .map((part) => cleanCell(part, where, warnings))
    .filter((part): part is string => part !== null)
}

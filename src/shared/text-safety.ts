/**
 * Characters that change what a reader sees without being seen themselves: C0 controls (but tab, line
 * feed and carriage return), DEL, C1 controls, and the bidirectional embeddings, overrides and
 * isolates. On a terminal ESC sequences clear the screen or set its title; in the app an override
 * reverses the text after it.
 */
// Finding control characters is this pattern's purpose.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

export const UNSAFE_CHARACTERS = new RegExp(UNSAFE_CHARACTER.source, 'g')

/** A text holding none of the unsafe characters, for schemas. */
export const SAFE_TEXT = new RegExp(`^[^${UNSAFE_CHARACTER.source.slice(1, -1)}]*$`)

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_CHARACTER.test(text)
}

/** The text with each unsafe character shown as its escape ("\u001b"), visible and harmless. */
export function withVisibleEscapes(text: string): string {
  if (!UNSAFE_CHARACTER.test(text)) return text
  return text.replace(UNSAFE_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

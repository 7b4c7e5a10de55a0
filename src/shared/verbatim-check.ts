/** Quotation marks of the languages the data holds: only verbatim text may contain them. */
export const QUOTATION_MARKS = /["“”„«»「」『』]/

/**
 * Whether a verbatim quote is the source's words: each part of it (parts are separated by an ellipsis,
 * "..." or "…", where the quoter left words out) occurs in the source excerpt, in order. Typographic
 * quotation marks and apostrophes count as their plain forms and runs of spaces as one; a part's final
 * comma, full stop, colon or semicolon is the quoter's punctuation, not the speaker's words.
 */
export function quoteNotInExcerpt(quote: string, excerpt: string): string | null {
  const source = plain(excerpt)
  let from = 0
  for (const part of quote.split(/\.\.\.|…/)) {
    const words = plain(part)
      .replace(/[,.;:]+$/, '')
      .trim()
    if (!words) continue
    const at = source.indexOf(words, from)
    if (at === -1) {
      const shown = words.length > 60 ? `${words.slice(0, 60)}…` : words
      return source.includes(words)
        ? `"${shown}" is in the source excerpt, but not in the quote's order`
        : `"${shown}" does not occur in the source excerpt`
    }
    from = at + words.length
  }
  return null
}

function plain(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/\s+/g, ' ')
}

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The fonts every briefing is set in, shipped with the app from npm (@fontsource) so that a briefing
 * looks the same on any machine and Chinese names are real, embedded text. Chromium embeds only the
 * glyphs a document uses, so the PDF stays small although the families are large.
 */
const FONT_FACES = [
  { family: 'noto-sans', css: '400.css' },
  { family: 'noto-sans', css: '700.css' },
  { family: 'noto-sans', css: '400-italic.css' },
  { family: 'noto-sans', css: '700-italic.css' },
  { family: 'noto-sans-sc', css: '400.css' },
  { family: 'noto-sans-sc', css: '700.css' },
  // Traditional characters the Simplified set lacks (達闥科技 has 闥) come from Noto Sans TC.
  { family: 'noto-sans-tc', css: '400.css' },
  { family: 'noto-sans-tc', css: '700.css' },
] as const

type FontFamily = (typeof FONT_FACES)[number]['family']

/** Where the briefing's HTML asks for font files; both printers answer these URLs from disk. */
export const FONT_URL_PREFIX = '/fonts/'

const resolveFromHere = createRequire(import.meta.url)

function packageDir(family: FontFamily): string {
  return path.dirname(resolveFromHere.resolve(`@fontsource/${family}/package.json`))
}

interface FontFaceRule {
  css: string
  /** Code point ranges the face covers (its unicode-range); null covers everything. */
  ranges: [number, number][] | null
}

let cachedRules: FontFaceRule[] | null = null

function parseRanges(unicodeRange: string): [number, number][] {
  return unicodeRange.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-')
    const low = parseInt(from.replace(/\?/g, '0'), 16)
    const high = to ? parseInt(to, 16) : parseInt(from.replace(/\?/g, 'F'), 16)
    return [low, high]
  })
}

/** Every @font-face rule we ship, pointing at FONT_URL_PREFIX and offering only WOFF2 (Chromium reads it). */
function fontFaceRules(): FontFaceRule[] {
  if (cachedRules) return cachedRules
  cachedRules = FONT_FACES.flatMap(({ family, css }) =>
    [...readFileSync(path.join(packageDir(family), css), 'utf8').matchAll(/@font-face\s*{[^}]*}/g)].map(
      ([rule]) => ({
        css: rule.replace(
          /src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/,
          (_match, file: string) => `src: url(${FONT_URL_PREFIX}${family}/${file}) format('woff2');`,
        ),
        ranges: /unicode-range:\s*([^;]+);/.exec(rule)?.[1]
          ? parseRanges(/unicode-range:\s*([^;]+);/.exec(rule)![1])
          : null,
      }),
    ),
  )
  return cachedRules
}

/**
 * The @font-face rules a document needs: those whose unicode-range holds a character of `text`. The
 * Chinese families come in some two hundred range-split faces each; declaring only the used ones saves
 * Chromium from matching every text run against all of them (seconds on a 40-page briefing).
 */
export function fontFaceCss(text: string): string {
  const used = new Set<number>()
  for (const char of text) used.add(char.codePointAt(0)!)
  const sorted = [...used].sort((a, b) => a - b)
  const covers = ([low, high]: [number, number]) => {
    // Binary search for the first used code point at or above `low`.
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < low) lo = mid + 1
      else hi = mid
    }
    return lo < sorted.length && sorted[lo] <= high
  }
  return fontFaceRules()
    .filter((rule) => rule.ranges === null || rule.ranges.some(covers))
    .map((rule) => rule.css)
    .join('\n')
}

const FONT_PATH = /^\/fonts\/(noto-sans|noto-sans-sc|noto-sans-tc)\/([a-z0-9-]+\.woff2)$/

/** The bytes of a font the briefing asked for, or null for anything that is not one of ours. */
export function readFontFile(urlPath: string): Buffer | null {
  const match = FONT_PATH.exec(urlPath)
  if (!match) return null
  try {
    return readFileSync(path.join(packageDir(match[1] as FontFamily), 'files', match[2]))
  } catch {
    return null
  }
}

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

let cachedCss: string | null = null

/** The @font-face rules, pointing at FONT_URL_PREFIX and offering only WOFF2 (Chromium reads it). */
export function fontFaceCss(): string {
  if (cachedCss !== null) return cachedCss
  cachedCss = FONT_FACES.map(({ family, css }) =>
    readFileSync(path.join(packageDir(family), css), 'utf8').replace(
      /src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g,
      (_match, file: string) => `src: url(${FONT_URL_PREFIX}${family}/${file}) format('woff2');`,
    ),
  ).join('\n')
  return cachedCss
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

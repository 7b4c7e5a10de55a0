import type { PaperSize } from '../../shared/briefing'
import { fontFaceCss } from './briefing-fonts'

/** A CSS string literal; anything the writer typed is safe inside it (quotes, backslashes, newlines, tags). */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/[\r\n\f]+/g, ' ')
    // "<" as a CSS escape, so text such as "</style>" cannot end the stylesheet it sits in.
    .replace(/</g, '\\3c ')
  return `"${escaped}"`
}

/** How wide a character sets in the header, in half-em units: Han, kana, Hangul and emoji are full width. */
function widthOf(char: string): number {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}]/u.test(
    char,
  )
    ? 2
    : 1
}

/**
 * The title as the running header shows it: on one line, so cut with an ellipsis past `budget` half-em
 * units (a quarter of the text width at the header's size). The first page keeps the full title.
 */
export function runningTitle(title: string, budget = 34): string {
  const oneLine = title.replace(/\s+/g, ' ').trim()
  let used = 0
  let cut = ''
  for (const char of oneLine) {
    used += widthOf(char)
    if (used > budget - 1) return `${cut.trimEnd()}…`
    cut += char
  }
  return oneLine
}

export interface PageFurniture {
  paper: PaperSize
  banner: string
  title: string
  date: string
  dataAsOf: string | null
}

/** Latin first, then Chinese (Simplified, then Traditional for the characters the SC set lacks). */
const FONT_STACK = "'Noto Sans', 'Noto Sans SC', 'Noto Sans TC', sans-serif"

const PAGE_SIZE: Record<PaperSize, string> = { letter: 'letter', a4: 'A4' }

/**
 * The page's margin boxes: the banner's box is centred, so it gets what the wider side leaves twice;
 * the side boxes wrap their text (a running title over two lines) rather than squeeze the banner.
 */
const SIDE_BOX_PERCENT = 25
const CENTER_BOX_PERCENT = 100 - 2 * SIDE_BOX_PERCENT
const BANNER_LETTER_SPACING_EM = 0.04
const BANNER_FONT_PT = 8.5
/** Width of the text area (page less 18 mm margins each side), in points. */
const TEXT_WIDTH_PT: Record<PaperSize, number> = {
  letter: ((215.9 - 36) * 72) / 25.4,
  a4: ((210 - 36) * 72) / 25.4,
}
/**
 * What a character of a bold capital banner sets on average, in ems, letter spacing included: Noto
 * Sans Bold's capitals, slashes and spaces, with a tenth to spare.
 */
const BANNER_CHAR_EM = 0.64

/**
 * The banner's size: 8.5 pt where it fits on one line, else as much smaller as it needs (banners up
 * to 60 characters fit at 6.4 pt or more); white-space: nowrap keeps it on one line whatever happens.
 */
export function bannerFontSize(banner: string, paper: PaperSize): number {
  const width = (TEXT_WIDTH_PT[paper] * CENTER_BOX_PERCENT) / 100
  const units = [...banner].reduce((sum, char) => sum + widthOf(char), 0)
  if (units === 0) return BANNER_FONT_PT
  const fitting = width / (units * BANNER_CHAR_EM)
  return Math.min(BANNER_FONT_PT, Math.floor(fitting * 10) / 10)
}

/**
 * Header and footer on every page, drawn by Chromium's @page margin boxes so both printers (Electron's
 * printToPDF and Playwright's page.pdf) produce the same pages from the same HTML: banner at top and
 * bottom, title and date above, "data as of" and "Page x of y" below.
 */
function pageRules({ paper, banner, title, date, dataAsOf }: PageFurniture): string {
  const bannerSize = bannerFontSize(banner.trim(), paper)
  const bannerBoxes = banner.trim()
    ? `@top-center { content: ${cssString(banner.trim())}; }
       @bottom-center { content: ${cssString(banner.trim())}; }`
    : ''
  return `
  @page {
    size: ${PAGE_SIZE[paper]};
    margin: 20mm 18mm 20mm 18mm;
    @top-left { content: ${cssString(runningTitle(title))}; }
    ${bannerBoxes}
    @top-right { content: ${cssString(date)}; }
    @bottom-left { content: ${cssString(`Data as of ${dataAsOf ?? 'unknown'}`)}; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); }
  }
  @page {
    @top-left { font: 7.5pt/1.2 ${FONT_STACK}; color: #333; vertical-align: bottom; padding-bottom: 4mm; width: ${SIDE_BOX_PERCENT}%; }
    @top-center { font: 700 ${bannerSize}pt/1.2 ${FONT_STACK}; letter-spacing: ${BANNER_LETTER_SPACING_EM}em; white-space: nowrap; color: #000; vertical-align: bottom; padding-bottom: 4mm; width: ${CENTER_BOX_PERCENT}%; }
    @top-right { font: 7.5pt/1.2 ${FONT_STACK}; color: #333; vertical-align: bottom; padding-bottom: 4mm; width: ${SIDE_BOX_PERCENT}%; text-align: right; }
    @bottom-left { font: 7.5pt/1.2 ${FONT_STACK}; color: #333; vertical-align: top; padding-top: 4mm; width: ${SIDE_BOX_PERCENT}%; }
    @bottom-center { font: 700 ${bannerSize}pt/1.2 ${FONT_STACK}; letter-spacing: ${BANNER_LETTER_SPACING_EM}em; white-space: nowrap; color: #000; vertical-align: top; padding-top: 4mm; width: ${CENTER_BOX_PERCENT}%; }
    @bottom-right { font: 7.5pt/1.2 ${FONT_STACK}; color: #333; vertical-align: top; padding-top: 4mm; width: ${SIDE_BOX_PERCENT}%; text-align: right; }
  }`
}

const BODY_RULES = `
  :root { --sans: ${FONT_STACK}; --rule: #c9ced6; --muted: #555b66; --accent: #1d3a5f; }
  html { font-family: var(--sans); font-size: 9.5pt; line-height: 1.45; color: #111; }
  body { margin: 0; }
  :lang(zh) { font-family: 'Noto Sans SC', 'Noto Sans TC', 'Noto Sans', sans-serif; }
  /* Whatever the writer or the data holds (a 2,000-character title, a URL), it wraps instead of overflowing. */
  h1, h2, h3, p, li, td, th, blockquote, figcaption { overflow-wrap: break-word; }
  .title-block { border-bottom: 2px solid var(--accent); padding-bottom: 8pt; margin-bottom: 12pt; }
  h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 4pt; color: var(--accent); }
  .subtitle { font-size: 12pt; margin: 0 0 6pt; color: #222; }
  .meta { margin: 0; color: var(--muted); font-size: 8.5pt; }
  .meta span + span::before { content: ' · '; }
  h2 { font-size: 13pt; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: 2pt;
       margin: 16pt 0 6pt; break-after: avoid-page; }
  h3 { font-size: 10.5pt; margin: 12pt 0 4pt; break-after: avoid-page; }
  p { margin: 0 0 6pt; orphans: 3; widows: 3; }
  ul.summary-list { margin: 0 0 6pt; padding-left: 14pt; }
  .summary li { margin-bottom: 2pt; }
  .unknown { color: var(--muted); font-style: italic; }
  sup.refs { font-size: 6.5pt; color: var(--accent); line-height: 0; white-space: nowrap; }
  .round { break-inside: avoid-page; border-left: 3px solid var(--accent); padding: 2pt 0 2pt 8pt; margin: 0 0 10pt; }
  .round h3 { margin-top: 0; }
  figure.chart-figure { break-inside: avoid-page; margin: 0 0 12pt; }
  figure.chart-figure figcaption { font-weight: 600; margin-bottom: 2pt; }
  svg.chart { max-width: 100%; height: auto; }
  dl.facts { display: grid; grid-template-columns: 28mm 1fr; gap: 1pt 8pt; margin: 0; font-size: 8.5pt; }
  dl.facts dt { color: var(--muted); }
  dl.facts dd { margin: 0; }
  table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 8pt; line-height: 1.35; margin: 0 0 8pt; }
  caption { text-align: left; font-size: 8pt; color: var(--muted); caption-side: top; padding-bottom: 2pt; }
  thead { display: table-header-group; }
  th { text-align: left; font-weight: 700; background: #e9edf3; border-bottom: 1px solid #9aa4b2; padding: 3pt 4pt; vertical-align: bottom; }
  td { border-bottom: 0.5pt solid var(--rule); padding: 2.5pt 4pt; vertical-align: top; }
  tbody tr:nth-child(even) td { background: #f6f7f9; }
  tr { break-inside: avoid-page; }
  /* A header row is never left alone at the foot of a page: the first rows go with it. */
  tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid-page; }
  .group-head { break-inside: avoid-page; break-after: avoid-page; }
  caption { break-after: avoid-page; }
  .group-note { font-size: 8pt; margin: 0 0 4pt; }
  .aliases { display: block; color: var(--muted); font-size: 7pt; }
  .listing-status { display: block; font-size: 7pt; font-weight: 700; }
  figure.reaction { break-inside: avoid-page; margin: 0 0 8pt; padding: 4pt 0 4pt 8pt; border-left: 2px solid var(--rule); }
  figure.reaction blockquote { margin: 0 0 2pt; font-size: 9.5pt; unicode-bidi: plaintext; }
  figure.reaction .paraphrase { margin: 0 0 2pt; font-size: 9pt; }
  figure.reaction .kind { font-size: 7pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
  figure.reaction figcaption { font-size: 8pt; color: var(--muted); }
  ul.changes { padding-left: 12pt; font-size: 9pt; margin: 0 0 6pt; }
  ul.changes > li { margin-bottom: 3pt; break-inside: avoid-page; }
  ul.changes .kind { color: var(--muted); }
  ul.changes ul.fields { padding-left: 10pt; font-size: 8pt; margin: 1pt 0 0; }
  ol.sources { padding-left: 18pt; font-size: 8pt; margin: 0; }
  ol.sources li { margin-bottom: 3pt; break-inside: avoid-page; }
  .legend { font-size: 7.5pt; color: var(--muted); margin-top: 12pt; }
`

/** The whole stylesheet of a briefing: fonts for the characters of `text`, page furniture, typography. */
export function briefingCss(furniture: PageFurniture, text: string): string {
  return `${fontFaceCss(text)}\n${pageRules(furniture)}\n${BODY_RULES}`
}

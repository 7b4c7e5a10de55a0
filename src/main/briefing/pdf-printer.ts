import type { PaperSize } from '../../shared/briefing'

/** Turns a briefing's HTML into PDF bytes: Playwright-driven Chromium, or Electron's own printToPDF. */
export interface PdfPrinter {
  print(html: string, paper: PaperSize): Promise<Buffer>
  /** Optional: get ready to print (start the browser) while the caller prepares the HTML. */
  warmUp?(): void
  close(): Promise<void>
}

/** The options both printers pass Chromium, so one HTML gives the same PDF either way. */
export const PRINT_OPTIONS = {
  /** The @page size and margins in the briefing's CSS decide the page; the margin boxes draw header and footer. */
  preferCSSPageSize: true,
  printBackground: true,
  tagged: true,
  outline: true,
} as const

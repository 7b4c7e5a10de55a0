import type { PdfPrinter } from '../briefing/pdf-printer'
import { startPrinter } from '../briefing/worker-printer'

/**
 * export-pdf spends most of its time in Chromium, and getting Chromium going (importing Playwright,
 * launching the browser, opening a page) takes over a second before anything can be printed. The
 * command line's entry starts that here, before it loads the rest of itself, so the start runs in a
 * worker thread beside loading the program, opening the store and laying out the briefing.
 */
let early: PdfPrinter | null = null

/** Starts the printer when the arguments ask for export-pdf; anything else pays nothing. */
export function startPrinterEarly(args: readonly string[], env: NodeJS.ProcessEnv): void {
  if (args.includes('export-pdf')) early = startPrinter(env, { oneShot: true })
}

/** The printer started early, or a new one: export-pdf prints once, then closes it. */
export function takePrinter(env: NodeJS.ProcessEnv): PdfPrinter {
  const printer = early ?? startPrinter(env, { oneShot: true })
  early = null
  return printer
}

/** Closes a printer started early that no command took (bad arguments, --help). */
export async function closeUntakenPrinter(): Promise<void> {
  const printer = early
  early = null
  await printer?.close()
}

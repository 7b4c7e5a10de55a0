import { existsSync } from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import type { PaperSize } from '../../shared/briefing'
import { lazyModule } from '../lazy-module'
import { BriefingError } from './briefing-error'
import { ChromiumTempDir } from './chromium-temp-dir'
import { PRINT_OPTIONS, type PdfPrinter } from './pdf-printer'
import { answerPrintRequest, PRINT_ORIGIN, PRINT_URL } from './print-origin'

const DEFAULT_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
]

/** The Chromium to print with: CHROMIUM_PATH when set, else the first usual install found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.CHROMIUM_PATH
  if (configured) {
    if (!existsSync(configured)) {
      throw new BriefingError(
        `CHROMIUM_PATH is set to "${configured}", but no file is there. Point CHROMIUM_PATH at a Chromium or Chrome executable.`,
      )
    }
    return configured
  }
  const found = DEFAULT_CHROMIUM_PATHS.find((candidate) => existsSync(candidate))
  if (!found) {
    throw new BriefingError(
      `No Chromium found to print the PDF (looked in ${DEFAULT_CHROMIUM_PATHS.join(', ')}). ` +
        'Install Chromium or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    )
  }
  return found
}

/**
 * Playwright through require, not import(): it is CommonJS, and importing it from an ES module first
 * scans its large bundle for export names, on the briefing's critical path.
 */
const loadPlaywright = lazyModule<typeof import('playwright-core')>('playwright-core')

/**
 * How Chromium runs headless here: no sandbox (containers), no GPU, no calls home, and no audio (a
 * briefing is silent, and PulseAudio's client leaves folders of its own in the temporary folder).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-audio-output',
  '--disable-audio-input',
  '--mute-audio',
]

export interface ChromiumPrinterOptions {
  /**
   * One print, then close (the command line): Chromium runs as a single process, which starts its page
   * sooner (no renderer process to spawn). Safe enough because
   * the page runs no JavaScript and reaches nothing but the briefing's own origin. Only for one page: a
   * second page crashes a single-process Chromium, so the long-lived printer of browser mode keeps
   * Chromium's usual processes.
   */
  oneShot?: boolean
}

/**
 * Prints briefings with a local Chromium driven by Playwright (browser mode and the command line). The
 * browser starts on first use and stays up for later previews until close(); every print gets a fresh
 * page, in a context with JavaScript off, whose only reachable origin is the briefing's own. Chromium's
 * profile and temporary files are all in one folder of the printer's own (ChromiumTempDir).
 */
export class ChromiumPrinter implements PdfPrinter {
  private browser: Promise<BrowserContext> | null = null
  private tempDir: ChromiumTempDir | null = null
  private printed = false
  /** A one-shot printer starts Chromium as one process, unless that failed once (see print). */
  private singleProcess: boolean

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly options: ChromiumPrinterOptions = {},
  ) {
    this.singleProcess = Boolean(options.oneShot)
  }

  private launch(): Promise<BrowserContext> {
    if (!this.browser) {
      const executablePath = findChromium(this.env)
      const args = this.singleProcess ? [...CHROMIUM_ARGS, '--single-process'] : CHROMIUM_ARGS
      const tempDir = ChromiumTempDir.create()
      this.tempDir = tempDir
      const env = tempDir ? tempDir.environment(this.env) : this.env
      // A persistent context is the one way to choose where the profile goes; its pages are our prints.
      const options = {
        executablePath,
        args,
        env,
        javaScriptEnabled: false,
        ...(tempDir ? { artifactsDir: tempDir.artifacts } : {}),
      }
      // Loaded on first print: Playwright takes half a second to load, which no other command should pay.
      this.browser = Promise.resolve()
        .then(() => loadPlaywright().chromium.launchPersistentContext(tempDir?.profile ?? '', options))
        .then((browser) => {
          // Registered after launch, so it runs after the exit handler Playwright registered there.
          tempDir?.removeLastOnExit()
          return browser
        })
        .catch((error: unknown) => {
          this.browser = null
          tempDir?.removeNow()
          throw new BriefingError(
            `Chromium at "${executablePath}" could not be started (${(error as Error).message.split('\n')[0]}). ` +
              'Set CHROMIUM_PATH to a working Chromium or Chrome executable.',
          )
        })
    }
    return this.browser
  }

  /**
   * A page ready to load a briefing: its own context with JavaScript off, whose only reachable origin
   * is the briefing's. The HTML is handed over later, so the page can be made while the store is read.
   */
  private async openPage(): Promise<{ page: Page; setHtml(html: string): void }> {
    const context = await this.launch()
    let html = ''
    const page = await context.newPage()
    await page.route('**/*', (route) => {
      const url = route.request().url()
      if (!url.startsWith(`${PRINT_ORIGIN}/`)) return route.abort('blockedbyclient')
      const answer = answerPrintRequest(url, html)
      return route.fulfill({ status: answer.status, contentType: answer.contentType, body: answer.body })
    })
    return { page, setHtml: (value) => (html = value) }
  }

  private warm: ReturnType<ChromiumPrinter['openPage']> | null = null

  /** Starts Chromium and opens a page now, so that cost overlaps with reading and laying out the briefing. */
  warmUp(): void {
    if (this.warm) return
    this.warm = this.openPage()
    // A failure is reported by the print that uses this page, not as an unhandled rejection here.
    this.warm.catch(() => undefined)
  }

  /**
   * Whether this one-shot printer's thread may now end by simply exiting. It may when ending it ends
   * Chromium without leaving anything behind: Playwright kills the browsers it launched when the thread
   * exits, and everything Chromium wrote is in the printer's folder, removed then too. A launch under
   * way is waited for first, so that Playwright's exit handler is registered before the thread exits.
   */
  async readyToBeKilled(): Promise<boolean> {
    if (!this.options.oneShot || this.tempDir === null) return false
    await this.browser?.catch(() => undefined)
    return this.tempDir !== null
  }

  async print(html: string, paper: PaperSize): Promise<Buffer> {
    if (this.options.oneShot) {
      if (this.printed) throw new Error('A one-shot printer prints one briefing; start another for the next.')
      this.printed = true
    }
    if (!this.singleProcess) return this.printOnce(html, paper)
    try {
      return await this.printOnce(html, paper)
    } catch {
      // Chromium supports a single process only as a debugging mode; should it fail (it has, once, on a
      // loaded machine), the briefing is printed again by a Chromium with its usual processes.
      await this.close()
      this.singleProcess = false
      return this.printOnce(html, paper)
    }
  }

  private async printOnce(html: string, paper: PaperSize): Promise<Buffer> {
    const ready = this.warm ?? this.openPage()
    this.warm = null
    const { page, setHtml } = await ready
    try {
      setHtml(html)
      // "load" waits for the fonts the layout asked for, so no glyph is printed in a fallback face.
      await page.goto(PRINT_URL, { waitUntil: 'load' })
      return await page.pdf({
        format: paper === 'a4' ? 'A4' : 'Letter',
        ...PRINT_OPTIONS,
      })
    } finally {
      // A one-shot browser goes as a whole when the printer closes; the PDF need not wait for its page.
      const closing = page.close()
      if (this.options.oneShot) closing.catch(() => undefined)
      else await closing
    }
  }

  async close(): Promise<void> {
    const warm = this.warm
    this.warm = null
    if (warm) await (await warm.catch(() => null))?.page.close()
    const browser = this.browser
    this.browser = null
    if (browser) await (await browser.catch(() => null))?.close()
    this.tempDir?.removeNow()
    this.tempDir = null
  }
}

import { BrowserWindow, session, type Session } from 'electron'
import type { PaperSize } from '../../shared/briefing'
import { PRINT_OPTIONS, type PdfPrinter } from '../briefing/pdf-printer'
import { answerPrintRequest, PRINT_ORIGIN, PRINT_URL } from '../briefing/print-origin'
import { denyAllPermissions } from './security-policy'

/** An in-memory session of its own, so printing shares no cookies, cache or handlers with the app window. */
const PRINT_PARTITION = 'briefing-print'

/**
 * Prints briefings in the desktop app with Electron's own Chromium (webContents.printToPDF): a hidden,
 * sandboxed window with JavaScript off loads the briefing from PRINT_ORIGIN, which a protocol handler on
 * the print session answers from memory; every other request is cancelled. Prints run one at a time,
 * because the handler serves the one briefing being printed.
 */
export class ElectronPrinter implements PdfPrinter {
  private queue: Promise<unknown> = Promise.resolve()
  private printSession: Session | null = null
  private currentHtml = ''

  private prepareSession(): Session {
    if (this.printSession) return this.printSession
    const printSession = session.fromPartition(PRINT_PARTITION)
    denyAllPermissions(printSession)
    printSession.webRequest.onBeforeRequest((details, callback) =>
      callback({ cancel: !details.url.startsWith(`${PRINT_ORIGIN}/`) }),
    )
    printSession.protocol.handle('http', (request) => {
      const answer = answerPrintRequest(request.url, this.currentHtml)
      return new Response(new Uint8Array(answer.body), {
        status: answer.status,
        headers: { 'content-type': answer.contentType },
      })
    })
    this.printSession = printSession
    return printSession
  }

  print(html: string, paper: PaperSize): Promise<Buffer> {
    const job = this.queue.then(() => this.printNow(html, paper))
    this.queue = job.catch(() => undefined)
    return job
  }

  private async printNow(html: string, paper: PaperSize): Promise<Buffer> {
    this.currentHtml = html
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: this.prepareSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
        // Nothing in a briefing is clickable, and a middle-click must never open a window.
        disableBlinkFeatures: 'Auxclick',
      },
    })
    try {
      await window.loadURL(PRINT_URL)
      return await window.webContents.printToPDF({
        pageSize: paper === 'a4' ? 'A4' : 'Letter',
        printBackground: PRINT_OPTIONS.printBackground,
        preferCSSPageSize: PRINT_OPTIONS.preferCSSPageSize,
        generateTaggedPDF: PRINT_OPTIONS.tagged,
        generateDocumentOutline: PRINT_OPTIONS.outline,
      })
    } finally {
      window.destroy()
      this.currentHtml = ''
    }
  }

  async close(): Promise<void> {
    await this.queue
  }
}

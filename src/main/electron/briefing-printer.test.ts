import { beforeEach, describe, expect, it, vi } from 'vitest'
import { PRINT_URL } from '../briefing/print-origin'

/**
 * The desktop printer cannot run here (no Electron runtime), so its contract with Electron is checked
 * against fakes: a hidden, sandboxed window without JavaScript, the same print options as Playwright's,
 * requests answered only for the briefing's own origin, and prints one at a time.
 */
const windows: FakeWindow[] = []
let handler: ((request: { url: string }) => Response) | null = null
let requestFilter: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null =
  null
let printing = 0
let maxConcurrent = 0

class FakeWindow {
  destroyed = false
  webContents = {
    printToPDF: vi.fn(async (options: Record<string, unknown>) => {
      printing += 1
      maxConcurrent = Math.max(maxConcurrent, printing)
      const page = await handler!({ url: PRINT_URL }).text()
      await new Promise((resolve) => setTimeout(resolve, 5))
      printing -= 1
      return Buffer.from(`%PDF ${options.pageSize} ${page}`)
    }),
  }
  loadURL = vi.fn(async () => {})
  destroy = vi.fn(() => {
    this.destroyed = true
  })
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    windows.push(this)
  }
}

const fakeSession = {
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
  webRequest: { onBeforeRequest: vi.fn((filter: typeof requestFilter) => (requestFilter = filter)) },
  protocol: { handle: vi.fn((_scheme: string, h: typeof handler) => (handler = h)) },
}

vi.mock('electron', () => ({
  BrowserWindow: FakeWindow,
  session: { fromPartition: vi.fn(() => fakeSession) },
}))

describe('desktop briefing printer', () => {
  beforeEach(() => {
    windows.length = 0
  })

  it('prints in a hidden, sandboxed window with JavaScript off, tagged and with an outline', async () => {
    const { ElectronPrinter } = await import('./briefing-printer')
    const printer = new ElectronPrinter()
    const pdf = await printer.print('<p>hello</p>', 'a4')
    expect(pdf.toString()).toBe('%PDF A4 <p>hello</p>')
    const [window] = windows
    expect(window.options).toMatchObject({ show: false })
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    })
    expect(window.loadURL).toHaveBeenCalledWith(PRINT_URL)
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    })
    expect(window.destroyed).toBe(true)
  })

  it('answers only the briefing origin and cancels every other request', async () => {
    const { ElectronPrinter } = await import('./briefing-printer')
    await new ElectronPrinter().print('<p>x</p>', 'letter')
    const decide = (url: string) => {
      let cancel: boolean | undefined
      requestFilter!({ url }, (result) => (cancel = result.cancel))
      return cancel
    }
    expect(decide(PRINT_URL)).toBe(false)
    expect(decide('https://example.org/tracker.png')).toBe(true)
    expect(decide('http://briefing.invalid.example.org/')).toBe(true)
    expect(handler!({ url: 'http://elsewhere.example/' }).status).toBe(403)
    expect(handler!({ url: 'http://briefing.invalid/fonts/noto-sans/../../etc/passwd' }).status).toBe(404)
    expect(fakeSession.setPermissionRequestHandler).toHaveBeenCalled()
  })

  it('prints one briefing at a time, each with its own HTML', async () => {
    const { ElectronPrinter } = await import('./briefing-printer')
    const printer = new ElectronPrinter()
    maxConcurrent = 0
    const results = await Promise.all(
      ['a', 'b', 'c'].map((name) => printer.print(`<p>${name}</p>`, 'letter')),
    )
    expect(results.map((r) => r.toString())).toEqual([
      '%PDF Letter <p>a</p>',
      '%PDF Letter <p>b</p>',
      '%PDF Letter <p>c</p>',
    ])
    expect(maxConcurrent).toBe(1)
  })
})

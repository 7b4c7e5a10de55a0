import { beforeEach, describe, expect, it, vi } from 'vitest'

const created: { options: Record<string, unknown>; window: FakeWindow }[] = []

class FakeWindow {
  webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() }
  once = vi.fn()
  loadURL = vi.fn(async () => {})
  maximize = vi.fn()
  constructor(options: Record<string, unknown>) {
    created.push({ options, window: this })
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }))

describe('main window', () => {
  beforeEach(() => {
    created.length = 0
  })

  it('is isolated, sandboxed, without Node, with web security, loaded from app://', async () => {
    const { createMainWindow } = await import('./main-window')
    createMainWindow('/app/out/preload/index.cjs', { width: 1000, height: 700, maximized: false })
    const [{ options, window }] = created
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
    expect(window.loadURL).toHaveBeenCalledWith('app://bundle/index.html')
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled()
    expect(window.webContents.on.mock.calls.map((call) => call[0])).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview']),
    )
  })

  it('opens where it was left, maximised if it was', async () => {
    const { createMainWindow } = await import('./main-window')
    createMainWindow('/p.cjs', { x: 40, y: 50, width: 900, height: 600, maximized: true })
    expect(created[0].options).toMatchObject({ x: 40, y: 50, width: 900, height: 600 })
    expect(created[0].window.maximize).toHaveBeenCalled()
  })
})

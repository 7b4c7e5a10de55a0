import { BrowserWindow } from 'electron'
import { APP_ORIGIN, guardWebContents } from './security-policy'
import type { WindowState } from './window-state'

/**
 * The one window. Options are written out here, literally, so both readers and static checkers
 * (electronegativity) see them: isolated, sandboxed, no Node, web security on.
 */
export function createMainWindow(preloadPath: string, state: WindowState): BrowserWindow {
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    title: 'Sanctions Briefing',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  })
  if (state.maximized) window.maximize()
  guardWebContents(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

import { app, BrowserWindow, dialog, ipcMain, session } from 'electron'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultStorePath, userDataDir } from '../app-paths'
import { openAppStore } from '../app-store'
import { createApiHandlers } from '../services/api-handlers'
import { freshStorePathBeside, type Store } from '../store/open-store'
import { StoreError } from '../store/store-error'
import { APP_ORIGIN, handleAppProtocol, registerAppSchemePrivileges } from './app-protocol'
import { registerIpcHandlers } from './ipc'
import { mainWindowOptions } from './window-options'

const here = path.dirname(fileURLToPath(import.meta.url))
const rendererDir = path.join(here, '..', 'renderer')
const preloadPath = path.join(here, '..', 'preload', 'index.cjs')

/**
 * better-sqlite3 built against Electron's ABI lives apart from the Node build that the CLI and tests
 * use (scripts/build-electron-native.mjs), so both can sit in one checkout.
 */
function electronNativeBinding(): string {
  const base = app.isPackaged ? process.resourcesPath : path.join(here, '..', '..')
  return path.join(base, 'build', 'electron-native', 'better_sqlite3.node')
}

function resourcesPath(): string | undefined {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : undefined
}

async function openStoreOrOfferNew(storePath: string): Promise<Store | null> {
  try {
    return openAppStore(storePath, { nativeBinding: electronNativeBinding(), resourcesDir: resourcesPath() })
  } catch (error) {
    if (!(error instanceof StoreError) || error.code === 'locked') throw error
    const fresh = freshStorePathBeside(storePath)
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: 'The store cannot be opened',
      message: error.message,
      detail: `You can start a new store beside it at:\n${fresh}\nThe existing file will not be changed.`,
      buttons: ['Start a new store', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    })
    if (choice.response !== 0) return null
    return openAppStore(fresh, { nativeBinding: electronNativeBinding(), resourcesDir: resourcesPath() })
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  // Deny navigation away from the app and every new window.
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  void window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}

async function start(): Promise<void> {
  registerAppSchemePrivileges()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.setPath('userData', userDataDir())
  await app.whenReady()
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  handleAppProtocol(rendererDir)

  const store = await openStoreOrOfferNew(defaultStorePath())
  if (!store) {
    app.quit()
    return
  }
  registerIpcHandlers(ipcMain, createApiHandlers(store))
  let mainWindow = createMainWindow()
  app.on('second-instance', () => {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => store.close())
}

void start()

import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session } from 'electron'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultStorePath, userDataDir } from '../app-paths'
import { openAppStore } from '../app-store'
import { createApiHandlers } from '../services/api-handlers'
import { warmFirstView } from '../services/catalog-services'
import { StagedFiles } from '../services/staged-files'
import { freshStorePathBeside, type Store } from '../store/open-store'
import { StoreError } from '../store/store-error'
import { handleAppProtocol, registerAppSchemePrivileges } from './app-protocol'
import { ElectronPrinter } from './briefing-printer'
import { registerIpcHandlers } from './ipc'
import { createMainWindow } from './main-window'
import { buildMenuTemplate } from './menu'
import { denyAllPermissions } from './security-policy'
import {
  importUpdateFromDialog,
  openDataFolder,
  openSourceLink,
  saveBriefingPdfFromDialog,
  sendCommand,
  showAbout,
} from './shell-actions'
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state'

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

function open(storePath: string): Store {
  return openAppStore(storePath, {
    nativeBinding: electronNativeBinding(),
    resourcesDir: resourcesPath(),
    // The window shows the first view while the store's integrity is checked (writes wait for it).
    integrityCheck: 'in-background',
  })
}

/** A store that cannot be opened is named, left untouched, and a fresh one beside it is offered. */
async function openStoreOrOfferNew(storePath: string): Promise<Store | null> {
  try {
    return open(storePath)
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
    return choice.response === 0 ? open(fresh) : null
  }
}

async function start(): Promise<void> {
  registerAppSchemePrivileges()
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // The same folder the CLI and browser mode compute, so all three share one store.
  app.setPath('userData', process.env.SANCTIONS_BRIEFING_USER_DATA ?? userDataDir())
  await app.whenReady()
  denyAllPermissions(session.defaultSession)
  handleAppProtocol(rendererDir)

  const store = await openStoreOrOfferNew(defaultStorePath())
  if (!store) {
    app.quit()
    return
  }
  const stateFile = path.join(app.getPath('userData'), 'window-state.json')
  const staged = new StagedFiles()
  const printer = new ElectronPrinter()
  let mainWindow: BrowserWindow
  const showWindow = () => {
    const state = fitToDisplays(
      loadWindowState(stateFile),
      screen.getAllDisplays().map((d) => d.workArea),
    )
    mainWindow = createMainWindow(preloadPath, state)
    mainWindow.on('close', () =>
      saveWindowState(stateFile, { ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() }),
    )
  }
  registerIpcHandlers(
    ipcMain,
    createApiHandlers(store, staged, {
      openSourceLink: (url) => openSourceLink(mainWindow, url),
      printer,
      saveBriefingPdf: (fileName, pdf) => saveBriefingPdfFromDialog(mainWindow, fileName, pdf),
    }),
  )
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        importUpdate: () => void importUpdateFromDialog(mainWindow, staged),
        exportBriefing: () => sendCommand(mainWindow, { type: 'export-briefing' }),
        openDataFolder: () => openDataFolder(store),
        showView: (view) => sendCommand(mainWindow, { type: 'show-view', view }),
        showAbout: () => void showAbout(mainWindow, store),
      }),
    ),
  )
  showWindow()
  // While the window loads its script (see warmFirstView).
  setImmediate(() => warmFirstView(store))
  app.on('second-instance', () => {
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow()
  })
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => store.close())
}

void start()

import { app, dialog, shell, type BrowserWindow } from 'electron'
import fs from 'node:fs'
import path from 'node:path'
import { APP_COMMAND_CHANNEL, type AppCommand } from '../../shared/app-commands'
import { LIMITS } from '../../shared/contract'
import { writeFileAtomically } from '../services/briefing-services'
import * as catalog from '../services/catalog-services'
import type { StagedFiles } from '../services/staged-files'
import type { Store } from '../store/open-store'
import { isSafeExternalUrl } from './security-policy'

export function sendCommand(window: BrowserWindow, command: AppCommand): void {
  window.webContents.send(APP_COMMAND_CHANNEL, command)
}

/** Opens a source's web page in the system browser, only for http(s) and only after the user agrees. */
export async function openSourceLink(
  window: BrowserWindow,
  url: string,
): Promise<{ opened: boolean; message: string }> {
  if (!isSafeExternalUrl(url)) return { opened: false, message: 'Only http and https links can be opened.' }
  const choice = await dialog.showMessageBox(window, {
    type: 'question',
    title: 'Open link',
    message: 'Open this source in your web browser?',
    detail: url,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  })
  if (choice.response !== 0) return { opened: false, message: 'Not opened.' }
  await shell.openExternal(url)
  return { opened: true, message: 'Opened in your browser.' }
}

/** File → Import update…: a native open dialog (bundles and published lists), then the Updates view's preview. */
export async function importUpdateFromDialog(window: BrowserWindow, staged: StagedFiles): Promise<void> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Import update',
    properties: ['openFile'],
    filters: [
      { name: 'Update bundles and published lists', extensions: ['sbb', 'zip', 'csv', 'json', 'jsonl'] },
      { name: 'All files', extensions: ['*'] },
    ],
  })
  const file = result.filePaths[0]
  if (result.canceled || !file) return
  const size = fs.statSync(file).size
  if (size > LIMITS.maxUpdateFileBytes) {
    await dialog.showMessageBox(window, {
      type: 'error',
      message: `${path.basename(file)} is too large to be an update (${size} bytes).`,
    })
    return
  }
  const uploadId = staged.stage(path.basename(file), fs.readFileSync(file))
  sendCommand(window, { type: 'preview-update', uploadId, fileName: path.basename(file) })
}

export function openDataFolder(store: Store): void {
  void shell.openPath(path.dirname(store.path))
}

/** Help → About: app, Electron and data versions, and how current the data is. */
export async function showAbout(window: BrowserWindow, store: Store): Promise<void> {
  const info = catalog.appInfo(store)
  await dialog.showMessageBox(window, {
    type: 'info',
    title: 'About Sanctions Briefing',
    message: `Sanctions Briefing ${app.getVersion()}`,
    detail: [
      `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
      `Store version ${info.storeVersion}`,
      `Default dataset ${info.datasetVersion ?? 'not loaded'}`,
      `Data as of ${info.dataAsOf ?? 'unknown'}`,
      `Data file: ${info.storePath}`,
    ].join('\n'),
  })
}

/** Export briefing: a native save dialog, then the PDF written whole (never half a file). */
export async function saveBriefingPdfFromDialog(
  window: BrowserWindow,
  fileName: string,
  pdf: Buffer,
): Promise<{ saved: boolean; path?: string }> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Export briefing',
    defaultPath: path.join(app.getPath('documents'), fileName),
    filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
  })
  if (result.canceled || !result.filePath) return { saved: false }
  writeFileAtomically(result.filePath, pdf)
  return { saved: true, path: result.filePath }
}

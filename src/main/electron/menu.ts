import type { MenuItemConstructorOptions } from 'electron'
import { VIEW_NAMES, type ViewName } from '../../shared/app-commands'

/** What the menu items do; the shell supplies these, tests supply spies. */
export interface MenuActions {
  importUpdate(): void
  /** Null until the briefing export exists: the item is then shown but disabled. */
  exportBriefing: (() => void) | null
  openDataFolder(): void
  showView(view: ViewName): void
  showAbout(): void
}

/** File, Edit, View and Help, with keyboard shortcuts; macOS gets its app menu first. */
export function buildMenuTemplate(
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (isMac) template.push({ role: 'appMenu' })
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Import update…', accelerator: 'CmdOrCtrl+O', click: () => actions.importUpdate() },
        {
          label: 'Export briefing…',
          accelerator: 'CmdOrCtrl+E',
          enabled: actions.exportBriefing !== null,
          click: () => actions.exportBriefing?.(),
        },
        { type: 'separator' },
        { label: 'Open data folder', click: () => actions.openDataFolder() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...VIEW_NAMES.map((view, index): MenuItemConstructorOptions => ({
          label: view,
          accelerator: `CmdOrCtrl+${index + 1}`,
          click: () => actions.showView(view),
        })),
        { type: 'separator' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Help',
      submenu: [{ label: 'About Sanctions Briefing', click: () => actions.showAbout() }],
    },
  )
  return template
}

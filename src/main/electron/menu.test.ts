import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions } from './menu'

function actions(overrides: Partial<MenuActions> = {}): MenuActions {
  return {
    importUpdate: vi.fn(),
    exportBriefing: null,
    openDataFolder: vi.fn(),
    showView: vi.fn(),
    showAbout: vi.fn(),
    ...overrides,
  }
}

const submenu = (template: MenuItemConstructorOptions[], label: string) =>
  template.find((m) => m.label === label)!.submenu as MenuItemConstructorOptions[]
const click = (item: MenuItemConstructorOptions) => (item.click as () => void)()

describe('application menu', () => {
  it('has File, Edit, View and Help', () => {
    const template = buildMenuTemplate(actions(), 'linux')
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'editMenu', 'View', 'Help'])
    expect(buildMenuTemplate(actions(), 'darwin')[0].role).toBe('appMenu')
  })

  it('File offers Import update…, Export briefing…, Open data folder and Quit', () => {
    const a = actions()
    const file = submenu(buildMenuTemplate(a, 'linux'), 'File')
    expect(file.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual([
      'Import update…',
      'Export briefing…',
      'Open data folder',
      'Quit',
    ])
    click(file[0])
    expect(a.importUpdate).toHaveBeenCalled()
    click(file.find((i) => i.label === 'Open data folder')!)
    expect(a.openDataFolder).toHaveBeenCalled()
  })

  it('enables Export briefing… only when the shell provides it', () => {
    expect(submenu(buildMenuTemplate(actions(), 'linux'), 'File')[1].enabled).toBe(false)
    const exportBriefing = vi.fn()
    const item = submenu(buildMenuTemplate(actions({ exportBriefing }), 'linux'), 'File')[1]
    expect(item.enabled).toBe(true)
    click(item)
    expect(exportBriefing).toHaveBeenCalled()
  })

  it('View switches between the tables and zooms', () => {
    const a = actions()
    const view = submenu(buildMenuTemplate(a, 'linux'), 'View')
    expect(view.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Overview',
      'Entities',
      'Rounds',
      'Reactions',
      'Briefing',
      'Updates',
      'Changes',
    ])
    // Appended last, so the shortcuts of the views before it did not move.
    expect(view.find((i) => i.label === 'Changes')?.accelerator).toBe('CmdOrCtrl+7')
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']),
    )
    click(view[2])
    expect(a.showView).toHaveBeenCalledWith('Rounds')
  })

  it('Help has About', () => {
    const a = actions()
    click(submenu(buildMenuTemplate(a, 'linux'), 'Help')[0])
    expect(a.showAbout).toHaveBeenCalled()
  })
})

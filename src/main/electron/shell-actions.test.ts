import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useTempDir } from '../test-support/temp-dir'

/** File dialogs against a fake `electron`: what the user picks decides what is written, and where. */
const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn() }
vi.mock('electron', () => ({
  app: { getPath: () => '/home/user/Documents' },
  dialog,
  shell: { openExternal: vi.fn(), openPath: vi.fn() },
}))

const tempDir = useTempDir()
const window = { webContents: { send: vi.fn() } } as never

describe('desktop file dialogs', () => {
  beforeEach(() => vi.clearAllMocks())

  it('Export briefing saves the PDF where the user chose, offering the title as its name', async () => {
    const { saveBriefingPdfFromDialog } = await import('./shell-actions')
    const target = path.join(tempDir(), 'June briefing.pdf')
    dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target })
    const result = await saveBriefingPdfFromDialog(window, 'June-2020.pdf', Buffer.from('%PDF-1.7 test'))
    expect(result).toEqual({ saved: true, path: target })
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 test')
    expect(dialog.showSaveDialog.mock.calls[0][1]).toMatchObject({
      defaultPath: path.join('/home/user/Documents', 'June-2020.pdf'),
      filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
    })
  })

  it('writes nothing when the user cancels', async () => {
    const { saveBriefingPdfFromDialog } = await import('./shell-actions')
    dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' })
    expect(await saveBriefingPdfFromDialog(window, 'x.pdf', Buffer.from('x'))).toEqual({ saved: false })
  })

  it('Import update offers bundles and published lists, and stages the chosen file for the preview', async () => {
    const { importUpdateFromDialog } = await import('./shell-actions')
    const file = path.join(tempDir(), 'cons.csv')
    fs.writeFileSync(file, '"source","name"\n')
    dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] })
    const staged = { stage: vi.fn(() => 'upload-id-0123456789abcdef') }
    await importUpdateFromDialog(window, staged as never)
    expect(dialog.showOpenDialog.mock.calls[0][1].filters[0].extensions).toEqual([
      'sbb',
      'zip',
      'csv',
      'json',
      'jsonl',
    ])
    expect(staged.stage).toHaveBeenCalledWith('cons.csv', expect.any(Buffer))
  })
})

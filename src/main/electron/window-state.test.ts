import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../test-support/temp-dir'
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, saveWindowState } from './window-state'

const tempDir = useTempDir()
const screenArea = { x: 0, y: 0, width: 1920, height: 1080 }

describe('window state', () => {
  it('remembers size and position across restarts', () => {
    const file = path.join(tempDir(), 'window-state.json')
    saveWindowState(file, { x: 100, y: 80, width: 1100, height: 700, maximized: true })
    expect(loadWindowState(file)).toEqual({ x: 100, y: 80, width: 1100, height: 700, maximized: true })
  })

  it('falls back to the default for a missing or damaged file', () => {
    const dir = tempDir()
    expect(loadWindowState(path.join(dir, 'none.json'))).toEqual(DEFAULT_WINDOW_STATE)
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"width": -5')
    expect(loadWindowState(path.join(dir, 'bad.json'))).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('drops a position that is off every display (a monitor was unplugged)', () => {
    const state = { x: 2500, y: 100, width: 1000, height: 700, maximized: false }
    expect(fitToDisplays(state, [screenArea])).toEqual({ width: 1000, height: 700, maximized: false })
    expect(fitToDisplays(state, [screenArea, { x: 1920, y: 0, width: 1920, height: 1080 }])).toEqual(state)
  })
})

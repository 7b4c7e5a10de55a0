import fs from 'node:fs'
import { z } from 'zod'

/** Where the main window was, so it opens there again. */
export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.output<typeof windowStateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

interface Area {
  x: number
  y: number
  width: number
  height: number
}

/** Reads the saved state; anything missing or malformed gives the default. */
export function loadWindowState(file: string): WindowState {
  try {
    return windowStateSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  fs.writeFileSync(file, JSON.stringify(state))
}

/**
 * Keeps a saved position only if the window would still be visible on one of today's displays (a
 * monitor may have been unplugged); otherwise the window is centred by dropping x and y.
 */
export function fitToDisplays(state: WindowState, workAreas: Area[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const visible = workAreas.some(
    (a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50,
  )
  if (visible) return state
  return { width: state.width, height: state.height, maximized: state.maximized }
}

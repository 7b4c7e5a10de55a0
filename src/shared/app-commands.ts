/**
 * Commands the desktop shell sends to the renderer (menu items, a file dropped on the window). This is
 * the one main → renderer channel; renderer → main calls all go through the contract.
 */
export const APP_COMMAND_CHANNEL = 'briefing:command'

// Appended, not inserted: the desktop menu's shortcuts (Ctrl+1 …) follow this order.
export const VIEW_NAMES = [
  'Overview',
  'Entities',
  'Rounds',
  'Reactions',
  'Briefing',
  'Updates',
  'Changes',
] as const
export type ViewName = (typeof VIEW_NAMES)[number]

export type AppCommand =
  | { type: 'show-view'; view: ViewName }
  | { type: 'preview-update'; uploadId: string; fileName: string }
  /** File → Export briefing…: the Briefing view exports what it currently shows. */
  | { type: 'export-briefing' }

export interface AppEvents {
  /** Subscribes to shell commands; returns the unsubscribe function. */
  onCommand(listener: (command: AppCommand) => void): () => void
}

/** Checks a command's shape before the renderer acts on it. */
export function isAppCommand(value: unknown): value is AppCommand {
  if (typeof value !== 'object' || value === null) return false
  const command = value as Record<string, unknown>
  if (command.type === 'show-view') return (VIEW_NAMES as readonly unknown[]).includes(command.view)
  if (command.type === 'preview-update')
    return typeof command.uploadId === 'string' && typeof command.fileName === 'string'
  if (command.type === 'export-briefing') return true
  return false
}

import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'Sanctions Briefing'
export const STORE_FILE_NAME = 'sanctions-briefing.sqlite'

/**
 * The per-user data folder, computed the way Electron computes app.getPath('userData') for this app's
 * name, so the CLI and browser mode open the very store the desktop app uses. The desktop shell sets
 * userData to this same folder to keep the two from drifting.
 */
export function userDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir()
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME)
}

/** The store file: SANCTIONS_BRIEFING_DB when set, else the per-user default. */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SANCTIONS_BRIEFING_DB || path.join(userDataDir(process.platform, env), STORE_FILE_NAME)
}

import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import { electronRuntime } from './electron-runtime'

interface AppFixture {
  /** Browser mode: the URL the serve command printed, token included. Desktop: null. */
  url: string | null
  /** This test's own data directory (the store lives here). */
  dataDir: string
  /** Desktop: the app's window. */
  window: Page | null
}

/** Starts the built CLI's browser mode on a fresh data directory and waits for its first line. */
async function startServe(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--port', '0'], {
    env: { ...process.env, SANCTIONS_BRIEFING_DB: path.join(dataDir, 'store.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stderr: string[] = []
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()))
  const lines = readline.createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr.join('')}`)))
  })
  return { url, child }
}

/** Launches the real desktop app with its own data directory, through the environment. */
async function startDesktop(dataDir: string): Promise<ElectronApplication> {
  const runtime = electronRuntime()
  if (!runtime.available) throw new Error(`Cannot start the desktop app: ${runtime.reason}`)
  return _electron.launch({
    executablePath: runtime.executablePath,
    args: [path.resolve('out/main/index.js')],
    env: {
      ...process.env,
      SANCTIONS_BRIEFING_DB: path.join(dataDir, 'store.sqlite'),
      SANCTIONS_BRIEFING_USER_DATA: path.join(dataDir, 'user-data'),
    },
  })
}

export const test = base.extend<{ app: AppFixture; appPage: Page }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-briefing-e2e-'))
    if (testInfo.project.name === 'desktop') {
      const electronApp = await startDesktop(dataDir)
      await use({ url: null, dataDir, window: await electronApp.firstWindow() })
      await electronApp.close()
    } else {
      const { url, child } = await startServe(dataDir)
      await use({ url, dataDir, window: null })
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    }
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
  /**
   * The app, open on the Entities table (where most tests begin; a new store opens on the Overview, see
   * overview.spec.ts): a browser tab in browser mode, the window in the desktop app.
   */
  appPage: async ({ app, page }, use) => {
    const shown = app.window ?? page
    if (!app.window) await page.goto(app.url!)
    await expect(shown.getByRole('heading', { name: 'Overview', level: 2 })).toBeVisible()
    await shown.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Entities' }).click()
    await use(shown)
  },
})

export { expect }

/** Keeps the view the app opens on next, through the host's own API (as the app does when one is shown). */
export async function rememberView(url: string, view: string): Promise<void> {
  const token = /token=([\w-]+)/.exec(url)![1]
  const response = await fetch(new URL('/rpc/rememberView', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ view }),
  })
  if (!response.ok) throw new Error(`rememberView answered ${response.status}: ${await response.text()}`)
}

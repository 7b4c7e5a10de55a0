import { test as base, expect } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'

interface AppFixture {
  /** The URL the serve command printed, token included. */
  url: string
  dataDir: string
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

export const test = base.extend<{ app: AppFixture }>({
  // Playwright fixtures must destructure their dependencies, even when there are none.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sanctions-briefing-e2e-'))
    const { url, child } = await startServe(dataDir)
    await use({ url, dataDir })
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect }

import { chromium } from 'playwright-core'
import { spawn } from 'node:child_process'
import readline from 'node:readline'
import fs from 'node:fs'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--port', '0'], { env: { ...process.env, SANCTIONS_BRIEFING_DB: process.argv[2] }, stdio: ['ignore', 'pipe', 'ignore'] })
const url = await new Promise((r) => readline.createInterface({ input: child.stdout }).once('line', r))
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', 'loading', 'blink'] })
await page.goto(url)
await page.waitForFunction(() => performance.getEntriesByName('sb:entities-rows').length > 0, undefined, { timeout: 60000, polling: 'raf' })
const buf = await browser.stopTracing()
fs.writeFileSync(process.argv[3] ?? '/tmp/s8/load-trace.json', buf)
await browser.close(); child.kill()

import { chromium } from 'playwright-core'
import { spawn } from 'node:child_process'
import readline from 'node:readline'
const t0 = Date.now()
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
await page.addInitScript(() => {
  window.__lt = []
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push([Math.round(e.startTime), Math.round(e.duration)]) }).observe({ type: 'longtask', buffered: true })
})
const t1 = Date.now()
const child = spawn(process.execPath, ['out/main/cli.js', 'serve', '--port', '0'], { env: { ...process.env, SANCTIONS_BRIEFING_DB: process.argv[2] }, stdio: ['ignore', 'pipe', 'ignore'] })
const url = await new Promise((r) => readline.createInterface({ input: child.stdout }).once('line', r))
const t2 = Date.now()
await page.goto(url)
await page.waitForFunction(() => performance.getEntriesByName('sb:entities-rows').length > 0, undefined, { timeout: 60000, polling: 'raf' })
const info = await page.evaluate(() => {
  const nav = performance.getEntriesByType('navigation')[0]
  const r = performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\//, '').slice(0, 30), Math.round(e.startTime), Math.round(e.responseStart), Math.round(e.responseEnd)])
  const m = performance.getEntriesByType('mark').map((e) => [e.name, Math.round(e.startTime)])
  const p = performance.getEntriesByType('paint').map((e) => [e.name, Math.round(e.startTime)])
  return { origin: performance.timeOrigin, nav: { respEnd: Math.round(nav.responseEnd), domInteractive: Math.round(nav.domInteractive), dcl: Math.round(nav.domContentLoadedEventEnd) }, r, m, p, lt: window.__lt }
})
console.log('url printed after spawn', t2 - t1, 'page origin rel spawn', Math.round(info.origin - t1), 'rows rel spawn', Math.round(info.origin - t1 + info.m[0][1]))
console.log(JSON.stringify(info.nav)); for (const x of info.r) console.log('res', x.join(' ')); console.log('marks', JSON.stringify(info.m), 'paint', JSON.stringify(info.p)); console.log('longtasks', JSON.stringify(info.lt))
await browser.close(); child.kill()

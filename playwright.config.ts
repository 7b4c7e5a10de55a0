import { defineConfig, type Project } from '@playwright/test'
import { electronRuntime } from './e2e/electron-runtime'

/** Debian's Chromium (Playwright cannot download its own browsers here); CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const runtime = electronRuntime()
const projects: Project[] = [{ name: 'browser-mode' }]
if (runtime.available) {
  // The same user journeys against the real desktop app; specs that only make sense in a browser skip.
  projects.push({ name: 'desktop', testIgnore: ['**/bundle-crash.spec.ts'] })
} else if (!process.env.TEST_WORKER_INDEX) {
  console.log(`Desktop e2e skipped: ${runtime.reason}.`)
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1400, height: 900 },
    trace: 'retain-on-failure',
  },
  projects,
})

import { openStore } from '../src/main/store/open-store'
import { keepLastView } from '../src/main/store/app-state'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import path from 'node:path'
import readline from 'node:readline'
import type { Page } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../src/main/briefing/chromium-printer'
import { percentile, round } from './stats'

/** The review table as a user meets it: the real renderer in Chromium, served by the real loopback host. */
export type BrowserBench =
  | {
      status: 'measured'
      /**
       * From starting the host (spawning `serve`: Node, opening the store) to the Entities table's first
       * rows, the page opened as soon as the host printed its address: what a user waits after "start".
       */
      startToFirstRowsMs: number
      /** Of that, from opening the page (navigation start) to the first rows. */
      firstRowsMs: number
      /** The same page opened again on the running host (its entity index already built). */
      firstRowsWarmMs: number
      /** One more character typed in Search → the table shows that query's rows. */
      keystroke: { runs: number; p50Ms: number; p95Ms: number }
      /** A set filter ticked or unticked → rows and every facet count shown for it. */
      filterChange: { runs: number; p50Ms: number; p95Ms: number }
      /** The minimum-score slider moved one step (80–99, a name searched) → that score's rows shown. */
      sliderStep: { runs: number; p50Ms: number; p95Ms: number }
      /** From the click on "Overview" to its charts on screen. */
      overviewOpen: { runs: number; p50Ms: number; p95Ms: number }
      /** Every keystroke and filter change timed, in order (the percentiles above are over these). */
      samples: {
        keystrokes: number[]
        filterChanges: number[]
        sliderSteps: number[]
        overviewOpens: number[]
      }
      /** The renderer's JavaScript heap after the session, garbage collected. */
      heapMb: number
    }
  | { status: 'unavailable' | 'not-implemented'; reason: string }

const STEP_TIMEOUT_MS = 30_000

/** Starts `serve` from the built CLI on a store and resolves with the URL it prints. */
function startServe(cliPath: string, db: string) {
  const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0'], {
    env: { ...process.env, SANCTIONS_BRIEFING_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
  })
  return { child, url }
}

/**
 * Time from the last input event (keydown or pointerdown, stamped in the page) to the renderer's mark
 * for the rows of the expected query.
 */
async function timeToRows(
  page: Page,
  act: () => Promise<void>,
  expected: { search: string; filters: string; minScore?: number },
) {
  await page.evaluate(() => performance.clearMarks('sb:entities-rows'))
  await act()
  const handle = await page.waitForFunction(
    ({ search, filters, minScore }) => {
      const t0 = (window as unknown as { sbInputAt?: number }).sbInputAt ?? 0
      const mark = performance.getEntriesByName('sb:entities-rows').find((entry) => {
        const detail = (entry as PerformanceMark).detail as {
          search: string
          filters: string
          minScore: number
        }
        return (
          entry.startTime >= t0 &&
          detail.search === search &&
          detail.filters === filters &&
          (minScore === undefined || detail.minScore === minScore)
        )
      })
      return mark ? mark.startTime - t0 : false
    },
    expected,
    { timeout: STEP_TIMEOUT_MS, polling: 'raf' },
  )
  return (await handle.jsonValue()) as number
}

const summary = (samples: number[]) => ({
  runs: samples.length,
  p50Ms: round(percentile(samples, 50)),
  p95Ms: round(percentile(samples, 95)),
})

/**
 * Opens the app on `db` in Chromium and measures: start to first rows, keystroke to rows, filter change
 * to facets, heap. `typed` is what is typed into Search, a character at a time; `countries` two country
 * codes present in the store for the set-filter changes.
 */
export async function benchBrowser(options: {
  cliPath: string
  db: string
  typed: string
  countries: [string, string]
  rounds?: number
  /** Where to keep a picture of the Overview as first drawn (docs/screenshots/), if anywhere. */
  screenshot?: string
}): Promise<BrowserBench> {
  let executablePath: string
  try {
    executablePath = findChromium()
  } catch (error) {
    return { status: 'unavailable', reason: (error as Error).message }
  }
  const { chromium } = await import('playwright-core')
  // Measured as a reviewer starts who last used the Entities table: the app opens there.
  const store = openStore(options.db)
  try {
    keepLastView(store.db, 'Entities')
  } finally {
    store.close()
  }
  // The browser is up first with a tab open, as a user's is: "start" is starting the app's host, then
  // opening its address in that tab.
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  await page.addInitScript(() => {
    const stamp = () => ((window as unknown as { sbInputAt?: number }).sbInputAt = performance.now())
    window.addEventListener('keydown', stamp, true)
    window.addEventListener('pointerdown', stamp, true)
  })
  const startedAt = Date.now()
  const server = startServe(options.cliPath, options.db)
  try {
    const url = await server.url
    await page.goto(url)
    const firstRows = await page.waitForFunction(
      () => performance.getEntriesByName('sb:entities-rows')[0]?.startTime ?? false,
      undefined,
      { timeout: STEP_TIMEOUT_MS, polling: 'raf' },
    )
    const firstRowsMs = round((await firstRows.jsonValue()) as number)
    // The page's clock starts at its navigation; both clocks are this machine's, in epoch milliseconds.
    const pageOpenedAt = await page.evaluate(() => performance.timeOrigin)
    const startToFirstRowsMs = round(pageOpenedAt + firstRowsMs - startedAt)
    // Opening the page again on the running host (a reload): the entity index is built by now.
    await page.reload()
    const warm = await page.waitForFunction(
      () => performance.getEntriesByName('sb:entities-rows')[0]?.startTime ?? false,
      undefined,
      { timeout: STEP_TIMEOUT_MS, polling: 'raf' },
    )
    const firstRowsWarmMs = round((await warm.jsonValue()) as number)

    const search = page.getByRole('searchbox', { name: 'Search' })
    const keystrokes: number[] = []
    for (let pass = 0; pass < (options.rounds ?? 3); pass += 1) {
      await search.focus()
      for (let i = 1; i <= options.typed.length; i += 1) {
        const text = options.typed.slice(0, i)
        keystrokes.push(
          await timeToRows(page, () => page.keyboard.type(text.slice(-1)), { search: text, filters: '{}' }),
        )
      }
      // Back to the whole table before the next pass (not counted: a fill is not a keystroke).
      await timeToRows(page, () => search.fill(''), { search: '', filters: '{}' })
    }

    const filterChanges: number[] = []
    const country = page.getByRole('group', { name: 'Country' })
    const box = (code: string) => country.getByRole('checkbox', { name: new RegExp(`^${code} \\d`) })
    for (let pass = 0; pass < (options.rounds ?? 3); pass += 1) {
      const [a, b] = options.countries
      const steps: [string, boolean, string[]][] = [
        [a, true, [a]],
        [b, true, [a, b]],
        [a, false, [b]],
        [b, false, []],
      ]
      for (const [code, check, expected] of steps) {
        const filters = JSON.stringify({ country: expected })
        filterChanges.push(
          await timeToRows(page, () => (check ? box(code).check() : box(code).uncheck()), {
            search: '',
            filters,
          }),
        )
      }
    }
    // The minimum-score slider dragged down a step at a time (arrow keys, each a keydown) from 100 to
    // 80 with the sample name searched: each step asks for the fuzzy matches at the new score (#24).
    const sliderSteps: number[] = []
    // The filter passes leave the country filter set to none, which the table keeps as an empty list.
    const filters = JSON.stringify({ country: [] })
    await timeToRows(page, () => search.fill(options.typed), { search: options.typed, filters })
    const slider = page.getByRole('slider', { name: 'Minimum score' })
    await slider.focus()
    for (let score = 99; score >= 80; score -= 1)
      sliderSteps.push(
        await timeToRows(page, () => page.keyboard.press('ArrowLeft'), {
          search: options.typed,
          filters,
          minScore: score,
        }),
      )
    await timeToRows(page, () => page.keyboard.press('End'), {
      search: options.typed,
      filters,
      minScore: 100,
    })
    await timeToRows(page, () => search.fill(''), { search: '', filters })

    // Opening the Overview from the navigation, three times (back to Entities in between, not counted).
    const views = page.getByRole('navigation', { name: 'Views' })
    const overviewOpens: number[] = []
    for (let pass = 0; pass < 3; pass += 1) {
      await page.evaluate(() => performance.clearMarks('sb:overview-charts'))
      await views.getByRole('button', { name: 'Overview' }).click()
      const shown = await page.waitForFunction(
        () => {
          const mark = performance.getEntriesByName('sb:overview-charts')[0]
          const input = (window as unknown as { sbInputAt?: number }).sbInputAt
          return mark && input !== undefined ? mark.startTime - input : false
        },
        undefined,
        { timeout: STEP_TIMEOUT_MS, polling: 'raf' },
      )
      overviewOpens.push((await shown.jsonValue()) as number)
      if (pass === 0 && options.screenshot)
        await page.screenshot({ path: options.screenshot, fullPage: true })
      await views.getByRole('button', { name: 'Entities' }).click()
      await page.getByRole('table', { name: 'Entities' }).waitFor()
    }
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    return {
      status: 'measured',
      startToFirstRowsMs,
      firstRowsMs,
      firstRowsWarmMs,
      keystroke: summary(keystrokes),
      samples: {
        keystrokes: keystrokes.map(round),
        filterChanges: filterChanges.map(round),
        sliderSteps: sliderSteps.map(round),
        overviewOpens: overviewOpens.map(round),
      },
      filterChange: summary(filterChanges),
      sliderStep: summary(sliderSteps),
      overviewOpen: summary(overviewOpens),
      heapMb: round(heap.usedSize / 2 ** 20),
    }
  } finally {
    await browser.close()
    // The host closes its store as it stops: the caller may remove the store's folder only after that.
    const exited = server.child.exitCode !== null ? Promise.resolve() : once(server.child, 'exit')
    server.child.kill()
    await exited
  }
}

/** The built CLI beside the built benchmark (out/main/cli.js). */
export function builtCliPath(): string {
  return path.join(__dirname, 'cli.js')
}

/// <reference lib="dom" />
import { expect, rememberView, test } from './fixtures'

test('opens on the default data and lists entities', async ({ appPage: page }) => {
  const table = page.getByRole('table', { name: 'Entities' })
  await expect(table).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 38 of 38')
  await expect(table.getByRole('row', { name: /CloudWalk Technology/ })).toContainText('云从科技')
  await expect(table.getByRole('row', { name: /Hikvision/ })).toContainText('84 FR 54002')
  // In browser mode the token is moved out of the address bar once read.
  expect(page.url()).not.toContain('token=')
})

test('browser mode’s early request for the first page of entities is the one the table uses', async ({
  app,
  page,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'desktop',
    'the early request is browser mode’s (the desktop app uses IPC)',
  )
  const calls: string[] = []
  const otherCalls: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/queryEntities')) calls.push(request.postData() ?? '')
    else if (/\/rpc\/(loadViews|appInfo)$/.test(request.url()))
      otherCalls.push(`${request.url().replace(/.*\/rpc\//, '')} ${request.postData()}`)
  })
  // Which script sent it: the early one, not the app's (which would send it only once compiled).
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  const senders: string[] = []
  cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
    if (request.url.endsWith('/rpc/queryEntities'))
      senders.push(initiator.stack?.callFrames.at(-1)?.url ?? initiator.url ?? '')
  })
  // As a reviewer starts who last used the Entities table (a new store opens on the Overview).
  await rememberView(app.url!, 'Entities')
  await page.goto(app.url!)
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 38 of 38')
  // The request early-first-page.ts sent is the one the table used: no second one for the same page.
  expect(calls).toHaveLength(1)
  expect(JSON.parse(calls[0])).toMatchObject({ search: '', filters: {}, sort: [], offset: 0, facets: true })
  expect(senders).toHaveLength(1)
  expect(senders[0]).toMatch(/\/assets\/early-[\w-]+\.js$/)
  // And that script comes first in the page, before the app's.
  const scripts = await page.evaluate(() =>
    Array.from(
      document.querySelectorAll('script[type="module"]'),
      (script) => (script as HTMLScriptElement).src,
    ),
  )
  expect(scripts[0]).toMatch(/\/assets\/early-[\w-]+\.js$/)
  expect(scripts).toHaveLength(2)
  // The kept views and the app's information sent with it were drawn from, not asked for again.
  expect(otherCalls.sort()).toEqual(['appInfo {}', 'loadViews {"table":"entities"}'])
  await expect(page.getByText(/Data as of \d{4}-\d{2}-\d{2}/)).toBeVisible()
  // Opened again later, the table asks for its kept views anew (what came at start is used once).
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Rounds' }).click()
  await views.getByRole('button', { name: 'Entities' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 38 of 38')
  await expect
    .poll(() => otherCalls.filter((call) => call === 'loadViews {"table":"entities"}').length)
    .toBe(2)
})

test('lists rounds with declared and recorded counts', async ({ appPage: page }) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Rounds' }).click()
  const table = page.getByRole('table', { name: 'Rounds' })
  await expect(table.getByRole('row')).toHaveCount(4)
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 3 of 3')
  await expect(table.getByRole('row', { name: /84 FR 54002/ })).toContainText('28 added · 11 recorded')
  await expect(table.getByRole('row', { name: /85 FR 34495/ })).toContainText('24 added · 18 recorded')
})

test('lists reactions, quoting only verbatim text', async ({ appPage: page }) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reactions' }).click()
  const table = page.getByRole('table', { name: 'Reactions' })
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 30 of 30')
  await page.getByRole('searchbox', { name: 'Search' }).fill('wang')
  const wang = table.getByRole('row', { name: /Raymond Wang/ })
  await expect(wang).toContainText('“On one hand, China is the biggest market')
  // A verbatim quote shows the source's passage it was checked against.
  await wang.click()
  const details = page.getByRole('complementary', { name: 'Details' })
  const checked = details.locator('summary', { hasText: 'Checked against the source’s words on' })
  await expect(checked).toHaveText('Checked against the source’s words on 2026-12-06')
  await checked.click()
  await expect(details.locator('.checked-against blockquote')).toContainText(
    'Wang said, according to China Daily.',
  )
  await page.screenshot({ path: 'test-results/reaction-checked-against.png' })
  await details.getByRole('button', { name: 'Close details' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill('qihoo')
  const qihoo = table.getByRole('row', { name: /Qihoo 360/ }).filter({ hasText: 'Paraphrase' })
  await expect(qihoo).toContainText('daily operations will not be significantly affected')
  await expect(qihoo.locator('.quote')).not.toContainText('“')
})

test('without the token the page explains what to open and reads no data', async ({
  page,
  app,
}, testInfo) => {
  test.skip(testInfo.project.name === 'desktop', 'browser mode only: the desktop app needs no token')
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(app.url!.split('#')[0])
  await expect(page.getByRole('alert')).toContainText('needs its access token')
  expect(requests.filter((url) => url.includes('/rpc/'))).toEqual([])
})

test('the menu-less paths work too: a file dropped anywhere on the window goes to the Updates preview', async ({
  appPage: page,
}) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['this is not a bundle'], 'notes.txt', { type: 'text/plain' }))
    return transfer
  })
  await page.locator('main').dispatchEvent('drop', { dataTransfer })
  await expect(page.getByRole('heading', { name: 'Updates', level: 2 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Import an update' }).getByRole('alert')).toContainText(
    'notes.txt is not a file the app can import',
  )
})

import path from 'node:path'
import { cli } from './cli'
import { expect, test } from './fixtures'

test('the Overview: headline figures, a round’s bar opens its entities, tables hold the same numbers', async ({
  app,
  appPage: page,
}, testInfo) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click()
  await expect(page.getByRole('heading', { name: 'Overview', level: 2 })).toBeVisible()
  const headline = page.locator('dl.headline')
  await expect(headline).toContainText('Entities38')
  await expect(headline).toContainText('Rounds3')
  await expect(headline).toContainText('Reactions30')
  const growth = page.getByRole('group', { name: /^Growth of the lists/ })
  await expect(growth).toBeVisible()
  // The map shades China and names below it what it cannot draw: no country, Hong Kong, Cayman Islands.
  const map = page.getByRole('group', { name: /^Entities by country, on a map/ })
  await expect(map.getByRole('button', { name: 'CN (China): 33 entities' })).toBeVisible()
  await expect(map).toContainText('Not on the map: not recorded 2 · HK 2 · KY 1')
  await page.screenshot({ path: testInfo.outputPath('overview.png'), fullPage: true })

  // The numbers behind the country chart are those of `overview --json` on the same store.
  if (app.url) {
    const figures = JSON.parse(cli(path.join(app.dataDir, 'store.sqlite'), 'overview', '--json')) as {
      countries: { label: string; count: number }[]
    }
    const countries = page.getByRole('region', { name: 'Entities by country', exact: true })
    await countries.getByRole('button', { name: 'Show as table' }).click()
    const rows = countries.getByRole('row')
    await expect(rows).toHaveCount(figures.countries.length + 1)
    for (const [index, country] of figures.countries.entries())
      await expect(rows.nth(index + 1)).toHaveText(`${country.label}${country.count}`)
  }

  // A round's bar, reached with the keyboard, opens the Entities table filtered to that round.
  const round = growth.getByRole('button', { name: /^85 FR 34503, 2020-06-05/ })
  await round.focus()
  // Focus shows the mark's figures beside the chart, as hovering does.
  await expect(page.getByRole('region', { name: 'Growth of the lists' })).toContainText(
    '85 FR 34503, 2020-06-05, US BIS Entity List: 9 of 9 entities recorded',
  )
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Entities', level: 2 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 9 of 38')
  await expect(page.getByRole('button', { name: /^Remove filter Round: 85 FR 34503/ })).toBeVisible()

  // "Overview of this view" counts only those nine.
  await page.getByRole('button', { name: 'Overview of this view' }).click()
  await expect(page.locator('dl.headline')).toContainText('Entities9')
  await expect(page.getByText('Overview of the Entities table’s current view')).toBeVisible()
  await page.getByRole('button', { name: 'Overview of the whole store' }).click()
  await expect(page.locator('dl.headline')).toContainText('Entities38')

  // A month's "opposes" segment opens the Reactions table filtered to that stance.
  await page
    .getByRole('group', { name: /^How the world reacted: by stance/ })
    .getByRole('button', { name: '2019-10: 13 reactions, opposes' })
    .click()
  await expect(page.getByRole('heading', { name: 'Reactions', level: 2 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Remove filter Stance: opposes' })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 20 of 30')
})

test('a new user lands on the Overview; after that the app opens on the view last shown', async ({
  app,
  page,
}, testInfo) => {
  test.skip(testInfo.project.name === 'desktop', 'reloads a browser tab; the desktop window opens once')
  await page.goto(app.url!)
  await expect(page.getByRole('heading', { name: 'Overview', level: 2 })).toBeVisible()
  // The view is kept in the store once the host has answered; then a new start opens there.
  const kept = page.waitForResponse(
    (response) => response.url().endsWith('/rpc/rememberView') && response.ok(),
  )
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Rounds' }).click()
  await expect(page.getByRole('heading', { name: 'Rounds', level: 2 })).toBeVisible()
  await kept
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Rounds', level: 2 })).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Rounds' }),
  ).toHaveAttribute('aria-current', 'page')
})

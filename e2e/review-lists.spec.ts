import fs from 'node:fs'
import { expect, test } from './fixtures'

test('the Rounds table: facets, search, details, and links to a round’s entities and reactions', async ({
  appPage: page,
}) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Rounds' }).click()
  const table = page.getByRole('table', { name: 'Rounds' })
  const status = page.getByRole('status').filter({ hasText: 'Showing' })
  await expect(status).toHaveText('Showing 3 of 3')

  const years = page.getByRole('group', { name: 'Year' })
  await expect(years.getByRole('checkbox', { name: '2020 2' })).toBeVisible()
  await years.getByRole('checkbox', { name: '2020 2' }).check()
  await expect(status).toHaveText('Showing 2 of 3')
  await expect(page.getByRole('button', { name: 'Remove filter Year: 2020' })).toBeVisible()
  // The list facet is counted with the year filter applied.
  await expect(page.getByRole('group', { name: 'List' }).getByRole('checkbox')).toHaveAccessibleName(
    'US BIS Entity List 2',
  )
  await page.getByRole('searchbox', { name: 'Search' }).fill('34503')
  await expect(status).toHaveText('Showing 1 of 3')
  await page.getByRole('button', { name: 'Clear all' }).click()
  await expect(status).toHaveText('Showing 1 of 3')
  await page.getByRole('searchbox', { name: 'Search' }).fill('nothing like this')
  await expect(page.getByRole('note')).toContainText('No rounds match.')
  await page.getByRole('button', { name: 'Clear search and filters' }).click()
  await expect(status).toHaveText('Showing 3 of 3')

  await table.getByRole('row', { name: /84 FR 54002/ }).click()
  const details = page.getByRole('complementary', { name: 'Details' })
  await expect(details).toContainText('28 added · 11 recorded')
  await expect(details.getByRole('button', { name: 'Hikvision' })).toBeVisible()
  await page.screenshot({ path: 'test-results/rounds-details.png', fullPage: true })
  await details.getByRole('button', { name: 'Show these reactions in the Reactions table' }).click()
  await expect(page.getByRole('heading', { name: 'Reactions', level: 2 })).toBeVisible()
  await expect(status).toHaveText('Showing 19 of 30')
  await expect(page.getByRole('button', { name: 'Remove filter Round: 84 FR 54002' })).toBeVisible()

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Rounds' }).click()
  await table.getByRole('row', { name: /85 FR 34503/ }).click()
  await details.getByRole('button', { name: 'Show these entities in the Entities table' }).click()
  await expect(page.getByRole('heading', { name: 'Entities', level: 2 })).toBeVisible()
  await expect(status).toHaveText('Showing 9 of 38')
})

test('the Reactions table: facet counts, accent-blind search, sorting, keyboard, details and CSV', async ({
  appPage: page,
}) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reactions' }).click()
  const table = page.getByRole('table', { name: 'Reactions' })
  const status = page.getByRole('status').filter({ hasText: 'Showing' })
  await expect(status).toHaveText('Showing 30 of 30')

  const stance = page.getByRole('group', { name: 'Stance' })
  await expect(stance.getByRole('checkbox', { name: 'opposes 20' })).toBeVisible()
  await expect(stance.getByRole('checkbox', { name: 'not classified 7' })).toBeVisible()
  await stance.getByRole('checkbox', { name: 'opposes 20' }).check()
  await expect(status).toHaveText('Showing 20 of 30')
  // Every other facet now counts only reactions that oppose; stance keeps its own counts.
  await expect(stance.getByRole('checkbox', { name: 'supports 2' })).toBeVisible()
  const kinds = page.getByRole('group', { name: 'Organisation kind' })
  const kindCounts = await kinds
    .getByRole('checkbox')
    .evaluateAll((boxes) =>
      boxes.map((box) => Number(box.parentElement!.querySelector('.count')!.textContent)),
    )
  expect(kindCounts.reduce((a, b) => a + b, 0)).toBe(20)

  // Case and accents do not matter; all words must be found.
  await page.getByRole('searchbox', { name: 'Search' }).fill('GÉNG forceful')
  await expect(status).toHaveText('Showing 1 of 30')
  await expect(table.getByRole('row', { name: /Geng Shuang/ })).toContainText('firm and forceful')
  await page.getByRole('searchbox', { name: 'Search' }).fill('')
  await page.getByRole('button', { name: 'Remove filter Stance: opposes' }).click()
  await expect(status).toHaveText('Showing 30 of 30')

  // A text column filters by what it contains.
  await page.getByRole('searchbox', { name: 'Speaker contains' }).fill('GENG')
  await expect(status).toHaveText('Showing 5 of 30')
  await page.getByRole('button', { name: 'Remove filter Speaker contains “GENG”' }).click()
  await expect(status).toHaveText('Showing 30 of 30')

  // Sorted by date, newest first: undated reactions go last either way.
  await table.getByRole('button', { name: 'Date' }).click()
  await table.getByRole('button', { name: 'Date' }).click()
  await expect(table.getByRole('columnheader', { name: /Date/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('row').nth(1)).toContainText('2020-06-12')

  // Keyboard: "/" to search, arrows between rows, Enter opens the whole quote, Escape closes.
  await page.keyboard.press('/')
  await page.keyboard.type('roland berger')
  await expect(status).toHaveText('Showing 1 of 30')
  await table.getByRole('row').nth(1).focus()
  await page.keyboard.press('Enter')
  const details = page.getByRole('complementary', { name: 'Details' })
  await expect(details.getByRole('heading', { name: 'Raymond Wang' })).toBeVisible()
  await expect(details).toContainText('On one hand, China is the biggest market')
  await page.screenshot({ path: 'test-results/reactions-details.png', fullPage: true })
  await page.keyboard.press('Escape')
  await expect(details).toHaveCount(0)
  await page.getByRole('searchbox', { name: 'Search' }).fill('')
  // The rows are redrawn for the cleared search before one is focused.
  await expect(status).toHaveText('Showing 30 of 30')
  await table.getByRole('row').nth(1).focus()
  await page.keyboard.press('ArrowDown')
  await expect(table.getByRole('row').nth(2)).toBeFocused()

  await page
    .getByRole('group', { name: 'Organisation kind' })
    .getByRole('checkbox', { name: /^company/ })
    .check()
  await expect(status).toHaveText('Showing 13 of 30')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const csv = fs.readFileSync(await (await download).path(), 'utf8')
  const lines = csv.trimEnd().split('\r\n')
  expect(lines[0]).toBe('Date,Speaker,Organisation,Quote,Stance,Kind,Role,Round(s),Entities,Source,Local')
  expect(lines).toHaveLength(14)
  expect(lines.slice(1).every((line) => line.includes(',company,'))).toBe(true)
  // Verbatim text in quotation marks, a paraphrase without.
  expect(csv).toContain('“strongly opposes”')
  expect(csv).toContain('Hikvision resolutely opposes the U.S. move to blacklist the firm')
  await page.screenshot({ path: 'test-results/reactions-view.png', fullPage: true })
})

test('filters, column widths and the scroll position of a list table survive a restart', async ({
  appPage: page,
}) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reactions' }).click()
  const table = page.getByRole('table', { name: 'Reactions' })
  const status = page.getByRole('status').filter({ hasText: 'Showing' })
  await page
    .getByRole('group', { name: 'Round' })
    .getByRole('checkbox', { name: /84 FR 54002/ })
    .check()
  await expect(status).toHaveText('Showing 19 of 30')
  const resize = table.getByRole('separator', { name: 'Resize Quote column' })
  await expect(resize).toHaveAttribute('aria-valuenow', '400')
  const quoteWidth = () =>
    table.getByRole('columnheader', { name: 'Quote' }).evaluate((th) => th.getBoundingClientRect().width)
  const before = await quoteWidth()
  await resize.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(resize).toHaveAttribute('aria-valuenow', '460')
  expect(Math.round((await quoteWidth()) - before)).toBe(60)
  const scroller = page.locator('.table-scroll')
  await scroller.evaluate((el) => el.scrollTo(0, 400))
  await page.waitForTimeout(700)

  await page.reload()
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Reactions' }).click()
  await expect(status).toHaveText('Showing 19 of 30')
  await expect(table.getByRole('separator', { name: 'Resize Quote column' })).toHaveAttribute(
    'aria-valuenow',
    '460',
  )
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(350)
})

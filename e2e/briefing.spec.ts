import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

test('composes a briefing from the filtered Entities table, previews its pages and exports the PDF', async ({
  appPage: page,
  app,
}, testInfo) => {
  test.setTimeout(90_000)
  // Filter the table to the June 2020 military end-use round, then brief exactly that view.
  await page
    .getByRole('group', { name: 'Round' })
    .getByRole('checkbox', { name: /85 FR 34495/ })
    .check()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 18 of 38')
  await page.getByRole('button', { name: 'Brief this view' }).click()

  const settings = page.getByRole('form', { name: 'Briefing settings' })
  await expect(
    settings.getByRole('radio', { name: /The Entities table as filtered \(1 filter\)/ }),
  ).toBeChecked()
  await settings
    .getByRole('textbox', { name: 'Title', exact: true })
    .fill('June 2020: military end-use additions')
  await settings.getByRole('textbox', { name: 'Author or office' }).fill('Export Controls Desk')
  await settings.getByRole('textbox', { name: 'Handling banner' }).fill('CUI')
  await settings
    .getByRole('textbox', { name: 'Summary' })
    .fill('Eighteen entities recorded.\n\n- **Cloudminds** among them\n- *Harbin* universities too')
  await settings.getByRole('combobox', { name: 'Paper' }).selectOption('a4')

  // The preview is the printed PDF, drawn page by page.
  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview.getByRole('status').first()).toContainText(/\d+ pages · 18 entities/, {
    timeout: 30_000,
  })
  await expect(preview.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible()
  await expect(preview.locator('figure[data-state="ready"]').first()).toBeVisible({ timeout: 20_000 })
  await page.screenshot({ path: 'test-results/briefing-view.png', fullPage: false })

  // Save, change, reopen.
  await preview.getByRole('button', { name: 'Save briefing' }).click()
  await expect(page.getByRole('table', { name: 'Saved briefings' })).toContainText(
    'June 2020: military end-use additions',
  )

  // Export: browser mode downloads the PDF the preview showed. The desktop app asks where to save it in a
  // native dialog, which Playwright cannot drive; that path is unit-tested in shell-actions.test.ts.
  if (testInfo.project.name === 'desktop') return
  const downloadPromise = page.waitForEvent('download')
  await preview.getByRole('button', { name: 'Export PDF…' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toBe('June-2020-military-end-use-additions.pdf')
  const file = path.join(app.dataDir, 'briefing.pdf')
  await download.saveAs(file)
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  expect(text).toContain('June 2020: military end-use additions')
  expect(text).toContain('Export Controls Desk')
  expect(text).toContain('Cloudminds (Hong Kong) Limited')
  expect(text).toContain('北京达闼科技')
  expect(text).not.toContain('Hikvision Digital')
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/Tagged:\s+yes/)
  expect(info).toMatch(/Page size:.*\(A4\)/)
  fs.copyFileSync(file, testInfo.outputPath('briefing.pdf'))
})

test('says why a briefing cannot be made: an empty scope', async ({ appPage: page }) => {
  await page.getByRole('button', { name: 'Briefing' }).click()
  const settings = page.getByRole('form', { name: 'Briefing settings' })
  await settings.getByRole('radio', { name: 'One or more rounds' }).check()
  await expect(page.getByRole('alert')).toContainText("The briefing's scope is empty", { timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Export PDF…' })).toBeDisabled()
  await settings.getByRole('checkbox', { name: /84 FR 54002/ }).check()
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('status').first()).toContainText(
    '11 entities',
    { timeout: 30_000 },
  )
  await expect(page.getByRole('alert')).toHaveCount(0)
})

import path from 'node:path'
import { expect, test } from './fixtures'

const FIXTURES = path.resolve('src/main/importers/fixtures')

test('imports a BIS Entity List CSV as published: unsigned, matched, confirmed, undoable', async ({
  appPage: page,
}) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Updates' }).click()
  const importPanel = page.getByRole('region', { name: 'Import an update' })
  await importPanel
    .getByLabel('Choose file…')
    .setInputFiles(path.join(FIXTURES, 'bis-entity-list-2015-sample.csv'))

  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview.getByRole('note').first()).toContainText('Not signed.')
  await expect(preview).toContainText('BIS Entity List CSV, unsigned file')
  const entityRow = preview
    .getByRole('table', { name: 'Changes by type' })
    .getByRole('row', { name: /^entity/ })
  await expect(entityRow).toHaveText(/entity\s*6\s*0\s*0/)
  const matching = page.getByRole('region', { name: 'Matching' })
  await expect(matching).toContainText('6 listed parties')
  // The same name under two notices: one party or two? The user says; the file does not prove it.
  await expect(matching).toContainText('Possible matches (1)')
  await matching
    .getByRole('combobox', { name: 'Decision for Qazi Abdallah' })
    .selectOption({ label: 'Same as Qazi Abdallah' })
  await expect(entityRow).toHaveText(/entity\s*5\s*0\s*0/)
  await matching.getByText('Recognised as entities already known (1)').click()
  await expect(matching.getByRole('table', { name: 'Recognised entities' })).toContainText('Qazi Abdallah')
  await page.screenshot({ path: 'test-results/updates-list-preview.png', fullPage: true })

  // Unsigned: Apply waits for the user's yes.
  const apply = page.getByRole('button', { name: 'Apply' })
  await expect(apply).toBeDisabled()
  await page.getByRole('checkbox', { name: /is not signed/ }).check()
  await apply.click()
  await expect(importPanel.getByRole('status')).toContainText('Imported bis-entity-list-2015-sample.csv')
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText(
    'BIS Entity List CSV, unsigned file',
  )

  // The decision is kept as a judgement, listed and revocable.
  const judgements = page.getByRole('table', { name: 'Judgements' })
  await expect(judgements).toContainText('Qazi Abdallah (AF) on US BIS Entity List')
  await expect(judgements).toContainText('is')

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Entities' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 43 of 43')
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Updates' }).click()
  await page.getByRole('button', { name: 'Undo' }).click()
  await page.getByRole('button', { name: 'Confirm undo' }).click()
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('undone')
})

test('a CSL of the 2019 and 2020 rounds is matched entity by entity on the user’s word, adding no duplicates', async ({
  appPage: page,
}) => {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Updates' }).click()
  await page
    .getByRole('region', { name: 'Import an update' })
    .getByLabel('Choose file…')
    .setInputFiles(path.join(FIXTURES, 'csl-entity-list-2019-2020.csv'))
  const matching = page.getByRole('region', { name: 'Matching' })
  await expect(matching).toContainText('37 listed parties')
  // Names and countries in common are possible matches: nothing is merged until the user says so.
  await expect(matching).toContainText('Possible matches (37)')
  await matching.getByRole('button', { name: /Same as the one entity proposed, for all 35/ }).click()
  await expect(matching).toContainText('Recognised as entities already known (35)')
  // The rule's two Qihoo 360 entries each have two candidates: the user picks the one of the same name.
  for (const name of ['Qihoo 360 Technology Company', 'Qihoo 360 Technology Co. Ltd.']) {
    const decision = matching.getByRole('combobox', { name: `Decision for ${name}` })
    await decision.selectOption({ label: `Same as ${name}` })
    await expect(decision).toHaveCount(0)
  }
  await expect(matching).toContainText('Recognised as entities already known (37)')
  await expect(page.getByRole('table', { name: 'Possible matches' })).toHaveCount(0)
  // No entity added or retired: each of the 37 only gains this file as one more source.
  await expect(
    page.getByRole('table', { name: 'Changes by type' }).getByRole('row', { name: /^entity/ }),
  ).toHaveText(/entity\s*0\s*37\s*0/)
})

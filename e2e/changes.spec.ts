import path from 'node:path'
import { expect, test } from './fixtures'

const FIXTURES = path.resolve('src/main/importers/fixtures')

test('the Changes view lists what an import changed, filters and counts it, links to the entity, and forgets it on undo', async ({
  appPage: page,
}) => {
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Changes' }).click()
  await expect(page.getByRole('region', { name: 'Changes' }).getByRole('status')).toHaveText(
    'No imports in this scope: nothing has changed.',
  )

  await views.getByRole('button', { name: 'Updates' }).click()
  await page
    .getByRole('region', { name: 'Import an update' })
    .getByLabel('Choose file…')
    .setInputFiles(path.join(FIXTURES, 'bis-entity-list-2015-sample.csv'))
  await page.getByRole('checkbox', { name: /is not signed/ }).check()
  await page.getByRole('checkbox', { name: /like more than one entity/ }).check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('BIS Entity List CSV')

  await views.getByRole('button', { name: 'Changes' }).click()
  const list = page.getByRole('region', { name: 'Changes' })
  // One source, four rounds, six entities and their six designations, all new.
  await expect(list.getByRole('status')).toHaveText('17 changes in 1 import; showing 1–17')
  const filters = page.getByRole('complementary', { name: 'Change filters' })
  await expect(filters.getByRole('group', { name: 'Record' })).toContainText('entity 6')
  await filters
    .getByRole('group', { name: 'Record' })
    .getByRole('checkbox', { name: /^entity/ })
    .check()
  await expect(list.getByRole('status')).toHaveText('6 changes in 1 import; showing 1–6')
  // Each group counts with the other groups' filters: the designations are still counted.
  await expect(filters.getByRole('group', { name: 'Record' })).toContainText('designation 6')
  await filters.getByRole('combobox', { name: 'Country' }).selectOption('TR')
  await expect(list.getByRole('status')).toHaveText('1 change in 1 import; showing 1–1')
  const row = list.getByRole('table', { name: 'Changes' }).getByRole('row', { name: /Murat Peker/ })
  await expect(row).toContainText('New')
  await expect(row).toContainText('US BIS Entity List')
  await page.screenshot({ path: 'test-results/changes-view.png', fullPage: true })

  await row.getByRole('button', { name: 'Murat Peker' }).click()
  const history = page.getByRole('region', { name: 'History' })
  await expect(history).toContainText('New entity')
  await expect(history).toContainText('bis-entity-list-2015-sample.csv')
  await expect(history).toContainText(/Added designation in US BIS Entity List/)

  // The weekly note: the import's changes as a briefing (its six new listings; the rounds and the
  // source they came with are named on each listing and in the sources).
  await views.getByRole('button', { name: 'Changes' }).click()
  await page.getByRole('combobox', { name: 'Changes in' }).selectOption('import-1')
  await page.getByRole('button', { name: 'Brief these changes' }).click()
  await expect(page.getByRole('heading', { name: 'Briefing', level: 2 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'changes' })).toHaveText(/1 page · 6 changes/, {
    timeout: 30_000,
  })

  await views.getByRole('button', { name: 'Updates' }).click()
  await page.getByRole('button', { name: 'Undo' }).click()
  await page.getByRole('button', { name: 'Confirm undo' }).click()
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('undone')
  await views.getByRole('button', { name: 'Changes' }).click()
  await expect(page.getByRole('region', { name: 'Changes' }).getByRole('status')).toHaveText(
    'No imports in this scope: nothing has changed.',
  )
})

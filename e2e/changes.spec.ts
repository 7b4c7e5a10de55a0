import path from 'node:path'
import type { Page } from '@playwright/test'
import { publishBundle, SAMPLE_OPERATIONS } from './cli'
import { expect, test } from './fixtures'

const FIXTURES = path.resolve('src/main/importers/fixtures')

/** Imports the BIS sample from the Updates view, saying yes to both questions (unsigned, ambiguous). */
async function importBisSample(page: Page): Promise<void> {
  await page
    .getByRole('region', { name: 'Import an update' })
    .getByLabel('Choose file…')
    .setInputFiles(path.join(FIXTURES, 'bis-entity-list-2015-sample.csv'))
  await page.getByRole('checkbox', { name: /is not signed/ }).check()
  await page.getByRole('checkbox', { name: /like more than one entity/ }).check()
  await page.getByRole('button', { name: 'Apply' }).click()
}

test('the Changes view lists what an import changed, filters and counts it, links to the entity, and forgets it on undo', async ({
  appPage: page,
}) => {
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Changes' }).click()
  await expect(page.getByRole('region', { name: 'Changes' }).getByRole('status')).toHaveText(
    'No imports in this scope: nothing has changed.',
  )

  await views.getByRole('button', { name: 'Updates' }).click()
  await importBisSample(page)
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

test('watches: a watched search is announced when an import changes what it finds; a starred entity is a filter', async ({
  appPage: page,
}) => {
  const views = page.getByRole('navigation', { name: 'Views' })
  await page.getByRole('searchbox', { name: 'Search' }).fill('Peker')
  await page.getByRole('button', { name: 'Watch this search' }).click()
  await page.getByRole('textbox', { name: 'Name of the watch' }).fill('Peker')
  await page.getByRole('button', { name: 'Save watch' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Watching “Peker”' })).toBeVisible()

  await views.getByRole('button', { name: 'Updates' }).click()
  await importBisSample(page)
  const notice = page.getByRole('alert', { name: 'Watched entities that changed' })
  await expect(notice).toContainText('Watch “Peker”: Murat Peker (new)')

  // The notice links to the entity; starring it makes it one of the "Watched only" rows.
  await notice.getByRole('button', { name: 'Murat Peker' }).click()
  await page.getByRole('button', { name: '☆ Watch' }).click()
  await expect(page.getByRole('button', { name: '★ Watched' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('searchbox', { name: 'Search' }).fill('')
  await page.getByRole('checkbox', { name: 'Watched only' }).check()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 1 of 44')

  // Both watches are listed, and kept: the Changes view shows them after a reload.
  await page.reload()
  await views.getByRole('button', { name: 'Changes' }).click()
  const watches = page.getByRole('region', { name: 'Watches' })
  await expect(watches).toContainText('Murat Peker')
  await expect(watches).toContainText('Search “Peker”')
  await watches.getByRole('button', { name: 'Stop watching Peker' }).click()
  await expect(watches).not.toContainText('Search “Peker”')
})

test('a signed bundle’s changes: a field before → after, and a new reaction that opens in the Reactions view', async ({
  appPage: page,
  app,
}) => {
  // Test data only, in a store of its own: a paraphrase marked as such, with the test's own source.
  const reaction = {
    op: 'upsert',
    type: 'reaction',
    record: {
      id: 'e2e-reaction',
      organisation: 'E2E Gazette',
      organisationKind: 'media',
      text: 'The end-to-end test says the listing changed.',
      textKind: 'paraphrase',
      language: 'en',
      entities: ['yixin'],
      source: 'e2e-source',
    },
  }
  const { bundle, publicKey } = publishBundle(app.dataDir, path.join(app.dataDir, 'publisher.sqlite'), [
    ...SAMPLE_OPERATIONS,
    reaction,
  ])
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Updates' }).click()
  await page
    .getByRole('region', { name: 'Trusted publishers' })
    .getByLabel('Add public key file…')
    .setInputFiles(publicKey)
  await page
    .getByRole('region', { name: 'Import an update' })
    .getByLabel('Choose file…')
    .setInputFiles(bundle)
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('Example Ministry')

  await views.getByRole('button', { name: 'Changes' }).click()
  const table = page.getByRole('region', { name: 'Changes' }).getByRole('table', { name: 'Changes' })
  const changed = table.getByRole('row').filter({ hasText: 'Changed' })
  // Yixin's notes as the built-in data had them, then as the bundle corrects them.
  await expect(changed).toContainText(/notes: HKTDC describes it as .+ → Corrected in the end-to-end test\./)
  await expect(changed).toContainText('Bundle from Example Ministry, sequence 1')
  await table.getByRole('button', { name: 'E2E Gazette' }).click()
  await expect(page.getByRole('heading', { name: 'Reactions', level: 2 })).toBeVisible()
  await expect(page.getByText('The end-to-end test says the listing changed.').last()).toBeVisible()
})

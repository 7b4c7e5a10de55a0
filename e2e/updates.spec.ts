import fs from 'node:fs'
import path from 'node:path'
import { publishBundle, SAMPLE_OPERATIONS } from './cli'
import { expect, test } from './fixtures'

test('imports a signed bundle with a preview, then undoes it', async ({ appPage: page, app }) => {
  const { bundle, publicKey } = publishBundle(
    app.dataDir,
    path.join(app.dataDir, 'publisher.sqlite'),
    SAMPLE_OPERATIONS,
  )
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Updates' }).click()

  // An unknown publisher's bundle is refused and nothing changes.
  const importPanel = page.getByRole('region', { name: 'Import an update' })
  await importPanel.getByLabel('Choose file…').setInputFiles(bundle)
  await expect(importPanel.getByRole('alert')).toContainText('not in your trust store')

  const trust = page.getByRole('region', { name: 'Trusted publishers' })
  await trust.getByLabel('Add public key file…').setInputFiles(publicKey)
  await expect(trust.getByRole('table', { name: 'Trusted keys' })).toContainText('Example Ministry')
  await expect(trust.getByRole('status')).toContainText('Fingerprint')

  await importPanel.getByLabel('Choose file…').setInputFiles(bundle)
  const preview = page.getByRole('region', { name: 'Preview' })
  await expect(preview).toContainText('Example Ministry')
  const counts = preview.getByRole('table', { name: 'Changes by type' })
  await expect(counts.getByRole('row', { name: /^entity/ })).toHaveText(/entity\s*1\s*1\s*0/)
  const fields = preview.getByRole('table', { name: 'Field changes' })
  await expect(fields).toContainText('Corrected in the end-to-end test.')
  await page.screenshot({ path: 'test-results/updates-preview.png', fullPage: true })

  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(importPanel.getByRole('status')).toContainText('Imported Example Ministry, sequence 1')
  const history = page.getByRole('table', { name: 'Imports' })
  await expect(history).toContainText('2 new · 1 changed · 0 retired')

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Entities' }).click()
  await expect(page.getByRole('table', { name: 'Entities' })).toContainText('示例光学有限公司')

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Updates' }).click()
  await page.getByRole('button', { name: 'Undo' }).click()
  await page.getByRole('button', { name: 'Confirm undo' }).click()
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('undone')
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Entities' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 38 of 38')
})

test('refuses a tampered bundle in the app and says why', async ({ appPage: page, app }) => {
  const { bundle, publicKey } = publishBundle(
    app.dataDir,
    path.join(app.dataDir, 'publisher.sqlite'),
    SAMPLE_OPERATIONS,
  )
  const bytes = fs.readFileSync(bundle)
  const truncated = path.join(app.dataDir, 'truncated.sbb')
  fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 40))
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Updates' }).click()
  await page
    .getByRole('region', { name: 'Trusted publishers' })
    .getByLabel('Add public key file…')
    .setInputFiles(publicKey)
  const importPanel = page.getByRole('region', { name: 'Import an update' })
  await importPanel.getByLabel('Choose file…').setInputFiles(truncated)
  await expect(importPanel.getByRole('alert')).toContainText('Nothing was changed')
  await expect(page.getByRole('button', { name: 'Apply' })).toHaveCount(0)
})

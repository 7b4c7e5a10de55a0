import { execFileSync } from 'node:child_process'
import path from 'node:path'
import Database from 'better-sqlite3'
import { cli, publishBundle } from './cli'
import { expect, test } from './fixtures'

// A made-up speaker and quote: tests never put words in a real person's mouth. The organisation is
// written in Chinese so that the pinyin search has something to find: 示例研究所, "shi li yan jiu suo".
/** The reactions and sources written in the app, with their links, as a store holds them (origin aside). */
function writtenRecords(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const rows = (sql: string) =>
      (db.prepare(sql).all() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).filter(([column]) => column !== 'origin_id')),
      )
    return {
      reactions: rows("SELECT * FROM reactions WHERE id LIKE 'local-reaction-%' ORDER BY id"),
      sources: rows("SELECT * FROM sources WHERE id LIKE 'local-source-%' ORDER BY id"),
      links: rows(
        "SELECT 'round' AS kind, reaction_id, round_id AS target FROM reaction_rounds WHERE reaction_id LIKE 'local-%' UNION ALL SELECT 'entity', reaction_id, entity_id FROM reaction_entities WHERE reaction_id LIKE 'local-%' ORDER BY 1, 2, 3",
      ),
    }
  } finally {
    db.close()
  }
}

const QUOTE = 'We will study the listing and respond in due course'
const EXCERPT = `The institute's director said: "${QUOTE}." She gave no further detail.`

test('a writer adds a verbatim reaction with its source, finds it by pinyin, briefs it, undoes, redoes and publishes it', async ({
  appPage: page,
  app,
}, testInfo) => {
  test.setTimeout(120_000)
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Reactions' }).click()
  await page.getByRole('button', { name: 'Add a reaction' }).click()
  const form = page.getByRole('form', { name: 'Add a reaction' })

  // Empty, the form names every field it needs, and nothing is written.
  await form.getByRole('button', { name: 'Add the reaction' }).click()
  await expect(form.getByRole('alert')).toContainText('fields need attention before saving')
  await expect(form.getByText('the text is required')).toBeVisible()
  await expect(form.getByText('the publication is required')).toBeVisible()
  await expect(form.getByText('your name is required: local edits are marked with it')).toBeVisible()

  await form.getByRole('textbox', { name: 'Your name', exact: true }).fill('E2E Writer')
  await form.getByRole('textbox', { name: 'Text', exact: true }).fill(QUOTE)
  await form.getByRole('textbox', { name: 'Date said', exact: true }).fill('2019-10-10')
  await form.getByRole('textbox', { name: 'Speaker', exact: true }).fill('Test Director')
  await form.getByRole('textbox', { name: 'Organisation', exact: true }).fill('示例研究所')
  await form.getByRole('combobox', { name: 'Organisation kind' }).selectOption('analyst')
  await form.getByRole('combobox', { name: 'Stance' }).selectOption('neutral')
  await form.getByRole('searchbox', { name: 'Find a round' }).fill('54002')
  await form.getByRole('checkbox', { name: /84 FR 54002/ }).check()
  await form.getByRole('searchbox', { name: 'Find an entity to add' }).fill('haikang')
  await form.getByRole('button', { name: 'Add Hikvision (海康威视)' }).click()
  await expect(form.getByRole('button', { name: 'Remove Hikvision' })).toBeVisible()
  await form.getByRole('textbox', { name: 'Publication', exact: true }).fill('Example Gazette')
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Institute answers the listing')
  await form.getByRole('textbox', { name: 'Published', exact: true }).fill('2019-10-11')
  // A link that is not http(s) and text the source does not hold are refused beside their fields.
  await form.getByRole('textbox', { name: 'Link', exact: true }).fill('ftp://example.org/answer')
  await form
    .getByRole('textbox', { name: "The source's words", exact: true })
    .fill('She gave no further detail.')
  await form.getByRole('button', { name: 'Add the reaction' }).click()
  await expect(form.getByText('a link starting with http:// or https://')).toBeVisible()
  await expect(form.getByText(/^not the source's words:/)).toBeVisible()
  await form.getByRole('textbox', { name: 'Link', exact: true }).fill('https://example.org/answer')
  await form.getByRole('textbox', { name: "The source's words", exact: true }).fill(EXCERPT)
  await page.screenshot({ path: 'test-results/reaction-form.png', fullPage: true })
  await form.getByRole('button', { name: 'Add the reaction' }).click()

  // Back in the table, the new reaction's details are open, marked local with its author.
  const details = page.getByRole('complementary', { name: 'Details' })
  await expect(details).toContainText('Written in this app by E2E Writer')
  await expect(details).toContainText(QUOTE)
  const table = page.getByRole('table', { name: 'Reactions' })
  const status = page.getByRole('status').filter({ hasText: 'Showing' })
  await page.getByRole('searchbox', { name: 'Search' }).fill('shiliyanjiu')
  await expect(status).toHaveText('Showing 1 of 31')
  await expect(table).toContainText('local · E2E Writer')
  await details.getByRole('button', { name: 'Close details' }).click()
  await expect(page.getByRole('group', { name: 'Origin' })).toContainText('local (written in this app) 1')
  await page.screenshot({ path: 'test-results/reactions-local.png', fullPage: true })

  // The briefing of that round quotes it, and says who in the office recorded it.
  if (testInfo.project.name !== 'desktop') {
    await views.getByRole('button', { name: 'Briefing' }).click()
    const settings = page.getByRole('form', { name: 'Briefing settings' })
    await settings.getByRole('radio', { name: 'One or more rounds' }).check()
    await settings.getByRole('checkbox', { name: /84 FR 54002/ }).check()
    await settings.getByRole('textbox', { name: 'Title', exact: true }).fill('October 2019: reactions')
    const preview = page.getByRole('region', { name: 'Preview' })
    await expect(preview.getByRole('status').first()).toContainText(/\d+ pages/, { timeout: 30_000 })
    const downloadPromise = page.waitForEvent('download')
    await preview.getByRole('button', { name: 'Export PDF…' }).click()
    const file = path.join(app.dataDir, 'reactions.pdf')
    await (await downloadPromise).saveAs(file)
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain(`“${QUOTE}”`)
    expect(text).toContain('local, recorded by E2E Writer')
  }

  // Undo takes it away; redo brings it back, as it was.
  await views.getByRole('button', { name: 'Updates' }).click()
  const history = page.getByRole('table', { name: 'Imports' })
  await expect(history).toContainText('Local edit by E2E Writer')
  await history.getByRole('button', { name: 'Undo' }).click()
  await history.getByRole('button', { name: 'Confirm undo' }).click()
  await expect(page.getByRole('region', { name: 'Import history' }).getByRole('status')).toContainText(
    'Undone',
  )
  await views.getByRole('button', { name: 'Reactions' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill('shiliyanjiu')
  await expect(status).toHaveText('Showing 0 of 30')

  await views.getByRole('button', { name: 'Updates' }).click()
  await history.getByRole('button', { name: 'Redo' }).click()
  await expect(page.getByRole('region', { name: 'Import history' }).getByRole('status')).toContainText(
    'Redone',
  )
  await views.getByRole('button', { name: 'Reactions' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill('shiliyanjiu')
  await expect(status).toHaveText('Showing 1 of 31')
  await expect(table).toContainText('local · E2E Writer')

  // Publish: a key made in the app (its public file downloaded for colleagues), then the edits signed.
  await views.getByRole('button', { name: 'Updates' }).click()
  const publishing = page.getByRole('region', { name: 'Publish my changes' })
  await expect(publishing).toContainText('1 local edit not yet published')
  const keyForm = publishing.getByRole('form', { name: 'Create a publishing key' })
  await keyForm.getByRole('textbox', { name: 'Publisher' }).fill('Example Desk')
  await keyForm.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple')
  await keyForm.getByLabel('Passphrase again').fill('correct horse battery stapel')
  await keyForm.getByRole('button', { name: 'Create key' }).click()
  await expect(keyForm.getByRole('alert')).toHaveText('The two passphrases differ.')
  await keyForm.getByLabel('Passphrase again').fill('correct horse battery staple')
  const publicKeyDownload = page.waitForEvent('download')
  await keyForm.getByRole('button', { name: 'Create key' }).click()
  const publicKey = path.join(app.dataDir, 'desk.pub')
  await (await publicKeyDownload).saveAs(publicKey)
  const publish = publishing.getByRole('form', { name: 'Publish' })
  await publish.getByLabel('Passphrase').fill('not the passphrase')
  await publish.getByRole('button', { name: 'Publish my changes' }).click()
  await expect(publishing.getByRole('status')).toContainText('the passphrase is wrong')
  await publish.getByLabel('Passphrase').fill('correct horse battery staple')
  const bundleDownload = page.waitForEvent('download')
  await publish.getByRole('button', { name: 'Publish my changes' }).click()
  const bundle = path.join(app.dataDir, 'desk-1.sbb')
  await (await bundleDownload).saveAs(bundle)
  await expect(publishing.getByRole('status')).toContainText('as example-desk-1.sbb, sequence 1')
  await expect(publishing).toContainText('No local edits since the last publication.')
  await page.screenshot({ path: 'test-results/publish-panel.png', fullPage: true })

  // A colleague's store trusts the key, imports the bundle, and finds the reaction as it was written.
  const colleague = path.join(app.dataDir, 'colleague.sqlite')
  cli(colleague, 'trust', 'add', publicKey)
  cli(colleague, 'import', bundle, '--yes')
  // Record for record, the colleague's store holds what the writer's does (but where each came from).
  expect(writtenRecords(colleague)).toEqual(writtenRecords(path.join(app.dataDir, 'store.sqlite')))
  expect(writtenRecords(colleague).reactions).toHaveLength(1)
  const found = JSON.parse(cli(colleague, '--json', 'search', 'respond in due course')) as {
    kind: string
    name: string
  }[]
  expect(found.filter((hit) => hit.kind === 'reaction').map((hit) => hit.name)).toEqual([
    'Test Director, 示例研究所',
  ])
})

// Test values, marked as such: no real name is invented.
const MINE = '云从科技（测试更正）'
const THEIRS = '云从科技（测试出版者）'

test('a corrected Chinese name meets a bundle that changes it: the conflict is shown and each choice honoured', async ({
  appPage: page,
  app,
}) => {
  test.setTimeout(120_000)
  const { bundle, publicKey } = publishBundle(app.dataDir, path.join(app.dataDir, 'publisher.sqlite'), [
    {
      op: 'correct',
      type: 'entity',
      id: 'cloudwalk',
      field: 'originalName',
      value: THEIRS,
      reason: 'the publisher corrects it',
    },
  ])
  const table = page.getByRole('table', { name: 'Entities' })
  await page.getByRole('searchbox', { name: 'Search' }).fill('云从')
  await table.getByRole('row', { name: /CloudWalk Technology/ }).click()
  const details = page.getByRole('complementary', { name: 'Details' })
  await details.getByRole('button', { name: 'Correct a field…' }).click()
  const form = details.getByRole('form', { name: 'Correct a field' })
  await form.getByRole('combobox', { name: 'Field' }).selectOption({ label: 'original-script name' })
  await expect(form.getByRole('textbox', { name: 'Corrected value' })).toHaveValue('云从科技')
  await form.getByRole('button', { name: 'Save the correction' }).click()
  // Without a source (or a name to sign it with), nothing is written.
  await expect(form.getByText('the publication is required')).toBeVisible()
  await expect(form.getByText('your name is required: local edits are marked with it')).toBeVisible()
  await form.getByRole('textbox', { name: 'Your name', exact: true }).fill('E2E Writer')
  await form.getByRole('textbox', { name: 'Corrected value' }).fill(MINE)
  await form.getByRole('textbox', { name: 'Publication', exact: true }).fill('Example Registry')
  await form.getByRole('textbox', { name: 'Link', exact: true }).fill('https://example.org/registry')
  await form.getByRole('button', { name: 'Save the correction' }).click()
  await expect(details.getByRole('status')).toContainText(
    'Corrected the original-script name of CloudWalk Technology',
  )
  await expect(details).toContainText(MINE)
  await expect(details.getByRole('region', { name: 'History' })).toContainText('Local edit by E2E Writer')
  // A note: without a source it must be marked as the writer's own assessment.
  const notes = details.getByRole('region', { name: 'Notes' })
  await notes.getByRole('button', { name: 'Add a note…' }).click()
  const noteForm = notes.getByRole('form', { name: 'Add a note' })
  await noteForm.getByRole('textbox', { name: 'Note', exact: true }).fill('Test note: to be read with care.')
  await noteForm.getByRole('button', { name: 'Save the note' }).click()
  await expect(noteForm.getByText('the publication is required', { exact: true })).toBeVisible()
  await noteForm.getByRole('checkbox', { name: 'My own assessment (no source)' }).check()
  await noteForm.getByRole('button', { name: 'Save the note' }).click()
  await expect(notes).toContainText(
    'Test note: to be read with care. — the writer’s own assessment local · E2E Writer',
  )

  // The Entities table keeps what was edited here.
  await details.getByRole('button', { name: 'Close details' }).click()
  await page.getByRole('searchbox', { name: 'Search' }).fill('')
  await page.getByRole('checkbox', { name: 'Edited here only' }).check()
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 1 of 38')
  await expect(table.getByRole('row', { name: /CloudWalk Technology/ })).toBeVisible()
  await page.getByRole('checkbox', { name: 'Edited here only' }).uncheck()

  // The publisher's bundle changes the same field: the preview shows the conflict, Apply waits for a choice.
  const views = page.getByRole('navigation', { name: 'Views' })
  await views.getByRole('button', { name: 'Updates' }).click()
  await page
    .getByRole('region', { name: 'Trusted publishers' })
    .getByLabel('Add public key file…')
    .setInputFiles(publicKey)
  const importBundle = async () => {
    await page
      .getByRole('region', { name: 'Import an update' })
      .getByLabel('Choose file…')
      .setInputFiles(bundle)
    const conflicts = page.getByRole('region', { name: 'Conflicts with your edits' })
    await expect(conflicts.getByRole('table', { name: 'Conflicts' })).toContainText(
      `originalName${MINE}${THEIRS}`,
    )
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled()
    return conflicts
  }
  const shown = async () => {
    await views.getByRole('button', { name: 'Entities' }).click()
    await page.getByRole('searchbox', { name: 'Search' }).fill('CloudWalk')
    await table.getByRole('row', { name: /CloudWalk Technology/ }).click()
    return details.locator('p.original')
  }

  let conflicts = await importBundle()
  await page.screenshot({ path: 'test-results/import-conflict.png', fullPage: true })
  await conflicts.getByRole('radio', { name: 'mine' }).check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.getByRole('table', { name: 'Imports' })).toContainText('Example Ministry')
  await expect(await shown()).toContainText(MINE)

  // Undone, then imported again taking theirs.
  await views.getByRole('button', { name: 'Updates' }).click()
  const history = page.getByRole('table', { name: 'Imports' })
  await history.getByRole('button', { name: 'Undo' }).click()
  await history.getByRole('button', { name: 'Confirm undo' }).click()
  await expect(page.getByRole('region', { name: 'Import history' }).getByRole('status')).toContainText(
    'Undone',
  )
  conflicts = await importBundle()
  await conflicts.getByRole('radio', { name: 'theirs' }).check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(
    page.getByRole('region', { name: 'Import an update' }).getByRole('status').last(),
  ).toContainText('Imported Example Ministry, sequence 1')
  await expect(await shown()).toContainText(THEIRS)
})

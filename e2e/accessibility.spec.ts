import AxeBuilder from '@axe-core/playwright'
import { VIEW_NAMES } from '../src/shared/app-commands'
import { expect, test } from './fixtures'

for (const view of VIEW_NAMES) {
  test(`the ${view} view has no serious or critical accessibility violations`, async ({
    appPage: page,
  }, testInfo) => {
    test.skip(
      testInfo.project.name === 'desktop',
      'axe is injected into browser pages; the desktop window shows the same renderer',
    )
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click()
    await expect(page.getByRole('heading', { name: view, level: 2 })).toBeVisible()
    if (view === 'Briefing') {
      // Printing the preview starts a Chromium; on a busy two-core machine that takes a while.
      test.setTimeout(90_000)
      // Checked with its preview drawn: the pages are part of what a writer reads.
      await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ })).toBeVisible({ timeout: 30_000 })
    } else if (view === 'Overview') {
      await expect(page.getByRole('group', { name: /^Growth of the lists/ })).toBeVisible()
    } else if (view === 'Changes') {
      // A new store has no imports: the view says so, with its filters drawn.
      await expect(page.getByRole('complementary', { name: 'Change filters' })).toBeVisible()
    } else if (view !== 'Updates') {
      await expect(page.getByRole('table', { name: view })).toBeVisible()
    }
    const results = await new AxeBuilder({ page }).analyze()
    expect(results.passes.length).toBeGreaterThan(10)
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    expect(
      serious.map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')})`,
      ),
    ).toEqual([])
  })
}

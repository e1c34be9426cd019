// The consultant's audit journey in the web build: the migrated portfolio's
// ConnectWise exports, e-automate contracts and time entries picked in the
// Audit screen; findings, what-if and variances as the engine computes them,
// drill-down to the entries behind a difference, the workbook saved and read
// back; a bad e-automate file listed by row and column with nothing audited.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AUDIT_SHEETS } from '../../renderer/src/io/workbook/audit-workbook';
import { ENTRY_FILES, SOURCE_FILES, TARGET_FILES } from '../core/audit/migration-fixture';
import { readWorkbook, sheetOf, shown } from '../io/workbook/workbook-reading';
import { collectPageErrors, nav, setAsOf, snapshot } from './journeys-helpers';

/** Clicks the group's Choose button and picks fixture files from test/fixtures/<folder>. */
async function choose(page: Page, label: string, folder: string, names: readonly string[]): Promise<void> {
  const files = await Promise.all(names.map(async (name) => ({ name, mimeType: 'text/csv', buffer: await readFile(`test/fixtures/${folder}/${name}`) })));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: `Choose ${label}` }).click();
  await (await chooser).setFiles(files);
  await expect(page.getByLabel(`${label} chosen`)).toHaveText(names.join(', '));
}

test('audit the migrated portfolio: findings, what-if and variances with drill-down, the workbook saved; bad files listed and nothing audited', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto('/');
  await nav(page, 'Audit').click();
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  await setAsOf(page, '2026-03-31');
  await choose(page, 'ConnectWise exports', 'migration', SOURCE_FILES);
  await choose(page, 'e-automate contracts', 'migration', TARGET_FILES);
  await choose(page, 'Time entries', 'migration', ENTRY_FILES);
  await page.getByLabel('Addition products that add hours').fill('BLOCK-10H=10; BLOCK-5H=5');
  await page.getByRole('button', { name: 'Audit as of 2026-03-31' }).click();

  // The profile's two notes, no problem; the findings of the command.
  await expect(page.getByRole('list', { name: 'Findings by severity' })).toHaveText(/high: 10.*medium: 6.*low: 2/);
  await expect(page.getByRole('table', { name: 'Pairs' })).toContainText('no e-automate contract of "Dune Labs" has its name "Dune Projects" or number 1005; pair it in a mapping file');
  await page.getByRole('tab', { name: 'Findings (18)' }).click();
  await expect(page.getByRole('table', { name: 'Findings' })).toContainText('ConnectWise agreement 1001 ("Acme Monthly 10h") carries unused hours over for 30 days');
  await snapshot(page, testInfo, 'audit-findings');

  // What-if: Acme's March, then the entries behind February.
  await page.getByRole('tab', { name: 'What-if by month' }).click();
  const march = page.getByRole('table', { name: 'What-if by month' }).getByRole('row').filter({ hasText: '1001' }).filter({ hasText: '2026-03' });
  await expect(march).toContainText('$450.00');
  await expect(page.getByRole('table', { name: 'What-if totals' }).getByRole('row').filter({ hasText: 'Portfolio' })).toContainText('$590.00');
  await page.getByRole('button', { name: 'Entries of 1001 in 2026-02' }).click();
  const drill = page.getByRole('region', { name: 'Drill-down' });
  await expect(drill).toContainText('Entries of 1001 / EA-1001 in 2026-02');
  await expect(drill.getByRole('row')).toHaveCount(3);
  await expect(drill).toContainText('T102');
  await expect(drill).toContainText('T103');
  // Birch's February includes T207, keyed without an agreement and matched by customer.
  await page.getByRole('button', { name: 'Entries of 1002 in 2026-02' }).click();
  await expect(drill.getByRole('row').filter({ hasText: 'T207' })).toContainText('none');

  // Variance: Elm's back-dated entry, with the entries behind it and the unexplained rest shown.
  await page.getByRole('tab', { name: 'Variance (4)' }).click();
  const variance = page.getByRole('table', { name: 'Variance' });
  await expect(variance.getByRole('row').filter({ hasText: '1006' }).filter({ hasText: 'Unexplained' })).toContainText('0.25 h');
  await page.getByRole('button', { name: 'Entries behind 1006 Applied in entered order' }).click();
  await expect(drill).toContainText('2026-02-10T09:00:00');
  await expect(drill.getByRole('row')).toHaveCount(3);
  await snapshot(page, testInfo, 'audit-variance');

  // The workbook, downloaded and read back.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save the audit workbook' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Migration audit 2026-03-31.xlsx');
  const book = await readWorkbook(await download.path());
  expect(book.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(AUDIT_SHEETS));
  expect(shown(sheetOf(book, AUDIT_SHEETS.findings).getRow(5).getCell(6))).toContain('carries unused hours over for 30 days');
  // The menu's Export on this screen saves the audit workbook too.
  const again = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+e');
  expect((await again).suggestedFilename()).toBe(download.suggestedFilename());

  // A bad e-automate file: the problem by row and column, nothing audited.
  await choose(page, 'e-automate contracts', 'audit/bad', ['ea-contracts.csv']);
  await page.getByRole('button', { name: 'Audit as of 2026-03-31' }).click();
  await expect(page.getByText('The files have problems; nothing was audited.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Import problems' })).toContainText('"Sometimes" is not a re-bill setting this profile knows');
  await expect(page.getByRole('table', { name: 'Findings' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The clerk's import journey in the web build: ConnectWise exports through the
// wizard (profile settings a clerk must give, a file with bad rows), the
// balances the engine gives for them, the exception filters, re-import,
// revert, and a reload that finds everything still stored (IndexedDB).
import { expect, test, type Page } from '@playwright/test';
import { chooseImportFiles, pickOption } from './journeys-import-helpers';
import { installProbes, type Probes } from '../bench/ui/page-probes';
import { collectPageErrors, gridCell, gridRows, nav, setAsOf, snapshot } from './journeys-helpers';

const BATCH_1 = ['agreements.json', 'additions.json', 'adjustments.json', 'recap.json', 'time-entries.json', 'time-entries-list.csv'];
const WITH_ERRORS = 'time-entries-with-errors.csv';
const PROFILE = 'ConnectWise PSA (REST JSON or list export)';

async function expectBalances(page: Page, expected: readonly [id: string, balance: string][]): Promise<void> {
  await nav(page, 'Contracts').click();
  await setAsOf(page, '2026-04-30');
  for (const [index, [id, balance]] of expected.entries()) {
    await expect(gridCell(page, 'Contracts', index, 'id')).toHaveText(id);
    await expect(gridCell(page, 'Contracts', index, 'balance')).toHaveText(balance);
  }
  await expect(gridRows(page, 'Contracts')).toHaveCount(expected.length);
}

/** A quick filter button: its name is the label and, once known, the count ("Unmatched (1)"). */
function quickFilter(page: Page, label: string) {
  return page.getByRole('button', { name: new RegExp(`^${label}( \\(\\d+\\))?$`) });
}

async function exceptionCount(page: Page, filter: string, text: string): Promise<void> {
  await nav(page, 'Entries').click();
  await quickFilter(page, filter).click();
  await expect(page.getByText(text, { exact: true })).toBeVisible();
}

test('import ConnectWise exports through the wizard, one with row errors; balances, exceptions, re-import, revert, reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  // Records the engine worker's answers in order (the bench's probe).
  await page.addInitScript(installProbes);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import your exports' }).click();
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();

  // Batch 1: agreements, additions, adjustments, recap and time entries as saved from ConnectWise.
  await chooseImportFiles(page, BATCH_1);
  await expect(page.getByRole('region', { name: 'File agreements.json' })).toContainText('Detected as ConnectWise PSA (REST JSON or list export): ConnectWise agreement');
  await expect(page.getByRole('region', { name: 'File agreements.json' }).getByLabel('Detection confidence')).toContainText('confidence 100 %');
  // The list export writes 02/03/2026: the wizard stops it and says which format the file suggests.
  const problems = page.getByRole('region', { name: 'Import problems', exact: true });
  await expect(problems).toContainText('"02/14/2026" on line 3 suggests MM/DD/YYYY');
  await expect(problems).toContainText('"BLOCK-10HR" on agreement 101 was not counted as units');
  await snapshot(page, testInfo, 'import-detected');
  const settings = page.getByRole('region', { name: `Settings of ${PROFILE}` });
  await pickOption(page, settings.getByLabel('Dates in these files are written'), 'MM/DD/YYYY');
  await expect(problems).not.toContainText('suggests MM/DD/YYYY');
  await settings.getByRole('textbox', { name: 'Product' }).fill('BLOCK-10HR');
  await settings.getByRole('textbox', { name: 'Hours each' }).fill('10');
  await settings.getByRole('button', { name: 'Add product' }).click();
  await expect(settings).toContainText('BLOCK-10HR: 10 h each');
  await expect(problems).not.toContainText('BLOCK-10HR');
  const ready = page.getByRole('region', { name: 'Ready to import' });
  await expect(ready).toContainText('Contracts: 2 new');
  await expect(ready).toContainText('Additions: 2 new');
  await expect(ready).toContainText('Entries: 9 new');
  await expect(ready).toContainText('1 row has problems and will be left out');
  await snapshot(page, testInfo, 'import-preview');
  await ready.getByRole('button', { name: 'Import these records' }).click();
  await expect(page.getByText('Imported batch #1: 9 entries stored, 1 row left out.', { exact: false })).toBeVisible();
  // The backup after it waits for the new balances: it takes seconds on a big store.
  const answered = () => page.evaluate(() => (window as unknown as { __bench: Probes }).__bench.messages.filter((message) => message.type === 'result').map((message) => message.call));
  await expect.poll(async () => (await answered()).includes('backup-if-changed')).toBe(true);
  const order = await answered();
  const committed = order.indexOf('import-commit');
  expect(committed).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('recompute', committed)).toBeGreaterThan(committed);
  expect(order.indexOf('recompute', committed)).toBeLessThan(order.indexOf('backup-if-changed', committed));

  // Batch 2: a list export with two bad rows; each problem is shown on its row with the column.
  await chooseImportFiles(page, [WITH_ERRORS]);
  const preview = `Preview of ${WITH_ERRORS}`;
  await expect(page.getByRole('region', { name: `File ${WITH_ERRORS}` })).toContainText('2 rows have problems and will not be imported');
  await expect(gridCell(page, preview, 0, 'line')).toHaveText('2');
  await expect(gridCell(page, preview, 0, 'issues')).toHaveText('OK');
  await expect(gridCell(page, preview, 1, 'line')).toHaveText('3');
  await expect(gridCell(page, preview, 1, 'issues')).toHaveText('Left out: Billable Hrs: "two hours" is not a number');
  await expect(gridCell(page, preview, 2, 'line')).toHaveText('4');
  await expect(gridCell(page, preview, 2, 'issues')).toHaveText('Left out: Date: "2026-13-40" is not a real date');
  await expect(gridCell(page, 'Import problems', 0, 'file')).toHaveText(WITH_ERRORS);
  await expect(gridCell(page, 'Import problems', 0, 'line')).toHaveText('3');
  await expect(gridCell(page, 'Import problems', 0, 'column')).toHaveText('Billable Hrs');
  await expect(ready).toContainText('Entries: 4 new');
  // The clerk's ConnectWise settings carry on to the next files.
  await expect(settings.getByRole('button', { name: /BLOCK-10HR/ })).toBeVisible();
  await expect(settings).toContainText('MM/DD/YYYY');
  await page.getByRole('region', { name: 'Import problems', exact: true }).scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'import-row-errors');
  await ready.getByRole('button', { name: 'Import these records' }).click();
  await expect(page.getByText('Imported batch #2: 4 entries stored, 2 rows left out.', { exact: false })).toBeVisible();

  // The engine's balances for these files as of 2026-04-30 (101: 30 h + 2 h credit + 10 h block − 17.5 h − 1.5 h − 1.25 h).
  await expectBalances(page, [['101', '21.75 h'], ['102', '5.00 h']]);
  await snapshot(page, testInfo, 'contracts-after-import');
  // ConnectWise's recap said 13 h; the difference is the mapped block and the two later entries.
  await gridCell(page, 'Contracts', 0, 'name').click();
  await expect(page.getByLabel('Balance', { exact: true })).toHaveText('21.75 h');
  await expect(page.getByLabel('Variance', { exact: true })).toHaveText('8.75');
  // Every entry in the ledger leads to its source and batch.
  await page.getByRole('region', { name: 'Ledger of 101' }).locator('[col-id="entryId"]', { hasText: '81004' }).click();
  await expect(page.getByRole('dialog').getByRole('table', { name: 'Import batch' })).toContainText('#2 (connectwise, committed)');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: '← All contracts' }).click();

  // The exceptions a clerk clears: one entry on an agreement Blockledger does not know, four not covered.
  await exceptionCount(page, 'Unmatched', '1 entry');
  await expect(gridCell(page, 'Entries', 0, 'id')).toHaveText('81005');
  await expect(gridCell(page, 'Entries', 0, 'reason')).toHaveText('unknown contract id');
  await expect(page.getByRole('alert')).toContainText('import the export again');
  await gridCell(page, 'Entries', 0, 'id').click();
  const source = page.getByRole('dialog');
  await expect(source.getByRole('table', { name: 'Import batch' })).toContainText('#2 (connectwise, committed)');
  await expect(source.getByRole('table', { name: 'Import batch' })).toContainText(WITH_ERRORS);
  await snapshot(page, testInfo, 'entry-source');
  await source.getByRole('button', { name: 'Close' }).click();
  await exceptionCount(page, 'Not covered', '4 entries');
  // Sorting happens in the worker: the biggest entry first, then the smallest.
  await quickFilter(page, 'All').click();
  await expect(page.getByText('13 entries', { exact: true })).toBeVisible();
  await page.getByRole('columnheader', { name: 'Counted' }).click();
  await expect(gridCell(page, 'Entries', 0, 'hours')).toHaveText('0.00');
  await page.getByRole('columnheader', { name: 'Counted' }).click();
  await expect(gridCell(page, 'Entries', 0, 'id')).toHaveText('70002');
  await expect(gridCell(page, 'Entries', 0, 'hours')).toHaveText('12.00');
  await quickFilter(page, 'Not covered').click();
  await expect(quickFilter(page, 'Exceptions')).toHaveText('Exceptions (5)');
  await snapshot(page, testInfo, 'entries-not-covered');

  // Re-importing the same file changes nothing and says which batch holds it.
  await nav(page, 'Import').click();
  await chooseImportFiles(page, [WITH_ERRORS]);
  await expect(ready).toContainText('Already imported as batch 2; nothing was changed.');
  await expect(ready.getByRole('button', { name: 'Import these records' })).toHaveCount(0);

  // Revert batch 2 (newest first in the history): balances return to batch 1's.
  await expect(gridCell(page, 'Import history', 0, 'id')).toHaveText('#2');
  await page.getByRole('button', { name: 'Revert batch 2' }).click();
  await expect(page.getByRole('dialog')).toContainText('Everything this import added is removed');
  await page.getByRole('dialog').getByRole('button', { name: 'Revert batch' }).click();
  await expect(page.getByText('Batch #2 was reverted', { exact: false })).toBeVisible();
  await expect(gridCell(page, 'Import history', 0, 'status')).toHaveText('Reverted');
  await expect(gridCell(page, 'Import history', 1, 'status')).toHaveText('In force');
  await snapshot(page, testInfo, 'import-history');
  await expectBalances(page, [['101', '23.00 h'], ['102', '5.00 h']]);
  await exceptionCount(page, 'Unmatched', '0 entries');

  // Reload: the store kept batch 1 and the history.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toHaveCount(0);
  await expectBalances(page, [['101', '23.00 h'], ['102', '5.00 h']]);
  await nav(page, 'Import').click();
  await expect(gridRows(page, 'Import history')).toHaveCount(2);

  // Revert batch 1 too: the contracts are gone and the first-start page is back.
  await page.getByRole('button', { name: 'Revert batch 1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revert batch' }).click();
  await expect(page.getByText('Batch #1 was reverted', { exact: false })).toBeVisible();
  await nav(page, 'Contracts').click();
  await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toBeVisible();

  // Each committed import left a backup behind it (the browser keeps them in the page's storage).
  await nav(page, 'Settings').click();
  const backups = page.getByRole('region', { name: 'Backups' }).getByRole('list', { name: 'Backup list' }).getByRole('listitem');
  await expect(backups).toHaveCount(2);
  await expect(backups.first()).toContainText('after an import');
  await expect(backups.last()).toContainText('after an import');
  expect(errors).toEqual([]);
});

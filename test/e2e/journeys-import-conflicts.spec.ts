// The second half of the import journey: a corrected export dropped on the
// wizard changes a stored entry (shown side by side, replaced only when the
// clerk ticks it), a mapping saved as a profile, reverting the correction,
// and cancelling a long import.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { chooseImportFiles, type UploadFile } from './journeys-import-helpers';
import { collectPageErrors, gridCell, nav, snapshot } from './journeys-helpers';

const WITH_ERRORS = 'time-entries-with-errors.csv';

/** The with-errors export as ConnectWise would give it again after someone fixed entry 81001's hours and logged 81007. */
function correctedExport(): UploadFile {
  const text = readFileSync(`test/fixtures/connectwise/${WITH_ERRORS}`, 'utf8').replace('81001,2026-03-10,Globex Ltd,102,jsmith,Engineer,Remote Support,2.00,', '81001,2026-03-10,Globex Ltd,102,jsmith,Engineer,Remote Support,2.50,');
  return { name: 'time-entries-corrected.csv', mimeType: 'text/csv', buffer: Buffer.from(`${text}81007,2026-03-20,Globex Ltd,102,bwong,Engineer,Remote Support,1.00,Billable,New call\n`) };
}

/** Drops `file` on the wizard's drop zone, as dragging it from the desktop does. */
async function dropFile(page: Page, file: UploadFile): Promise<void> {
  const transfer = await page.evaluateHandle(({ name, text }) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'text/csv' }));
    return data;
  }, { name: file.name, text: file.buffer.toString('utf8') });
  await page.getByRole('region', { name: 'Drop files here' }).dispatchEvent('drop', { dataTransfer: transfer });
}

/** Finds entry `id` on the entries screen and checks its hours and the batch its source dialog names. */
async function expectEntry(page: Page, id: string, hours: string, batch: string): Promise<void> {
  await nav(page, 'Entries').click();
  await page.getByLabel('Search entries').fill(id);
  await expect(page.getByText('1 entry', { exact: true })).toBeVisible();
  await expect(gridCell(page, 'Entries', 0, 'hours')).toHaveText(hours);
  await gridCell(page, 'Entries', 0, 'id').click();
  await expect(page.getByRole('dialog').getByRole('table', { name: 'Import batch' })).toContainText(batch);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
}

test('a corrected export: the changed entry side by side, replaced on request, the mapping saved as a profile, the correction reverted', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import your exports' }).click();
  await chooseImportFiles(page, ['agreements.json', WITH_ERRORS]);
  const ready = page.getByRole('region', { name: 'Ready to import' });
  await expect(ready).toContainText('Entries: 4 new');
  await ready.getByRole('button', { name: 'Import these records' }).click();
  await expect(page.getByText('Imported batch #1', { exact: false })).toBeVisible();

  await dropFile(page, correctedExport());
  await expect(ready).toContainText('Entries: 1 new, 3 already stored, 1 changed since the last import');
  const changed = page.getByRole('table', { name: 'Changed records' });
  await expect(changed.getByRole('row', { name: 'Entry 81001' })).toContainText('stored by batch #1');
  await expect(changed.getByRole('row', { name: 'Entry 81001' })).toContainText('hours22.5');
  await changed.scrollIntoViewIfNeeded();
  await snapshot(page, testInfo, 'import-conflict');

  // Save the mapping of this list export as the clerk's own profile; it is offered from now on.
  const fileCard = page.getByRole('region', { name: 'File time-entries-corrected.csv' });
  await fileCard.getByText(/^Column mapping:/).click();
  await fileCard.getByLabel('Save this mapping as').fill('Globex list export');
  await fileCard.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Saved the profile "Globex list export"', { exact: false })).toBeVisible();

  await changed.getByRole('checkbox', { name: 'Replace Entry 81001' }).check();
  await ready.getByRole('button', { name: 'Import these records' }).click();
  await expect(page.getByText('Imported batch #2: 2 entries stored, 2 rows left out.', { exact: false })).toBeVisible();

  await expectEntry(page, '81001', '2.50', '#2 (connectwise, committed)');

  // The saved profile is in every file's profile list.
  await nav(page, 'Import').click();
  await chooseImportFiles(page, [WITH_ERRORS]);
  await page.getByRole('region', { name: `File ${WITH_ERRORS}` }).getByLabel('Profile').click();
  await expect(page.getByRole('option', { name: 'Globex list export' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Batch 1 cannot go first: batch 2 changed one of its entries. The refusal says what to do.
  await page.getByRole('button', { name: 'Revert batch 1' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revert batch' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Batch 1 cannot be reverted yet' })).toContainText('Revert batch 2 first.');
  await expect(gridCell(page, 'Import history', 1, 'status')).toHaveText('In force');

  // Reverting the correction brings the stored version back.
  await page.getByRole('button', { name: 'Revert batch 2' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revert batch' }).click();
  await expect(page.getByText('Batch #2 was reverted', { exact: false })).toBeVisible();
  await expectEntry(page, '81001', '2.00', '#1 (connectwise, committed)');
  expect(errors).toEqual([]);
});

test('a long import shows its progress and can be cancelled; nothing is stored', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import your exports' }).click();
  const header = 'Time Entry ID,Date,Company,Agreement ID,Member,Work Role,Work Type,Billable Hrs,Billable Option,Notes\n';
  const rows = Array.from({ length: 150_000 }, (_, index) => `${900000 + index},2026-03-10,Globex Ltd,102,jsmith,Engineer,Remote Support,0.25,Billable,Row ${index}\n`);
  await chooseImportFiles(page, [{ name: 'big-export.csv', mimeType: 'text/csv', buffer: Buffer.from(header + rows.join('')) }]);
  const progress = page.getByRole('status', { name: 'Import progress' });
  await expect(progress).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Ready to import' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Choose other files' })).toBeEnabled();
  expect(errors).toEqual([]);
});

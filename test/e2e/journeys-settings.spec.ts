// Settings in the web build: the theme, the date format and the allocation order survive a reload,
// a backup is made and restored after a confirmation (the data before it kept
// as a backup too), and the whole database downloads as one file and loads back.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { collectPageErrors, nav, openSample, setAsOf, snapshot } from './journeys-helpers';
import { pickOption } from './journeys-import-helpers';

test('theme, formats and allocation order are kept across a reload; backups are made, restored with confirmation and exported', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const errors = collectPageErrors(page);
  await openSample(page);
  await nav(page, 'Settings').click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Saved profiles' })).toContainText('No saved profiles');
  await expect(page.getByRole('table', { name: 'Billable options' })).toContainText('No charge: not covered');
  await snapshot(page, testInfo, 'settings');

  // Theme and date order, then a reload.
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await pickOption(page, page.getByLabel('Dates'), 'Day/month/year (31/01/2026)');
  await expect(page.getByLabel('Format example')).toHaveText('Example: 31/01/2026, $1,234.50');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await setAsOf(page, '2026-10-31');
  await expect(page.getByText(/96 contracts, \d+ entries, as of 31\/10\/2026/)).toBeVisible({ timeout: 30_000 });
  await nav(page, 'Settings').click();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await snapshot(page, testInfo, 'settings-dark');

  // The engine-wide allocation order: changed, every screen recomputed, kept after a reload.
  const rules = page.getByRole('region', { name: 'Reconciliation rules' });
  await pickOption(page, rules.getByLabel('Entries draw on a contract in the order'), 'By the time entries were entered (as ConnectWise applies them)');
  await nav(page, 'Contracts').click();
  await expect(page.getByText(/96 contracts, \d+ entries, as of 31\/10\/2026/)).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await nav(page, 'Settings').click();
  await expect(rules.getByLabel('Entries draw on a contract in the order')).toHaveText('By the time entries were entered (as ConnectWise applies them)');

  // A backup by hand, then restoring it after the confirmation.
  const backups = page.getByRole('region', { name: 'Backups' });
  await expect(backups).toContainText('No backups yet');
  await backups.getByRole('button', { name: 'Back up now' }).click();
  await expect(backups.getByRole('alert')).toContainText('Backup made');
  const list = backups.getByRole('list', { name: 'Backup list' }).getByRole('listitem');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('made by hand');
  await list.first().getByRole('button', { name: 'Restore' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace all data?' });
  await expect(dialog).toContainText('The data you have now is backed up first');
  await snapshot(page, testInfo, 'settings-restore-confirm');
  await dialog.getByRole('button', { name: 'Replace all data' }).click();
  await expect(backups.getByRole('alert')).toContainText('Restored.');
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText('before a restore');

  // The whole database as one download.
  const downloading = page.waitForEvent('download');
  await backups.getByRole('button', { name: 'Export database to a file' }).click();
  const exported = await downloading;
  expect(exported.suggestedFilename()).toMatch(/^Blockledger database \d{4}-\d{2}-\d{2}\.json\.gz$/);
  await expect(backups.getByRole('alert')).toContainText('The database export is downloading');

  // ... and that file loaded back, after the same confirmation.
  const choosing = page.waitForEvent('filechooser');
  await backups.getByRole('button', { name: 'Import database from a file' }).click();
  await (await choosing).setFiles({ name: exported.suggestedFilename(), mimeType: 'application/gzip', buffer: await readFile(await exported.path()) });
  await expect(dialog).toContainText(`Load the database file "${exported.suggestedFilename()}"`);
  await dialog.getByRole('button', { name: 'Replace all data' }).click();
  await expect(backups.getByRole('alert')).toContainText('Restored.');
  await expect(list).toHaveCount(3);

  // A file that is not a backup is refused in words, and nothing changes.
  const choosingWrong = page.waitForEvent('filechooser');
  await backups.getByRole('button', { name: 'Import database from a file' }).click();
  await (await choosingWrong).setFiles({ name: 'notes.json.gz', mimeType: 'application/gzip', buffer: Buffer.from('not a backup') });
  await dialog.getByRole('button', { name: 'Replace all data' }).click();
  await expect(backups.getByRole('alert')).toContainText('This backup cannot be restored: it is not a Blockledger backup file. The database was not changed.');
  // ... before anything was written: no backup was made for it (the list read afresh).
  await nav(page, 'Contracts').click();
  await nav(page, 'Settings').click();
  await expect(list).toHaveCount(3);

  // The data is still there after the restore (as of the default date, which follows the clock).
  await nav(page, 'Contracts').click();
  await expect(page.getByText(/96 contracts, \d+ entries, as of \d{2}\/\d{2}\/\d{4}/)).toBeVisible({ timeout: 30_000 });
  expect(errors).toEqual([]);
});

// Any spreadsheet: a file no profile recognises is read as entries once the
// clerk picks the generic profile, names what the file holds and maps its
// columns; and an Excel workbook is read in the browser's worker like a CSV.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseImportFiles, pickOption } from './journeys-import-helpers';
import { collectPageErrors, gridCell, nav, snapshot } from './journeys-helpers';

// UTF-8 with accents: the browser's worker reads it as bytes and decodes the names.
const SHEET = { name: 'timesheet.csv', mimeType: 'text/csv', buffer: Buffer.from('Ref,Worked on,Client,Block,Technicien,Durée\nA1,2026-03-02,Müller Zahnärzte,C1,Björn,1.5\n') };
const MAPPING: readonly [field: string, column: string][] = [['id', 'Ref'], ['date', 'Worked on'], ['customer', 'Client'], ['contract_id', 'Block'], ['member', 'Technicien'], ['hours', 'Durée']];

test('a spreadsheet no profile knows: pick the generic profile, say it holds entries, map the columns, import', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import your exports' }).click();
  await chooseImportFiles(page, [SHEET]);
  const card = page.getByRole('region', { name: 'File timesheet.csv' });
  await expect(card).toContainText('no profile recognises these columns');
  await expect(page.getByRole('region', { name: 'Ready to import' })).toContainText('Nothing in these files could be read');

  await pickOption(page, card.getByLabel('Profile'), 'Any spreadsheet (map the columns)');
  await pickOption(page, card.getByLabel('This file holds'), 'Entry rows');
  // A required field is missing, so the mapping opens by itself.
  for (const [field, column] of MAPPING) await pickOption(page, card.getByLabel(`Column for ${field}`, { exact: true }), column);
  const ready = page.getByRole('region', { name: 'Ready to import' });
  await expect(ready).toContainText('Entries: 1 new');
  await snapshot(page, testInfo, 'import-spreadsheet-mapped');
  await ready.getByRole('button', { name: 'Import these records' }).click();
  await expect(page.getByText('Imported batch #1: 1 entry stored', { exact: false })).toBeVisible();

  // No contract is stored yet: the entries screen says so instead of showing an empty list as if nothing were imported.
  await nav(page, 'Entries').click();
  await expect(page.getByText('No contracts are stored yet', { exact: false })).toBeVisible();
  await nav(page, 'Import').click();
  await expect(gridCell(page, 'Import history', 0, 'counts')).toHaveText('0 contracts, 0 additions, 1 entry');
  expect(errors).toEqual([]);
});

/** A ConnectWise time-entry list saved as an Excel workbook: real date and number cells, one text cell where hours belong. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Time');
  sheet.addRow(['Time Entry ID', 'Date', 'Company', 'Agreement ID', 'Member', 'Work Role', 'Work Type', 'Billable Hrs', 'Billable Option', 'Notes']);
  sheet.addRow([82001, new Date(Date.UTC(2026, 2, 10)), 'Globex Ltd', 102, 'jsmith', 'Engineer', 'Remote Support', 1.75, 'Billable', 'Backup check']);
  sheet.addRow([82002, new Date(Date.UTC(2026, 2, 11)), 'Globex Ltd', 102, 'bwong', 'Engineer', 'Remote Support', 'n/a', 'Billable', 'No hours']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('an Excel export goes through the same wizard: detected, its bad cell named by row and column', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Import your exports' }).click();
  await chooseImportFiles(page, [{ name: 'time.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await workbook() }]);
  const ready = page.getByRole('region', { name: 'Ready to import' });
  await expect(ready).toContainText('Entries: 1 new');
  await expect(page.getByRole('region', { name: /^File time\.xlsx/ })).toContainText('Detected as ConnectWise PSA');
  await expect(gridCell(page, 'Import problems', 0, 'line')).toHaveText('3');
  await expect(gridCell(page, 'Import problems', 0, 'column')).toHaveText('Billable Hrs');
  await ready.getByRole('button', { name: 'Import these records' }).click();
  await expect(page.getByText('Imported batch #1: 1 entry stored, 1 row left out.', { exact: false })).toBeVisible();
  expect(errors).toEqual([]);
});

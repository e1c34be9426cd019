// The clerk's month-end journey in the web build: the sample portfolio's
// alerts, invoice lines and exceptions as the engine computes them, one
// customer's workbook downloaded and read back, and the whole pack as a zip.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { formatCents } from '../../renderer/src/components/format';
import { reconcile } from '../../renderer/src/core/reconcile';
import { DEMO_PORTFOLIO, generateSamplePortfolio } from '../../renderer/src/core/sample/sample-portfolio';
import { SUMMARY, SUMMARY_SHEET } from '../../renderer/src/io/workbook/customer-workbook';
import { workbookContext } from '../../renderer/src/io/workbook/workbook-context';
import { alertCounts, invoiceTotal } from '../../renderer/src/features/month-end/month-end-view';
import { monthEndExceptions, monthEndSummary } from '../../renderer/src/workers/month-end';
import { dataRows, hundredths, readWorkbook, sheetOf, shown } from '../io/workbook/workbook-reading';
import { collectPageErrors, gridCell, gridRows, nav, openSample, setAsOf, snapshot } from './journeys-helpers';
import { pickOption } from './journeys-import-helpers';

const AS_OF = '2026-10-31';

/** What the engine says for the demo portfolio, computed here without the app. */
async function engineFigures() {
  const input = { ...generateSamplePortfolio(DEMO_PORTFOLIO), asOf: AS_OF };
  const result = reconcile(input);
  const context = workbookContext(input, result);
  const exceptions = (await monthEndExceptions(context)).page({ search: '', sort: null }, 0, Number.MAX_SAFE_INTEGER).rows;
  return { result, summary: await monthEndSummary(context), exceptions };
}

test('month-end shows the engine\'s alerts, invoice and exceptions; a customer workbook and the pack download with the engine\'s numbers', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const { result, summary, exceptions } = await engineFigures();
  await openSample(page);
  await setAsOf(page, AS_OF);
  await nav(page, 'Month-end').click();
  await expect(page.getByRole('heading', { name: 'Month-end', level: 1 })).toBeVisible();

  // Counts on the tabs and per alert kind are the engine's.
  await expect(page.getByRole('tab', { name: `Alerts (${summary.alerts.length})` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('tab', { name: `To invoice (${summary.invoice.length})` })).toBeVisible();
  await expect(page.getByRole('tab', { name: `Exceptions (${exceptions.length})` })).toBeVisible();
  expect(summary.alerts.length).toBeGreaterThan(0);
  const counts = page.getByRole('list', { name: 'Alert counts' }).getByRole('listitem');
  await expect(counts).toHaveText(alertCounts(summary.alerts).map(({ alert, count }) => `${alert}: ${count}`));
  await expect(page.getByText(`${summary.exceptions.unmatched} unmatched, ${summary.exceptions.not_covered} not covered and ${summary.exceptions.held} entries with time held`)).toBeVisible();
  await expect(gridRows(page, 'Alerts').first()).toBeVisible();
  await snapshot(page, testInfo, 'month-end-alerts');

  await page.getByRole('tab', { name: /To invoice/ }).click();
  await expect(page.getByLabel('Invoice total')).toContainText(`Total to invoice: ${formatCents(invoiceTotal(summary.invoice).cents)}`);
  await snapshot(page, testInfo, 'month-end-invoice');
  await page.getByRole('tab', { name: /Exceptions/ }).click();
  await expect(gridCell(page, 'Exceptions', 0, 'entryId')).toHaveText(exceptions[0]?.entryId ?? '');
  await snapshot(page, testInfo, 'month-end-exceptions');
  // Sorted by a column header: the worker orders the whole list, not the rows on screen.
  await page.getByRole('region', { name: 'Exceptions', exact: true }).getByText('Entry', { exact: true }).click();
  await expect(gridCell(page, 'Exceptions', 0, 'entryId')).toHaveText([...exceptions.map((line) => line.entryId)].sort()[0] ?? '');
  // The search finds one entry among them all.
  const sought = exceptions[Math.floor(exceptions.length / 2)]?.entryId ?? '';
  await page.getByLabel('Search exceptions').fill(sought.toLowerCase());
  await expect(page.getByText(`1 of ${exceptions.length} lines`)).toBeVisible();
  await expect(gridCell(page, 'Exceptions', 0, 'entryId')).toHaveText(sought);
  await expect(gridCell(page, 'Exceptions', 1, 'entryId')).toHaveCount(0);

  // One customer's workbook: its Summary holds the engine's closing balance of every contract.
  const customer = summary.alerts[0]?.customer ?? '';
  const workbooks = page.getByRole('region', { name: 'Workbooks' });
  await pickOption(page, workbooks.getByLabel('Customer'), customer);
  const downloading = page.waitForEvent('download');
  await workbooks.getByRole('button', { name: 'Export workbook' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${customer.replace(/[^\p{L}\p{N} _.,()&'+-]+/gu, ' ').replace(/\s+/g, ' ').trim()} ${AS_OF}.xlsx`);
  await expect(workbooks.getByText(/is downloading as/)).toBeVisible();
  const book = await readWorkbook(await download.path());
  const sheet = sheetOf(book, SUMMARY_SHEET);
  let header = 1;
  while (shown(sheet.getRow(header).getCell(1)) !== 'Contract no.') header += 1;
  const rows = dataRows(sheet, header).filter((row) => typeof shown(row.getCell(SUMMARY.contractNo)) === 'number');
  const expected = result.contracts.filter((contract) => contract.customer === customer);
  expect(rows.map((row) => shown(row.getCell(SUMMARY.contract)))).toEqual(expected.map((contract) => contract.id));
  expect(rows.map((row) => hundredths(row.getCell(SUMMARY.closing)))).toEqual(expected.map((contract) => contract.balance));
  // The alert lines the screen shows for this customer carry the same balances.
  for (const alert of summary.alerts.filter((line) => line.customer === customer && line.alert !== 'Expiring' && line.alert !== 'Ended with balance')) {
    expect(alert.units).toBe(expected.find((contract) => contract.id === alert.contractId)?.balance);
  }
  await snapshot(page, testInfo, 'month-end-exported');
  // The Export shortcut exports the chosen customer's workbook again.
  const again = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+e');
  expect((await again).suggestedFilename()).toBe(download.suggestedFilename());

  // Generating can be stopped; nothing is saved.
  await workbooks.getByRole('button', { name: 'Generate all workbooks and the month-end pack' }).click();
  await workbooks.getByRole('status', { name: 'Writing workbooks' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(workbooks.getByText('Stopped. Nothing was saved')).toBeVisible();

  // The whole pack: one zip in a browser, every customer's workbook and the pack.
  const packing = page.waitForEvent('download');
  await workbooks.getByRole('button', { name: 'Generate all workbooks and the month-end pack' }).click();
  const pack = await packing;
  const files = Object.keys(unzipSync(new Uint8Array(await readFile(await pack.path()))));
  expect(files).toHaveLength(summary.customers.length + 1);
  expect(files).toContain(`Month-end pack ${AS_OF}.xlsx`);
  await expect(workbooks.getByText(/month-end pack \(\d+ workbooks\) is downloading/)).toBeVisible();
  expect(errors).toEqual([]);
});

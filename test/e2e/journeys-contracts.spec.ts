import { expect, test } from '@playwright/test';
import { reconcile } from '../../renderer/src/core/reconcile';
import { DEMO_PORTFOLIO, generateSamplePortfolio } from '../../renderer/src/core/sample/sample-portfolio';
import { collectPageErrors, gridCell, gridRows, openSample, setAsOf, snapshot } from './journeys-helpers';

test('open the sample portfolio, see contracts and balances, drill into a contract and its ledger', async ({ page }, testInfo) => {
  const errors = collectPageErrors(page);
  await openSample(page);
  await setAsOf(page, '2026-10-31');
  await expect(page.getByText(/96 contracts, \d+ entries, as of 2026-10-31/)).toBeVisible();
  await snapshot(page, testInfo, 'contracts');

  // Quick search narrows the grid to one contract.
  await page.getByLabel('Search contracts').fill('AGR-01');
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveText('AGR-01');
  await expect(gridCell(page, 'Contracts', 1, 'id')).toHaveCount(0);
  const balance = await gridCell(page, 'Contracts', 0, 'balance').innerText();
  await gridCell(page, 'Contracts', 0, 'name').click();

  await expect(page.getByRole('heading', { level: 1, name: /AGR-01/ })).toBeVisible();
  await expect(page.getByLabel('Balance', { exact: true })).toHaveText(balance);
  await expect(page.getByRole('region', { name: 'Terms' })).toContainText('Allowance');
  await expect(gridRows(page, 'Ledger of AGR-01').first()).toBeVisible();
  await snapshot(page, testInfo, 'contract-detail');
  // The ledger's last running balance is the contract's balance (Ctrl+↓ goes to the last row).
  await gridCell(page, 'Ledger of AGR-01', 0, 'date').click();
  await page.keyboard.press('Control+ArrowDown');
  const ledger = page.getByRole('region', { name: 'Ledger of AGR-01', exact: true });
  const lastRow = await ledger.locator('.ag-row').evaluateAll((rows) => Math.max(...rows.map((row) => Number(row.getAttribute('row-index')))));
  expect(lastRow).toBeGreaterThan(20);
  await expect(gridCell(page, 'Ledger of AGR-01', lastRow, 'balanceAfter')).toHaveText(balance);
  // A wider window widens the ledger's columns: the running balance stays at the grid's right edge, beside the scrollbar.
  await page.setViewportSize({ width: 1700, height: 860 });
  const gap = () => ledger.evaluate((region) => region.getBoundingClientRect().right - (region.querySelector('.ag-header-cell[col-id="balanceAfter"]') as Element).getBoundingClientRect().right);
  await expect.poll(gap).toBeLessThanOrEqual(20);
  expect(await gap()).toBeGreaterThanOrEqual(0);
  await page.getByRole('tab', { name: /Monthly statement/ }).click();
  await expect(gridRows(page, 'Statement of AGR-01').first()).toBeVisible();
  await page.getByRole('tab', { name: /Entries/ }).click();
  await gridRows(page, 'Entries of AGR-01').first().click();
  await expect(page.getByRole('dialog')).toContainText('Import batch');
  await expect(page.getByRole('dialog')).toContainText('#1 (sample, committed)');
  await snapshot(page, testInfo, 'entry-source');
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: '← All contracts' }).click();
  await expect(gridRows(page, 'Contracts').first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('group the contracts by customer, filter a column, and get a saved column layout back after a reload', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSample(page);
  await setAsOf(page, '2026-10-31');
  const contracts = page.getByRole('region', { name: 'Contracts', exact: true });
  const customerCells = () => contracts.locator('.ag-row [col-id="customer"], .ag-spanned-cell[col-id="customer"]');

  // Grouped: customers in name order, one customer cell for each run of a customer's contracts.
  await page.getByLabel('Group by customer').click();
  await expect(contracts.locator('.ag-spanned-cell').first()).toBeVisible();
  const names = (await contracts.locator('.ag-spanned-cell[col-id="customer"], .ag-row [col-id="customer"]').allInnerTexts()).map((name) => name.trim()).filter((name) => name !== '');
  expect(names).toEqual([...names].sort());
  expect(await customerCells().count()).toBeLessThan(await gridRows(page, 'Contracts').count());
  // Ungrouped again: every row has its own customer cell.
  await page.getByLabel('Group by customer').click();
  await expect(contracts.locator('.ag-spanned-cell')).toHaveCount(0);

  // A column filter on the balance, in hours as shown (the grid holds hundredths): the overrun contracts, as the engine has them.
  await contracts.locator('.ag-header-cell[col-id="balance"] .ag-header-cell-filter-button').click();
  const filter = page.locator('.ag-filter');
  await filter.getByRole('combobox', { name: 'Filtering operator' }).click();
  await page.getByRole('option', { name: 'Less than', exact: true }).click();
  await filter.getByRole('spinbutton').first().fill('-2');
  const overrun = reconcile({ ...generateSamplePortfolio(DEMO_PORTFOLIO), asOf: '2026-10-31' }).contracts.filter((contract) => contract.balance < -200);
  expect(overrun.length).toBeGreaterThan(1);
  await expect(gridRows(page, 'Contracts')).toHaveCount(overrun.length);
  expect(new Set(await contracts.locator('.ag-row [col-id="id"]').allInnerTexts())).toEqual(new Set(overrun.map((contract) => contract.id)));
  // A reload clears the filter (filters are not part of a layout).
  await page.reload();
  await expect(gridRows(page, 'Contracts').first()).toBeVisible();

  // A layout sorted by balance, saved, and chosen again after a reload.
  await contracts.getByText('Balance', { exact: true }).click();
  const lowest = await gridCell(page, 'Contracts', 0, 'id').innerText();
  await page.getByLabel('Layout name').fill('By balance');
  await page.getByRole('button', { name: 'Save layout' }).click();
  await page.reload();
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveText('AGR-01');
  expect(lowest).not.toBe('AGR-01');
  await page.getByLabel('Column layout').click();
  await page.getByRole('option', { name: 'By balance' }).click();
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveText(lowest);
  expect(errors).toEqual([]);
});

test('the clerk keeps their place in the contracts grid when the as-of date changes', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSample(page);
  await setAsOf(page, '2026-10-31');
  await expect(page.getByText(/96 contracts, \d+ entries, as of 2026-10-31/)).toBeVisible();
  const viewport = page.getByRole('region', { name: 'Contracts', exact: true }).locator('.ag-body-vertical-scroll-viewport');
  await viewport.evaluate((element) => element.scrollTo({ top: 1200 }));
  await expect(gridCell(page, 'Contracts', 60, 'id')).toBeVisible();
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveCount(0);
  const scrolledTo = await viewport.evaluate((element) => element.scrollTop);
  const balanceAtOctober = await gridCell(page, 'Contracts', 60, 'balance').innerText();

  await setAsOf(page, '2026-03-31');
  await expect(page.getByText(/96 contracts, \d+ entries, as of 2026-03-31/)).toBeVisible();
  // The same rows, with March's figures, where the clerk left them.
  await expect(gridCell(page, 'Contracts', 60, 'balance')).not.toHaveText(balanceAtOctober);
  await expect(gridCell(page, 'Contracts', 60, 'id')).toHaveText('AGR-61');
  expect(await viewport.evaluate((element) => element.scrollTop)).toBe(scrolledTo);
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveCount(0);
  expect(errors).toEqual([]);
});

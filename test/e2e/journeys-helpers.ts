// Shared steps of the clerk journeys (web build, browser bridge).
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Saves a full-page screenshot as a named test artifact. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Fails the test on any uncaught page error or console error. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

export function nav(page: Page, label: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: label });
}

/** Sets the as-of date all screens use. */
export async function setAsOf(page: Page, date: string): Promise<void> {
  await page.getByLabel('As-of date').fill(date);
}

/** The body rows of the AG Grid inside the region `label` (rendered rows; pinned columns render their own). */
export function gridRows(page: Page, label: string) {
  return page.getByRole('region', { name: label, exact: true }).locator('.ag-row');
}

/** One cell of the grid `label`: row by index, column by id. */
export function gridCell(page: Page, label: string, rowIndex: number, colId: string) {
  return page.getByRole('region', { name: label, exact: true }).locator(`.ag-row[row-index="${rowIndex}"] [col-id="${colId}"]`);
}

/** First start: open the sample portfolio and wait for the contracts grid to fill. */
export async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByRole('heading', { name: 'Contracts', level: 1 })).toBeVisible();
  await expect(gridRows(page, 'Contracts').first()).toBeVisible({ timeout: 30_000 });
}

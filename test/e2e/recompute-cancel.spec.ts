// Cancelling a reconcile: the screens keep the figures they show, and the date
// picker goes back to the date of those figures rather than naming one whose
// figures were never made.
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, gridRows, openSample, setAsOf } from './journeys-helpers';

/**
 * Holds a read-write transaction on the stored entries until `releaseStore`:
 * the worker's next read of the store waits behind it, so a reconcile stays
 * "Reading the store" for as long as the test needs, with no timing involved.
 */
async function holdStore(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opened = indexedDB.open('blockledger');
        opened.onerror = () => reject(opened.error ?? new Error('the store would not open'));
        opened.onsuccess = () => {
          const tx = opened.result.transaction('entryChunks', 'readwrite');
          const store = tx.objectStore('entryChunks');
          const scope = window as unknown as { releaseStore?: boolean };
          // A transaction stays open while it has requests: ask again until released.
          const keepOpen = (): void => {
            if (scope.releaseStore === true) return;
            store.count().onsuccess = keepOpen;
          };
          keepOpen();
          tx.oncomplete = () => opened.result.close();
          resolve();
        };
      }),
  );
}

test('cancelling a reconcile puts the as-of date back to the figures on screen', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSample(page);
  await setAsOf(page, '2026-10-31');
  const header = page.getByText(/contracts, .* entries, as of/);
  await expect(header).toContainText('2026-10-31');
  const october = (await gridRows(page, 'Contracts').first().textContent()) ?? '';

  // Reload data makes the worker read the store again; held, the read waits. Cancelled, October's figures stay.
  await holdStore(page);
  await page.getByRole('heading', { name: 'Contracts', level: 1 }).click();
  await page.keyboard.press('ControlOrMeta+Shift+R');
  const reading = page.getByText('Reading the store…');
  await expect(reading).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(reading).toHaveCount(0);
  await expect(page.getByLabel('As-of date')).toHaveValue('2026-10-31');

  // March's reconcile waits for the same read; the clerk cancels it.
  await setAsOf(page, '2026-03-31');
  await expect(reading).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The picker names October again, whose figures are still on screen; October is recomputed once the store is free.
  await expect(page.getByLabel('As-of date')).toHaveValue('2026-10-31');
  await page.evaluate(() => ((window as unknown as { releaseStore?: boolean }).releaseStore = true));
  await expect(reading).toHaveCount(0);
  await expect(header).toContainText('2026-10-31');
  await expect(gridRows(page, 'Contracts').first()).toHaveText(october);
  await expect(page.getByLabel('As-of date')).toHaveValue('2026-10-31');
  expect(errors).toEqual([]);
});

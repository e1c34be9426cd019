// The desktop menu's Find, Export and Reload data, through their shortcuts (the
// web build catches them on the page, as the menu sends them in the desktop app).
import { expect, test } from '@playwright/test';
import { collectPageErrors, gridCell, nav, openSample, setAsOf } from './journeys-helpers';

test('Find goes to the open screen\'s search box; Reload data reads the store again; Export opens Month-end from elsewhere', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSample(page);
  await setAsOf(page, '2026-10-31');

  // Find on Contracts: the search box, its text selected to type over.
  await page.getByLabel('Search contracts').fill('AGR-0');
  await gridCell(page, 'Contracts', 0, 'name').click();
  await page.getByRole('button', { name: '← All contracts' }).click();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(page.getByLabel('Search contracts')).toBeFocused();
  await page.keyboard.type('AGR-02');
  await expect(page.getByLabel('Search contracts')).toHaveValue('AGR-02');
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveText('AGR-02');

  // Reload data: a contract renamed in the store behind the window's back shows once the store is read again.
  const renamed = 'Renamed behind the window';
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const opened = indexedDB.open('blockledger');
        opened.onerror = () => reject(opened.error ?? new Error('the store would not open'));
        opened.onsuccess = () => {
          const tx = opened.result.transaction('contracts', 'readwrite');
          const store = tx.objectStore('contracts');
          store.openCursor().onsuccess = (event) => {
            const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (cursor === null) return;
            const record = cursor.value as { value: { id: string; name: string } };
            if (record.value.id === 'AGR-02') cursor.update({ ...record, value: { ...record.value, name } });
            cursor.continue();
          };
          tx.oncomplete = () => {
            opened.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('the rename failed'));
        };
      }),
    renamed,
  );
  await page.getByRole('heading', { name: 'Contracts', level: 1 }).click();
  await page.keyboard.press('ControlOrMeta+Shift+R');
  await expect(gridCell(page, 'Contracts', 0, 'name')).toHaveText(renamed);

  // Find on Entries.
  await nav(page, 'Entries').click();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(page.getByLabel('Search entries')).toBeFocused();
  // Export on a screen with nothing of its own to export opens Month-end, where the workbooks are.
  await page.getByRole('heading', { name: 'Entries', level: 1 }).click();
  await page.keyboard.press('ControlOrMeta+e');
  await expect(page.getByRole('heading', { name: 'Month-end', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Workbooks' })).toBeVisible();
  // Find on the month-end Exceptions.
  await page.getByRole('tab', { name: /^Exceptions/ }).click();
  await page.keyboard.press('ControlOrMeta+f');
  await expect(page.getByLabel('Search exceptions')).toBeFocused();
  expect(errors).toEqual([]);
});

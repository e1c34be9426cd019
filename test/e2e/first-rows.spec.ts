// Opening a big store on a date nothing was saved for (issue 5: first grid
// within 2 s): the grid's first rows come first, with their final figures and
// a subtitle that says the rest are being reconciled; then every contract.
import { expect, test } from '@playwright/test';
import { loadBenchmark } from '../bench/ui/in-page';
import { installProbes } from '../bench/ui/page-probes';
import { collectPageErrors, gridCell } from './journeys-helpers';

interface Seen {
  readonly subtitle: string;
  /** Contract id and balance of each of the first three rows, as shown. */
  readonly rows: readonly string[];
}

/** An init script: records every state of the contracts screen's subtitle and first rows as the DOM changes, so a state that lasts a second is seen whatever the test runner's timing. */
function recordContractsScreen(): void {
  const seen: Seen[] = [];
  (window as unknown as { __seen: Seen[] }).__seen = seen;
  new MutationObserver(() => {
    const heading = [...document.querySelectorAll('h1')].find((candidate) => candidate.textContent === 'Contracts');
    const subtitle = heading?.nextElementSibling?.textContent ?? '';
    const rows = [0, 1, 2].map((index) => {
      const cell = (colId: string): string => document.querySelector(`[aria-label="Contracts"] .ag-row[row-index="${index}"] [col-id="${colId}"]`)?.textContent ?? '';
      return `${cell('id')} ${cell('balance')}`.trim();
    });
    const last = seen.at(-1);
    if (last?.subtitle !== subtitle || last.rows.join() !== rows.join()) seen.push({ subtitle, rows });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

test('a big store opened on a date nothing was saved for shows its first contracts with their final figures, then all of them', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = collectPageErrors(page);
  await page.addInitScript(installProbes);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Blockledger' })).toBeVisible();
  // The benchmark portfolio: 10,000 contracts, 1,000,000 entries.
  await page.evaluate(loadBenchmark);
  await page.addInitScript(() => indexedDB.deleteDatabase('blockledger-cache'));
  await page.addInitScript(recordContractsScreen);
  await page.reload();

  await expect(page.getByText(/^10000 contracts, \d+ entries, as of /)).toBeVisible({ timeout: 120_000 });
  await expect(gridCell(page, 'Contracts', 0, 'id')).toHaveText('AGR-00001');
  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
  const final = seen.at(-1) as Seen;
  const first = seen.filter((state) => /^The first 60 of 10000 contracts, as of .+; reconciling the rest…$/.test(state.subtitle) && state.rows.every((row) => row !== ''));
  // The first rows were on screen, and showed the figures the whole reconcile then showed.
  expect(first.length).toBeGreaterThan(0);
  expect(first.at(-1)?.rows).toEqual(final.rows);
  expect(final.rows[0]).toMatch(/^AGR-00001 \S/);
  // Nothing was shown before them but the wait: no other rows, no other counts.
  const before = seen.slice(0, seen.indexOf(first[0] as Seen));
  expect(before.every((state) => state.rows.every((row) => row === ''))).toBe(true);
  expect(errors).toEqual([]);
});

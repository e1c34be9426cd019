import { describe, expect, it } from 'vitest';
import type { Entry } from '../../renderer/src/core/model';
import type { EntryResult, LedgerEvent } from '../../renderer/src/core/result';
import { balanceSeries } from '../../renderer/src/features/contract-detail/balance-series';
import { parseLayouts, withLayout } from '../../renderer/src/features/contracts/grid-layouts';
import { EntryPager } from '../../renderer/src/workers/entry-pages';
import { positionsById } from '../../renderer/src/io/workbook/workbook-context';

function event(date: string, kind: LedgerEvent['kind'], balanceAfter: number, overage = 0, units = 100): LedgerEvent {
  return { date, kind, units, balanceAfter, lot: null, entryId: null, applied: 0, overage, held: 0, debtPaid: 0, draws: [] };
}

describe('the balance chart', () => {
  it('keeps each day\'s closing balance and marks grants, expiries and overage on their days', () => {
    const series = balanceSeries([
      event('2026-01-01', 'grant', 1000),
      event('2026-01-01', 'entry', 900),
      event('2026-01-15', 'entry', 0, 50),
      event('2026-01-31', 'expiry', 0, 0, 0),
      event('2026-02-01', 'grant', 1000),
      event('2026-02-28', 'expiry', 0, 0, 1000),
    ]);
    expect(series.days).toEqual(['2026-01-01', '2026-01-15', '2026-01-31', '2026-02-01', '2026-02-28']);
    expect(series.balance).toEqual([9, 0, 0, 10, 0]);
    expect(series.grants).toEqual([9, null, null, 10, null]);
    expect(series.overage).toEqual([null, 0, null, null, null]);
    // An expiry of nothing is not worth a marker.
    expect(series.expiries).toEqual([null, null, null, null, 0]);
  });
});

describe('saved column layouts', () => {
  it('replaces a layout of the same name and drops malformed ones', () => {
    const saved = parseLayouts([{ name: 'Billing', columns: [] }, { name: 3, columns: [] }, '__proto__', { name: 'x', columns: 'no' }]);
    expect(saved.map((layout) => layout.name)).toEqual(['Billing']);
    const next = withLayout(saved, { name: ' Billing ', columns: [{ colId: 'balance' }] });
    expect(next).toEqual([{ name: 'Billing', columns: [{ colId: 'balance' }] }]);
    expect(withLayout(next, { name: '__proto__', columns: [] }).map((layout) => layout.name)).toEqual(['__proto__', 'Billing']);
  });
});

describe('entry pages for the infinite grid', () => {
  const entries: Entry[] = [];
  const results: EntryResult[] = [];
  for (let i = 0; i < 250; i++) {
    const id = `E${String(i).padStart(3, '0')}`;
    entries.push({ id, date: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`, contractId: i % 5 === 0 ? null : 'C1', customer: 'Acme', ticket: `T${i}`, member: i % 2 ? 'ana' : 'bo', workRole: '', workType: '', hours: i, billable: 'billable', amount: null, notes: i === 7 ? 'printer jam' : '' });
    results.push({ id, contractId: i % 5 === 0 ? null : 'C1', units: i, applied: i, overage: 0, held: 0, status: i % 5 === 0 ? 'unmatched' : 'applied', reason: null });
  }
  const pager = new EntryPager(results, entries, entries.map((entry) => (entry.id === 'E001' ? 4 : 1)), () => positionsById(entries));

  it('pages through every match once, in the requested order', () => {
    const query = { group: null, search: '', sort: { key: 'hours' as const, descending: true } };
    const seen = [...pager.page(query, 0, 100).rows, ...pager.page(query, 100, 100).rows, ...pager.page(query, 200, 100).rows];
    expect(seen).toHaveLength(250);
    expect(new Set(seen.map((row) => row.entry.id)).size).toBe(250);
    expect(seen[0]?.entry.hours).toBe(249);
    expect(pager.page(query, 0, 1).total).toBe(250);
  });

  it('filters by exception, contract and text, and links each row to its batch', () => {
    const unmatched = pager.page({ group: 'unmatched', search: '', sort: null }, 0, 500);
    expect(unmatched.total).toBe(50);
    expect(unmatched.rows.every((row) => row.result.status === 'unmatched')).toBe(true);
    expect(pager.page({ group: null, search: 'PRINTER', sort: null }, 0, 10).rows.map((row) => row.entry.id)).toEqual(['E007']);
    expect(pager.page({ group: null, search: '', contractId: 'C1', sort: null }, 0, 0).total).toBe(200);
    expect(pager.page({ group: null, search: 'E001', sort: null }, 0, 1).rows[0]?.batchId).toBe(4);
  });
});

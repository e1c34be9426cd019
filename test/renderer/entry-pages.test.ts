import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Contract, Entry } from '../../renderer/src/core/model';
import { reconcile } from '../../renderer/src/core/reconcile';
import { compareCodePoints } from '../../renderer/src/core/ordering';
import type { EntryResult } from '../../renderer/src/core/result';
import { EntryPager } from '../../renderer/src/workers/entry-pages';
import { positionsById } from '../../renderer/src/io/workbook/workbook-context';
import type { EntryPageQuery, EntrySortKey } from '../../renderer/src/workers/engine-protocol';

const contract: Contract = {
  id: 'C1', customer: 'Acme', name: 'Block', unit: 'hours', start: '2026-01-01', end: null, allowance: 300, period: 'once', anchor: 'calendar', prorate: false,
  carryover: false, carryoverDays: null, overage: 'bill', overrunLimitPct: null, overrunLimit: null, warningPct: null, lowBalance: null, rebillBelow: null,
  rebillQuantity: null, rate: null, roleRates: [], roleFactors: [], excludedWorkTypes: [], roundMinutes: null, minimumMinutes: null, coversExpenses: false,
  price: null, reportedBalance: null, reportedAsOf: null,
};

function entry(id: string, date: string, hours: number, extra: Partial<Entry> = {}): Entry {
  return { id, date, contractId: 'C1', customer: 'Acme', ticket: `T${id}`, member: 'ana', workRole: 'Engineer', workType: 'Remote', hours, billable: 'billable', amount: null, notes: '', ...extra };
}

// 3 h block: e1 and e2 fit, e3 runs over, e4 is no-charge, e5 names an unknown contract.
const entries = [
  entry('e1', '2026-01-05', 100),
  entry('e2', '2026-01-06', 150, { member: 'bo' }),
  entry('e3', '2026-01-07', 200, { notes: 'Server rebuild' }),
  entry('e4', '2026-01-08', 50, { billable: 'no_charge' }),
  entry('e5', '2026-01-09', 25, { contractId: 'X9' }),
];

function pager(terms: Partial<Contract> = {}): EntryPager {
  const result = reconcile({ contracts: [{ ...contract, ...terms }], additions: [], entries, asOf: '2026-01-31' });
  // The store hands entries over in its own order (by batch and contract), not the engine's id order.
  const stored = [...entries].reverse();
  return new EntryPager(result.entries, stored, stored.map((e) => (e.id === 'e5' ? 2 : 1)), () => positionsById(stored));
}

const query = (over: Partial<EntryPageQuery> = {}): EntryPageQuery => ({ group: null, search: '', sort: null, ...over });
const ids = (rows: readonly { entry: Entry }[]) => rows.map((row) => row.entry.id);

describe('entry pages served by the worker', () => {
  it('filters by allocation, the quick filters of the entries screen', () => {
    const pages = pager();
    expect(ids(pages.all(query({ group: 'unmatched' })))).toEqual(['e5']);
    expect(ids(pages.all(query({ group: 'not_covered' })))).toEqual(['e4']);
    expect(ids(pages.all(query({ group: 'overage' })))).toEqual(['e3']);
    // Overage is invoiced, not an exception (the month-end pack's Exceptions sheet lists the same).
    expect(ids(pages.all(query({ group: 'exceptions' })))).toEqual(['e4', 'e5']);
    expect(pages.groupCounts()).toEqual({ all: 5, exceptions: 2, unmatched: 1, not_covered: 1, held: 0, overage: 1, applied: 2 });
  });

  it('puts an entry held in part under Held and Exceptions, not Overage', () => {
    // Debt carried to 0.5 h at most: e3 applies 1 h (to -0.5 h) and 1 h is held; its status is partial.
    const pages = pager({ overage: 'carry', overrunLimit: 50 });
    expect(pages.all(query({ group: 'held' })).map((row) => [row.entry.id, row.result.status, row.result.held])).toEqual([['e3', 'partial', 100]]);
    expect(ids(pages.all(query({ group: 'overage' })))).toEqual([]);
    expect(ids(pages.all(query({ group: 'exceptions' })))).toEqual(['e3', 'e4', 'e5']);
    expect(pages.groupCounts()).toMatchObject({ exceptions: 3, held: 1, overage: 0 });
  });

  it('searches ids, members, notes and reasons, case-insensitively', () => {
    const pages = pager();
    expect(ids(pages.all(query({ search: 'SERVER' })))).toEqual(['e3']);
    expect(ids(pages.all(query({ search: 'bo' })))).toEqual(['e2']);
    expect(ids(pages.all(query({ search: 'unknown contract' })))).toEqual(['e5']);
  });

  it('sorts in the worker and keeps ties in id order, so pages never shuffle', () => {
    const pages = pager();
    expect(ids(pages.all(query({ sort: { key: 'hours', descending: true } })))).toEqual(['e3', 'e2', 'e1', 'e4', 'e5']);
    expect(ids(pages.all(query({ sort: { key: 'member', descending: false } })))).toEqual(['e1', 'e3', 'e4', 'e5', 'e2']);
  });

  it('gives each row its import batch', () => {
    expect(pager().all(query({ group: 'unmatched' }))[0]?.batchId).toBe(2);
  });

  it('pages of any size, in any order of asking, add up to the whole sorted list', () => {
    const whole = ids(pager().all(query({ sort: { key: 'date', descending: true } })));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.boolean(), (size, backwards) => {
        const pages = pager();
        const starts = Array.from({ length: Math.ceil(whole.length / size) }, (_, index) => index * size);
        const got = new Map<number, string[]>();
        for (const start of backwards ? [...starts].reverse() : starts) {
          const page = pages.page(query({ sort: { key: 'date', descending: true } }), start, size);
          expect(page.total).toBe(whole.length);
          got.set(start, ids(page.rows));
        }
        expect(starts.flatMap((start) => got.get(start) ?? [])).toEqual(whole);
      }),
    );
  });

  it('orders exactly like a plain stable sort by the key, descending too, ties in id order', () => {
    const row = fc.record({ member: fc.constantFrom('ana', 'bo', 'Cy', ''), hours: fc.integer({ min: -500, max: 500 }), day: fc.integer({ min: 1, max: 28 }) });
    const keys: EntrySortKey[] = ['member', 'hours', 'date', 'id', 'customer'];
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom(...keys), fc.boolean(), (rows, key, descending) => {
        const list = rows.map((r, index) => entry(`e${String(index).padStart(3, '0')}`, `2026-01-${String(r.day).padStart(2, '0')}`, r.hours, { member: r.member }));
        const results: EntryResult[] = list.map((e) => ({ id: e.id, contractId: 'C1', units: e.hours, applied: 0, overage: 0, held: 0, status: 'applied', reason: null }));
        const pages = new EntryPager(results, list, null, () => positionsById(list));
        const value = (e: Entry): string | number => (key === 'hours' ? e.hours : key === 'date' ? e.date : key === 'id' ? e.id : key === 'member' ? e.member : e.customer);
        const compare = (a: Entry, b: Entry): number => {
          const [x, y] = [value(a), value(b)];
          return typeof x === 'number' && typeof y === 'number' ? x - y : compareCodePoints(String(x), String(y));
        };
        const expected = [...list].sort((a, b) => (descending ? -1 : 1) * compare(a, b) || compareCodePoints(a.id, b.id)).map((e) => e.id);
        expect(ids(pages.all(query({ sort: { key, descending } })))).toEqual(expected);
      }),
    );
  });
});

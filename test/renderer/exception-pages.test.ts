// The month-end Exceptions list served page by page from the worker: pages
// put together are the whole (searched, sorted) list, a sort orders by the
// column and keeps ties in the pack's order, a search finds text in any case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExceptionQuery, ExceptionRow, ExceptionSortKey } from '../../renderer/src/workers/engine-protocol';
import { ExceptionPages } from '../../renderer/src/workers/exception-pages';

const line = (over: Partial<ExceptionRow>): ExceptionRow => ({
  entryId: 'E1', date: '2026-10-01', customer: 'Acme', contractId: 'C1', ticket: 'T1', member: 'ana', hours: 100, status: 'not covered', reason: 'date outside the contract', held: null, ...over,
});

const ALL: ExceptionQuery = { search: '', sort: null };
const everything = (pages: ExceptionPages, query: ExceptionQuery) => pages.page(query, 0, Number.MAX_SAFE_INTEGER);

const rowArb: fc.Arbitrary<ExceptionRow> = fc.record({
  entryId: fc.string({ maxLength: 4 }),
  date: fc.option(fc.constantFrom('2026-10-01', '2026-10-02', '2026-09-30'), { nil: null }),
  customer: fc.constantFrom('Acme', 'acme', 'Globex', ''),
  contractId: fc.constantFrom('C1', 'C2', ''),
  ticket: fc.string({ maxLength: 3 }),
  member: fc.constantFrom('ana', 'Bo'),
  hours: fc.integer({ min: -500, max: 5000 }),
  status: fc.constantFrom('unmatched', 'not covered', 'held', 'partial'),
  reason: fc.string({ maxLength: 6 }),
  held: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
});
const keyArb = fc.constantFrom<ExceptionSortKey>('entryId', 'date', 'customer', 'contractId', 'ticket', 'member', 'hours', 'status', 'reason', 'held');
const queryArb = fc.record({ search: fc.oneof(fc.constant(''), fc.string({ maxLength: 2 })), sort: fc.option(fc.record({ key: keyArb, descending: fc.boolean() }), { nil: null }) });

describe('the month-end exceptions, page by page', () => {
  it('gives the pack\'s lines in the pack\'s order when nothing is searched or sorted', () => {
    const rows = [line({ entryId: 'B' }), line({ entryId: 'A' }), line({ entryId: 'C' })];
    const pages = new ExceptionPages(rows);
    expect(pages.page(ALL, 0, 2)).toEqual({ rows: rows.slice(0, 2), total: 3 });
    expect(pages.page(ALL, 2, 2)).toEqual({ rows: rows.slice(2), total: 3 });
    expect(pages.page(ALL, 5, 2)).toEqual({ rows: [], total: 3 });
  });

  it('sorts by a column either way, empty values first going up, ties in the pack\'s order', () => {
    const rows = [line({ entryId: 'a', held: 50 }), line({ entryId: 'b', held: null }), line({ entryId: 'c', held: 50 }), line({ entryId: 'd', held: 20 })];
    const pages = new ExceptionPages(rows);
    const ids = (descending: boolean) => everything(pages, { search: '', sort: { key: 'held', descending } }).rows.map((row) => row.entryId);
    expect(ids(false)).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(true)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('finds text in the entry, customer, contract, ticket, technician, status and reason, in any case', () => {
    const rows = [line({ entryId: 'E1', reason: 'Work type excluded' }), line({ entryId: 'E2', customer: 'Globex' }), line({ entryId: 'E3', member: 'EXCLUDED-TECH' })];
    const pages = new ExceptionPages(rows);
    expect(everything(pages, { search: 'excluded', sort: null }).rows.map((row) => row.entryId)).toEqual(['E1', 'E3']);
    expect(everything(pages, { search: '  globex ', sort: null }).rows.map((row) => row.entryId)).toEqual(['E2']);
    expect(everything(pages, { search: 'e2', sort: null }).total).toBe(1);
    expect(everything(pages, { search: 'nowhere', sort: null })).toEqual({ rows: [], total: 0 });
  });

  it('puts together, page after page, exactly the whole list a query asks for', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), queryArb, fc.integer({ min: 1, max: 7 }), (rows, query, size) => {
        const pages = new ExceptionPages(rows);
        const whole = everything(pages, query);
        const joined: ExceptionRow[] = [];
        for (let offset = 0; offset < whole.total; offset += size) {
          const page = pages.page(query, offset, size);
          expect(page.total).toBe(whole.total);
          joined.push(...page.rows);
        }
        expect(joined).toEqual(whole.rows);
        // Every line that holds the text, none that does not, each once.
        const needle = query.search.trim().toLowerCase();
        const holds = (row: ExceptionRow) => [row.entryId, row.customer, row.contractId, row.ticket, row.member, row.status, row.reason].some((text) => text.toLowerCase().includes(needle));
        expect(new Set(whole.rows).size).toBe(whole.rows.length);
        expect(whole.rows.length).toBe(rows.filter(holds).length);
        // Sorted by the column, ties in the order the pack gave them.
        const { sort } = query;
        if (sort === null) return;
        for (let i = 1; i < whole.rows.length; i++) {
          const [before, after] = [whole.rows[i - 1] as ExceptionRow, whole.rows[i] as ExceptionRow];
          const [a, b] = sort.descending ? [after[sort.key], before[sort.key]] : [before[sort.key], after[sort.key]];
          expect(a === null || (b !== null && a <= b)).toBe(true);
          if (before[sort.key] === after[sort.key]) expect(rows.indexOf(before)).toBeLessThan(rows.indexOf(after));
        }
      }),
    );
  });
});

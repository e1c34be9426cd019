// SPEC §6 "Monthly statement", the billing run on an `end` that is not a month
// end (§10), a contract that starts after as-of (§10), and how numbers are
// written (§10 "Numbers are written with the fewest decimals needed").
import { describe, expect, it } from 'vitest';
import { centiToNumber, formatCenti, formatTenths } from '../../../renderer/src/core/numbers';
import { addition, c, contract, entry } from '../builders';
import { run } from './harness';

describe('SPEC §6 one row per calendar month', () => {
  it.each([
    [
      'from start’s month through as-of’s month; the first row starts on start, rows end on the month’s last day',
      { start: '2026-01-20' },
      '2026-04-10',
      [['2026-01-20', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-31'], ['2026-04-01', '2026-04-30']],
    ],
    [
      'through end’s month when the contract ended before as-of; the last row ends on end',
      { start: '2026-01-01', end: '2026-03-15' },
      '2026-06-30',
      [['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-15']],
    ],
    ['a contract inside one month has one row from start to end', { start: '2026-05-04', end: '2026-05-20' }, '2026-06-30', [['2026-05-04', '2026-05-20']]],
    ['a leap February row ends on the 29th', { start: '2028-02-10' }, '2028-03-01', [['2028-02-10', '2028-02-29'], ['2028-03-01', '2028-03-31']]],
    ['months without any event still get a row', { start: '2026-01-01' }, '2026-05-01', [['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-31'], ['2026-04-01', '2026-04-30'], ['2026-05-01', '2026-05-31']]],
  ] as const)('%s', (_rule, terms, asOf, rows) => {
    const { contract: result } = run({ contracts: [contract({ allowance: 10, ...terms })], asOf });
    expect(result.months.map((month) => [month.start, month.end])).toEqual(rows);
    expect(result.months.at(-1)?.closing).toBe(result.balance);
  });

  it('the first row opens at 0 and each row opens at the previous closing', () => {
    const { contract: result } = run({ contracts: [contract({ allowance: 10 })], entries: [entry('2026-01-10', 3), entry('2026-02-10', 2)], asOf: '2026-03-31' });
    expect(result.months.map((month) => [month.opening, month.used, month.closing])).toEqual([
      [0, c(3), c(7)],
      [c(7), c(2), c(5)],
      [c(5), 0, c(5)],
    ]);
  });

  it('granted counts allowance and re-bills, purchased counts additions, each in its own month', () => {
    const { contract: result } = run({
      contracts: [contract({ allowance: 10, rebillBelow: 4, rebillQuantity: 6 })],
      additions: [addition('2026-02-15', 3)],
      entries: [entry('2026-01-10', 7)],
      asOf: '2026-02-28',
    });
    expect(result.months.map((month) => [month.granted, month.purchased])).toEqual([
      [c(10), 0],
      [c(6), c(3)],
    ]);
  });
});

describe('SPEC §6 only events dated on or before as-of count', () => {
  const at = (asOf: string) =>
    run({
      contracts: [contract({ allowance: 5, period: 'month' })],
      additions: [addition('2026-02-01', 4, { expires: '2026-02-10' })],
      entries: [entry('2026-01-31', 1, { id: 'E1' }), entry('2026-02-01', 2, { id: 'E2' })],
      asOf,
    });

  it('an entry, a grant and an addition the day after as-of are left out', () => {
    const result = at('2026-01-31');
    expect(result.result.entries.map((item) => item.id)).toEqual(['E1']);
    expect(result.contract.months).toHaveLength(1);
    expect(result.contract.lots.map((lot) => lot.date)).toEqual(['2026-01-01']);
    expect(result.contract.months[0]).toMatchObject({ used: c(1), granted: c(5), purchased: 0 });
  });

  it('an expiry on as-of counts (the balance is the end-of-day balance); one after as-of does not', () => {
    expect(at('2026-01-31').contract).toMatchObject({ balance: 0 });
    expect(at('2026-01-31').contract.months[0]?.expired).toBe(c(4));
    const february = at('2026-02-09').contract;
    expect(february.months[1]).toMatchObject({ granted: c(5), purchased: c(4), used: c(2), expired: 0, closing: c(7) });
  });
});

describe('SPEC §10 the billing run on an end that is not a month end', () => {
  it('settles a bill_month_end debt on end itself', () => {
    const { contract: result, events } = run({
      contracts: [contract({ allowance: 5, overage: 'bill_month_end', end: '2026-01-20' })],
      entries: [entry('2026-01-10', 7)],
      asOf: '2026-02-15',
    });
    expect(events('settlement').map((event) => [event.date, event.units])).toEqual([['2026-01-20', c(2)]]);
    expect(result.months).toEqual([expect.objectContaining({ end: '2026-01-20', used: c(7), settled: c(2), overage: c(2), closing: 0 })]);
    expect(result.status).toEqual(['ended']);
  });

  it('a contract ending mid-month also gets its month-end run in earlier months', () => {
    const { events } = run({
      contracts: [contract({ allowance: 5, overage: 'bill_month_end', end: '2026-02-20' })],
      entries: [entry('2026-01-10', 6), entry('2026-02-10', 3)],
      asOf: '2026-02-20',
    });
    expect(events('settlement').map((event) => [event.date, event.units])).toEqual([
      ['2026-01-31', c(1)],
      ['2026-02-20', c(3)],
    ]);
  });
});

describe('SPEC §10 a contract that starts after as-of', () => {
  it('has no months, balance 0, used_pct null and no statuses; its earlier entries are dated outside it', () => {
    const at = run({
      contracts: [contract({ allowance: 10, start: '2026-03-01', lowBalance: 5, warningPct: { units: 0, scale: 0 } })],
      additions: [addition('2026-02-01', 5)],
      entries: [entry('2026-02-10', 1, { id: 'E1' })],
      asOf: '2026-02-28',
    });
    expect(at.contract).toMatchObject({ months: [], balance: 0, usedPctTenths: null, status: [], lots: [] });
    expect(at.entry('E1')).toMatchObject({ status: 'not_covered', reason: 'date outside the contract' });
  });
});

describe('SPEC §8/§10 numbers are written with the fewest decimals needed', () => {
  it.each([
    [c('2.5'), '2.5', 2.5],
    [c(10), '10', 10],
    [c(-1), '-1', -1],
    [c('0.07'), '0.07', 0.07],
    [c('-0.5'), '-0.5', -0.5],
    [c('1375.25'), '1375.25', 1375.25],
    [0, '0', 0],
  ])('%i hundredths are written %s', (hundredths, text, json) => {
    expect(formatCenti(hundredths)).toBe(text);
    expect(centiToNumber(hundredths)).toBe(json);
  });

  it.each([
    [750, '75'],
    [667, '66.7'],
    [0, '0'],
    [1005, '100.5'],
  ])('used_pct of %i tenths is written %s (one decimal at most)', (tenths, text) => {
    expect(formatTenths(tenths)).toBe(text);
  });
});

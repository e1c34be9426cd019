// SPEC §3 "Re-bill below" and §10 "A re-bill lot is a grant in every respect":
// when a month-end billing run tops the contract up, and what that lot does.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../renderer/src/core/model';
import { addition, c, contract, d, entry } from '../builders';
import { run, type Terms } from './harness';

const rebills = (terms: Terms, entries: Entry[], asOf: string) =>
  run({ contracts: [contract({ allowance: 10, rebillBelow: 4, rebillQuantity: 10, ...terms })], entries, asOf })
    .contract.lots.filter((lot) => lot.kind === 'rebill')
    .map((lot) => [lot.date, lot.size, lot.expires]);

describe('SPEC §3 re-bill below', () => {
  it.each([
    ['a balance under rebill_below at a month end grants rebill_quantity on the 1st, never expiring on an open-ended contract', {}, [entry('2026-01-10', 7)], '2026-02-01', [['2026-02-01', c(10), null]]],
    ['the re-bill lot expires at the contract end', { end: '2026-12-31' }, [entry('2026-01-10', 7)], '2026-02-01', [['2026-02-01', c(10), '2026-12-31']]],
    ['the balance is checked only at the month end: dropping under mid-month waits for the 1st', {}, [entry('2026-01-02', 7)], '2026-01-31', []],
    ['"under" is strictly less: a balance equal to rebill_below is not topped up', {}, [entry('2026-01-10', 6)], '2026-03-01', []],
    ['an entry on the month’s last day counts before the check', {}, [entry('2026-01-31', 7)], '2026-02-01', [['2026-02-01', c(10), null]]],
    ['the check comes after the day’s expiries: a lapsed monthly allowance leaves 0 and is topped up', { period: 'month', allowance: 5 }, [entry('2026-01-10', 1)], '2026-02-01', [['2026-02-01', c(10), null]]],
    ['one re-bill at most per billing run, even if the balance stays under', { rebillQuantity: 1 }, [entry('2026-01-10', 10)], '2026-03-01', [['2026-02-01', c(1), null], ['2026-03-01', c(1), null]]],
    ['no re-bill when the contract does not run on the 1st', { end: '2026-01-31' }, [entry('2026-01-10', 7)], '2026-03-01', []],
    ['no re-bill from the billing run on an end that is not a month end', { end: '2026-01-20' }, [entry('2026-01-10', 7)], '2026-03-01', []],
    ['a contract starting mid-month is checked at that month’s end', { start: '2026-01-20' }, [entry('2026-01-25', 7)], '2026-02-01', [['2026-02-01', c(10), null]]],
  ] as const)('%s', (_rule, terms, entries, asOf, expected) => {
    expect(rebills(terms, [...entries], asOf)).toEqual(expected);
  });

  it('a re-bill lot is granted, not purchased, in the statement', () => {
    const { contract: result } = run({ contracts: [contract({ allowance: 10, rebillBelow: 4, rebillQuantity: 10 })], entries: [entry('2026-01-10', 7)], asOf: '2026-02-01' });
    expect(result.months[1]).toMatchObject({ opening: c(3), granted: c(10), purchased: 0, closing: c(13) });
  });
});

describe('SPEC §10 a re-bill lot is a grant in every respect', () => {
  const debtor = (overage: 'carry' | 'bill_next' | 'bill_month_end') =>
    run({ contracts: [contract({ allowance: 5, overage, rebillBelow: 1, rebillQuantity: 10 })], entries: [entry('2026-01-10', 7)], asOf: '2026-02-01' }).contract;

  it('under carry it pays the debt first', () => {
    const result = debtor('carry');
    expect(result.months[1]).toMatchObject({ opening: c(-2), granted: c(10), settled: 0, used: 0, closing: c(8) });
    expect(result.ledger.find((event) => event.kind === 'rebill')).toMatchObject({ date: '2026-02-01', debtPaid: c(2) });
  });

  it('under bill_next it triggers the settlement of the debt, and stays whole', () => {
    const result = debtor('bill_next');
    expect(result.months[1]).toMatchObject({ opening: c(-2), settled: c(2), overage: c(2), granted: c(10), closing: c(10) });
  });

  it('under bill_month_end the run settles first, then re-bills from 0', () => {
    const result = debtor('bill_month_end');
    expect(result.months[0]).toMatchObject({ settled: c(2), closing: 0 });
    expect(result.months[1]).toMatchObject({ opening: 0, granted: c(10), closing: c(10) });
  });

  it('with a monthly allowance on the same 1st, the debt is paid from the lot that expires first (the allowance)', () => {
    const { contract: result } = run({
      contracts: [contract({ allowance: 2, period: 'month', overage: 'carry', rebillBelow: 1, rebillQuantity: 10 })],
      entries: [entry('2026-01-10', 5)],
      asOf: '2026-02-01',
    });
    expect(result.lots.filter((lot) => lot.date === '2026-02-01').map((lot) => [lot.kind, lot.left])).toEqual([
      ['allowance', 0],
      ['rebill', c(9)],
    ]);
  });

  it('it starts a new used_pct window', () => {
    // 9 of 10 used in January; the Feb 1 re-bill of 10 restarts the count: 1 ÷ (10 + 1) = 9.1 %.
    const { contract: result } = run({
      contracts: [contract({ allowance: 10, rebillBelow: 4, rebillQuantity: 10 })],
      entries: [entry('2026-01-10', 9), entry('2026-02-10', 1)],
      asOf: '2026-02-10',
    });
    expect(result.balance).toBe(c(10));
    expect(result.usedPctTenths).toBe(91);
  });

  it('without an allowance it sets the overrun_limit_pct block, over an earlier addition (lead’s reading)', () => {
    const at = run({
      contracts: [contract({ allowance: null, overage: 'carry', overrunLimitPct: d(20), rebillBelow: 1, rebillQuantity: 5 })],
      additions: [addition('2026-01-02', 10)],
      entries: [entry('2026-01-05', 10)],
      asOf: '2026-02-05',
    });
    expect(at.contract.cap).toBe(c(1));
  });
});

// SPEC §7 "Status at the as-of date" and §10 "Status and output": when the
// statuses and used_pct are taken, each status at its boundary, and variance.
import { describe, expect, it } from 'vitest';
import { addition, c, contract, d, entry } from '../builders';
import { run, type Terms } from './harness';

const statusOf = (terms: Terms, entries: ReturnType<typeof entry>[], asOf: string, additions: ReturnType<typeof addition>[] = []) =>
  run({ contracts: [contract({ allowance: 10, ...terms })], entries, additions, asOf }).contract;

describe('SPEC §7 statuses look at as-of after its grants and entries, before its expiries and billing run', () => {
  it('a use-it-or-lose-it month is not exhausted or low on its last day, though its end-of-day balance is 0', () => {
    const result = statusOf({ allowance: 5, period: 'month', lowBalance: 2 }, [entry('2026-01-10', 1)], '2026-01-31');
    expect(result.balance).toBe(0);
    expect(result.months[0]?.expired).toBe(c(4));
    expect(result.status).toEqual([]);
    expect(result.usedPctTenths).toBe(200);
  });

  it('a bill_month_end debt settled on as-of still shows overrun that day', () => {
    const result = statusOf({ allowance: 5, overage: 'bill_month_end' }, [entry('2026-01-10', 7)], '2026-01-31');
    expect(result.balance).toBe(0);
    expect(result.status).toEqual(['exhausted', 'overrun']);
  });

  it('a grant on as-of counts before the statuses', () => {
    const result = statusOf({ allowance: 5, period: 'month', lowBalance: 2 }, [entry('2026-01-10', 5)], '2026-02-01');
    expect(result.status).toEqual([]);
    expect(result.balance).toBe(c(5));
  });
});

describe('SPEC §7 used_pct = 100 × used ÷ (balance + used + expired) since the latest grant or addition', () => {
  it.each([
    ['counted from start when nothing arrived since: 3 of 10', { allowance: 10 }, [entry('2026-01-05', 3)], [], 300],
    ['counted from the latest addition: 2 ÷ (10 + 2)', { allowance: 10 }, [entry('2026-01-05', 3), entry('2026-01-12', 2)], [addition('2026-01-10', 5)], 167],
    [
      'expiries since then count in the base: 2 ÷ (10 + 2 + 3)',
      { allowance: null },
      [entry('2026-01-03', 2)],
      [addition('2026-01-01', 5, { expires: '2026-01-20' }), addition('2026-01-02', 10)],
      133,
    ],
    ['rounded half away from zero to one decimal: 1 ÷ 16 = 6.25 % -> 6.3 %', { allowance: 16 }, [entry('2026-01-05', 1)], [], 63],
    ['a debt paid by a new lot is not used: 0 after the purchase', { allowance: 5, overage: 'carry' }, [entry('2026-01-05', 7)], [addition('2026-01-20', 10)], 0],
  ] as const)('%s', (_rule, terms, entries, additions, tenths) => {
    expect(statusOf(terms, [...entries], '2026-01-25', [...additions]).usedPctTenths).toBe(tenths);
  });

  it.each([
    ['a contract with nothing granted', { allowance: null }, []],
    ['a contract whose debt equals all it used (balance + used = 0)', { allowance: null, overage: 'carry' }, [entry('2026-01-05', 2)]],
  ] as const)('is null when the base is not positive: %s', (_rule, terms, entries) => {
    expect(statusOf(terms, [...entries], '2026-01-25').usedPctTenths).toBeNull();
  });
});

describe('SPEC §7 each status at its boundary', () => {
  it.each([
    ['warning when the rounded used_pct reaches warning_pct (6.25 % rounds to 6.3 %)', { allowance: 16, warningPct: d('6.3') }, 1, ['warning']],
    ['no warning below warning_pct', { allowance: 16, warningPct: d('6.4') }, 1, []],
    ['warning at exactly warning_pct', { allowance: 10, warningPct: d(80) }, 8, ['warning']],
    ['low when the balance is at low_balance', { lowBalance: 3 }, 7, ['low']],
    ['not low one hundredth above low_balance', { lowBalance: 3 }, 6.99, []],
    ['exhausted at a balance of exactly 0, not overrun', { overage: 'carry' }, 10, ['exhausted']],
    ['overrun and exhausted below 0', { overage: 'carry' }, 10.01, ['exhausted', 'overrun']],
    ['on_hold at exactly minus the cap', { overage: 'carry', overrunLimit: 2 }, 12, ['exhausted', 'on_hold', 'overrun']],
    ['not on_hold one hundredth above minus the cap', { overage: 'carry', overrunLimit: 2 }, 11.99, ['exhausted', 'overrun']],
    ['on_hold at 0 with a cap of 0', { overage: 'carry', overrunLimit: 0 }, 10, ['exhausted', 'on_hold']],
    ['statuses come sorted', { overage: 'carry', overrunLimit: 1, lowBalance: 1, warningPct: d(50) }, 11, ['exhausted', 'low', 'on_hold', 'overrun', 'warning']],
  ] as const)('%s', (_rule, terms, used, expected) => {
    expect(statusOf(terms, [entry('2026-01-05', used)], '2026-01-10').status).toEqual(expected);
  });

  describe('expiring: a lot with units left expires on as-of or within 30 days after it', () => {
    it.each([
      ['an addition expiring on as-of', '2026-01-10', true],
      ['an addition expiring 30 days after as-of', '2026-02-09', true],
      ['an addition expiring 31 days after as-of', '2026-02-10', false],
    ] as const)('%s', (_rule, expires, expiring) => {
      const result = statusOf({ allowance: null }, [], '2026-01-10', [addition('2026-01-02', 5, { expires })]);
      expect(result.status.includes('expiring')).toBe(expiring);
    });

    it.each([
      ['not a lot with nothing left', { allowance: null }, [entry('2026-01-05', 5)], [addition('2026-01-02', 5, { expires: '2026-01-20' })], false],
      ['not a recurring allowance lot without carryover (it lapses every period)', { period: 'month' }, [], [], false],
      ['a recurring allowance lot with carryover', { period: 'month', carryover: true, carryoverDays: 10 }, [], [], true],
      ['a once allowance lot when the contract ends within 30 days', { end: '2026-02-05' }, [], [], true],
      ['a re-bill lot on a monthly contract without carryover', { period: 'month', allowance: 5, rebillBelow: 1, rebillQuantity: 5, end: '2026-02-20' }, [entry('2026-01-05', 5)], [], true],
    ] as const)('%s', (_rule, terms, entries, additions, expiring) => {
      const result = statusOf(terms, [...entries], '2026-02-01', [...additions]);
      expect(result.status.includes('expiring')).toBe(expiring);
    });
  });

  it('a contract that ended before as-of shows only ended, whatever its balance', () => {
    const result = statusOf({ end: '2026-01-20', lowBalance: 20, warningPct: d(10) }, [entry('2026-01-05', 3)], '2026-01-21');
    expect(result.status).toEqual(['ended']);
  });

  it('a contract ending on as-of has not ended yet', () => {
    const result = statusOf({ end: '2026-01-21', lowBalance: 20 }, [entry('2026-01-05', 3)], '2026-01-21');
    expect(result.status).toEqual(['expiring', 'low']);
  });

  it('an ended contract with a debt shows ended and overrun', () => {
    expect(statusOf({ end: '2026-01-20', overage: 'carry' }, [entry('2026-01-05', 11)], '2026-02-01').status).toEqual(['ended', 'overrun']);
  });
});

describe('SPEC §7/§10 variance = recomputed end-of-day balance at reported_as_of − reported_balance', () => {
  it.each([
    ['at as-of when reported_as_of is empty', { reportedBalance: 8 }, c(-1)],
    ['at an earlier reported_as_of, end of that day', { reportedBalance: 8, reportedAsOf: '2026-01-15' }, c(-1)],
    ['at a reported_as_of before the later entry', { reportedBalance: 8, reportedAsOf: '2026-01-14' }, c(2)],
    ['null when reported_as_of is after as-of', { reportedBalance: 8, reportedAsOf: '2026-02-01' }, null],
    ['against 0 before start', { reportedBalance: 8, reportedAsOf: '2025-12-31' }, c(-8)],
    ['a negative reported balance compares as such', { reportedBalance: -1, overage: 'carry' }, c(-2)],
    ['null without a reported balance', {}, null],
    ['against 0 for a contract that starts after as-of', { reportedBalance: 8, start: '2026-02-01' }, c(-8)],
  ] as const)('%s', (_rule, terms, expected) => {
    // 10 granted; 3 on Jan 15 (and 10 more under carry) leave 7 (or -3) at as-of.
    const entries = 'overage' in terms ? [entry('2026-01-15', 13)] : [entry('2026-01-15', 3)];
    expect(statusOf(terms, entries, '2026-01-31').variance).toBe(expected);
  });

  it('the end-of-day balance at reported_as_of includes that day’s expiries', () => {
    const result = statusOf({ allowance: 5, period: 'month', reportedBalance: 0, reportedAsOf: '2026-01-31' }, [entry('2026-01-10', 1)], '2026-02-10');
    expect(result.variance).toBe(0);
  });
});

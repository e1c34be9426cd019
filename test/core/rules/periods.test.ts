// SPEC §3 "Allowance" and "Periods", §10 "Periods and lots": when allowance lots
// are granted, how big they are (prorating, leap years) and which anchor applies.
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../renderer/src/core/model';
import { c, contract } from '../builders';
import { run } from './harness';

/** The allowance lots a contract has granted by as-of, as [date, size, expires]. */
const grants = (terms: Contract, asOf: string) =>
  run({ contracts: [terms], asOf })
    .contract.lots.filter((lot) => lot.kind === 'allowance')
    .map((lot) => [lot.date, lot.size, lot.expires]);

describe('SPEC §3 allowance periods', () => {
  it('a once contract grants one lot of the allowance on start, expiring at end', () => {
    expect(grants(contract({ allowance: 30, start: '2026-01-10', end: '2026-06-30' }), '2026-12-31')).toEqual([['2026-01-10', c(30), '2026-06-30']]);
  });

  it('an open-ended once contract grants one lot that never expires', () => {
    expect(grants(contract({ allowance: 30, start: '2026-01-10' }), '2027-12-31')).toEqual([['2026-01-10', c(30), null]]);
  });

  it('a monthly contract grants on start and on the 1st of every calendar month, each lot expiring at its month end', () => {
    expect(grants(contract({ allowance: 5, period: 'month', start: '2026-01-01' }), '2026-03-31')).toEqual([
      ['2026-01-01', c(5), '2026-01-31'],
      ['2026-02-01', c(5), '2026-02-28'],
      ['2026-03-01', c(5), '2026-03-31'],
    ]);
  });

  it('a monthly contract starting mid-month grants its first lot on start, then on the 1st', () => {
    expect(grants(contract({ allowance: 5, period: 'month', start: '2026-01-20' }), '2026-02-15')).toEqual([
      ['2026-01-20', c(5), '2026-01-31'],
      ['2026-02-01', c(5), '2026-02-28'],
    ]);
  });

  it('a period that starts on end still gets its lot, and no lot comes after end', () => {
    expect(grants(contract({ allowance: 5, period: 'month', start: '2026-01-01', end: '2026-03-01' }), '2026-12-31')).toEqual([
      ['2026-01-01', c(5), '2026-01-31'],
      ['2026-02-01', c(5), '2026-02-28'],
      ['2026-03-01', c(5), '2026-03-01'],
    ]);
  });

  it('a grant dated after as-of is not made yet', () => {
    expect(grants(contract({ allowance: 5, period: 'month' }), '2026-01-31')).toEqual([['2026-01-01', c(5), '2026-01-31']]);
  });

  describe('a contract starting mid-quarter (SPEC §3 Periods, §10 anchor)', () => {
    it.each([
      [
        'calendar quarters run Jan/Apr/Jul/Oct: Feb 15 starts a partial Q1 to Mar 31',
        { period: 'quarter', anchor: 'calendar' },
        [
          ['2026-02-15', c(9), '2026-03-31'],
          ['2026-04-01', c(9), '2026-06-30'],
          ['2026-07-01', c(9), '2026-09-30'],
        ],
      ],
      [
        'contract quarters align to the 1st of the start month: Feb 15–Apr 30, then May–Jul',
        { period: 'quarter', anchor: 'contract' },
        [
          ['2026-02-15', c(9), '2026-04-30'],
          ['2026-05-01', c(9), '2026-07-31'],
          ['2026-08-01', c(9), '2026-10-31'],
        ],
      ],
      [
        'calendar years run from Jan 1: Feb 15 starts a partial year to Dec 31',
        { period: 'year', anchor: 'calendar' },
        [
          ['2026-02-15', c(9), '2026-12-31'],
          ['2027-01-01', c(9), '2027-12-31'],
        ],
      ],
      [
        'contract years run from the 1st of the start month: Feb 15 2026 to Jan 31 2027, then Feb–Jan',
        { period: 'year', anchor: 'contract' },
        [
          ['2026-02-15', c(9), '2027-01-31'],
          ['2027-02-01', c(9), '2028-01-31'],
        ],
      ],
      [
        'anchor does not apply to month periods: contract-anchored months are calendar months',
        { period: 'month', anchor: 'contract' },
        [
          ['2026-02-15', c(9), '2026-02-28'],
          ['2026-03-01', c(9), '2026-03-31'],
        ],
      ],
    ] as const)('%s', (_rule, terms, expected) => {
      const asOf = terms.period === 'year' ? '2027-06-30' : terms.period === 'month' ? '2026-03-31' : '2026-08-01';
      expect(grants(contract({ allowance: 9, start: '2026-02-15', ...terms }), asOf)).toEqual(expected);
    });

    it('anchor does not apply to once contracts: the one lot is on start', () => {
      expect(grants(contract({ allowance: 9, start: '2026-02-15', anchor: 'contract' }), '2026-12-31')).toEqual([['2026-02-15', c(9), null]]);
    });
  });
});

describe('SPEC §3/§10 prorating: allowance × covered days ÷ days of the full period, rounded once', () => {
  it.each([
    // [rule, terms, first grant size]
    ['a partial first month: 31 h for Jan 20–31 of 31 days is 12 h', { period: 'month', start: '2026-01-20', allowance: 31 }, '12'],
    ['a partial first calendar quarter: 90 h for Feb 15–Mar 31 of Q1’s 90 days is 45 h', { period: 'quarter', start: '2026-02-15', allowance: 90 }, '45'],
    ['a partial first contract quarter: 89 h for Feb 15–Apr 30 of Feb 1–Apr 30’s 89 days is 75 h', { period: 'quarter', anchor: 'contract', start: '2026-02-15', allowance: 89 }, '75'],
    ['a partial calendar year in a leap year: 100 h for Jul 1–Dec 31 2028 is 184/366', { period: 'year', start: '2028-07-01', allowance: 100 }, '50.27'],
    ['a partial calendar year in a common year: 100 h for Jul 1–Dec 31 2026 is 184/365', { period: 'year', start: '2026-07-01', allowance: 100 }, '50.41'],
    ['a partial contract quarter over a leap February: 90 h from Feb 15 2028 covers 76 of Feb 1–Apr 30’s 90 days', { period: 'quarter', anchor: 'contract', start: '2028-02-15', allowance: 90 }, '76'],
    ['a contract year through a leap February: 366 h from Feb 15 2028 covers 352 of 366 days', { period: 'year', anchor: 'contract', start: '2028-02-15', allowance: 366 }, '352'],
    ['a partial leap February: 29 h from Feb 15 2028 covers 15 of 29 days', { period: 'month', start: '2028-02-15', allowance: 29 }, '15'],
    ['a partial common February: 28 h from Feb 15 2027 covers 14 of 28 days', { period: 'month', start: '2027-02-15', allowance: 28 }, '14'],
    ['half a hundredth rounds away from zero: 10.01 h for Apr 16–30 (15 of 30 days) is 5.01 h', { period: 'month', start: '2026-04-16', allowance: 10.01 }, '5.01'],
    ['a full first period is not scaled', { period: 'month', start: '2026-04-01', allowance: 10.01 }, '10.01'],
  ] as const)('%s', (_rule, terms, size) => {
    const lots = grants(contract({ prorate: true, ...terms }), terms.start.replace(/-\d\d$/, '-28'));
    expect(lots[0]?.[1]).toBe(c(size));
  });

  it.each([
    ['a month cut by end: 31 h through Mar 10 is 10 h', { period: 'month', start: '2026-01-01', end: '2026-03-10', allowance: 31 }, '10'],
    ['a leap February cut by end: 29 h through Feb 10 2028 is 10 h', { period: 'month', start: '2028-01-01', end: '2028-02-10', allowance: 29 }, '10'],
    ['a common February cut by end: 28 h through Feb 10 2027 is 10 h', { period: 'month', start: '2027-01-01', end: '2027-02-10', allowance: 28 }, '10'],
    ['a contract quarter cut by end: 92 h through Jun 15 covers 46 of May–Jul’s 92 days', { period: 'quarter', anchor: 'contract', start: '2026-02-01', end: '2026-06-15', allowance: 92 }, '46'],
    ['a calendar quarter cut by end: 91 h through May 15 covers 45 of Q2’s 91 days', { period: 'quarter', start: '2026-01-01', end: '2026-05-15', allowance: 91 }, '45'],
  ] as const)('the last period is prorated too: %s', (_rule, terms, size) => {
    const lots = grants(contract({ prorate: true, ...terms }), '2028-12-31');
    expect(lots.at(-1)?.[1]).toBe(c(size));
    expect(lots.at(-1)?.[2]).toBe(terms.end);
    expect(lots[0]?.[1]).toBe(c(terms.allowance));
  });

  it('without prorate a partial first and last period grant the full allowance', () => {
    const lots = grants(contract({ period: 'month', start: '2026-01-20', end: '2026-02-10', allowance: 31 }), '2026-12-31');
    expect(lots.map((lot) => lot[1])).toEqual([c(31), c(31)]);
  });

  it('a contract both starting and ending inside one period is prorated over the days it covers', () => {
    // Jan 11–20: 10 of 31 days.
    expect(grants(contract({ prorate: true, period: 'month', start: '2026-01-11', end: '2026-01-20', allowance: 31 }), '2026-12-31')).toEqual([['2026-01-11', c(10), '2026-01-20']]);
  });
});

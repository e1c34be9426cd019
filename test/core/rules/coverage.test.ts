// SPEC §4 "Which entries count, and for how much" and §10 "Entries": the
// not_covered reasons and their order, minutes rounding and minimums, role
// factors and rates, expenses, incidents, and rounding once per entry.
import { describe, expect, it } from 'vitest';
import type { Contract, Entry } from '../../../renderer/src/core/model';
import { roundRatio } from '../../../renderer/src/core/numbers';
import { addition, c, contract, d, entry } from '../builders';
import { run, type Terms } from './harness';

const onlyEntry = (terms: Contract, item: Entry) => run({ contracts: [terms], entries: [item], asOf: '2026-12-31' }).entry(item.id);

const hoursBlock = contract({ allowance: 1000, start: '2026-01-01', end: '2026-06-30', excludedWorkTypes: ['travel'] });
const deposit = contract({ unit: 'amount', allowance: 100000, rate: d(125), excludedWorkTypes: ['travel'] });
const roleDeposit = contract({ unit: 'amount', allowance: 100000, roleRates: [{ role: 'role a', value: d(150) }] });

describe('SPEC §4 not_covered, with its reason and nothing consumed', () => {
  it.each([
    ['an entry before start', hoursBlock, entry('2025-12-31', 1, { id: 'E1' }), 'date outside the contract'],
    ['an entry after end', hoursBlock, entry('2026-07-01', 1, { id: 'E1' }), 'date outside the contract'],
    ['a no_charge entry', hoursBlock, entry('2026-02-01', 1, { id: 'E1', billable: 'no_charge' }), 'billable option is no_charge'],
    ['a do_not_bill entry', hoursBlock, entry('2026-02-01', 1, { id: 'E1', billable: 'do_not_bill' }), 'billable option is do_not_bill'],
    ['an excluded work type, matched case-insensitively and trimmed', hoursBlock, entry('2026-02-01', 1, { id: 'E1', workType: '  TRAVEL ' }), 'work type excluded'],
    ['time on an amount contract with no rate for the role and no rate', roleDeposit, entry('2026-02-01', 1, { id: 'E1', workRole: 'Role B' }), 'no rate for the work role'],
    ['an expense with no time on an hours contract', hoursBlock, entry('2026-02-01', 0, { id: 'E1', amount: 40 }), 'expenses not covered'],
    ['an expense with no time on an amount contract without covers_expenses', deposit, entry('2026-02-01', 0, { id: 'E1', amount: 40 }), 'expenses not covered'],
  ] as const)('%s', (_rule, terms, item, reason) => {
    expect(onlyEntry(terms, item)).toEqual({ id: 'E1', contractId: 'C1', units: 0, applied: 0, overage: 0, held: 0, status: 'not_covered', reason });
  });

  it('a not_covered entry takes nothing from the balance', () => {
    const at = run({ contracts: [hoursBlock], entries: [entry('2026-02-01', 3, { id: 'E1', billable: 'no_charge' })], asOf: '2026-02-28' });
    expect(at.contract.balance).toBe(c(1000));
    expect(at.contract.months[1]?.used).toBe(0);
  });
});

describe('SPEC §10 only the first not_covered reason is reported, in the order date, billable, work type, rate, expenses', () => {
  it.each([
    ['date outside beats the billable option', hoursBlock, entry('2026-07-01', 1, { id: 'E1', billable: 'no_charge', workType: 'travel' }), 'date outside the contract'],
    ['the billable option beats an excluded work type', hoursBlock, entry('2026-02-01', 1, { id: 'E1', billable: 'do_not_bill', workType: 'travel' }), 'billable option is do_not_bill'],
    ['an excluded work type beats a missing rate', { ...roleDeposit, excludedWorkTypes: ['travel'] }, entry('2026-02-01', 1, { id: 'E1', workType: 'Travel' }), 'work type excluded'],
    ['an excluded work type beats expenses not covered', hoursBlock, entry('2026-02-01', 0, { id: 'E1', workType: 'travel', amount: 40 }), 'work type excluded'],
    ['the billable option beats expenses not covered', hoursBlock, entry('2026-02-01', 0, { id: 'E1', billable: 'no_charge', amount: 40 }), 'billable option is no_charge'],
  ] as const)('%s', (_rule, terms, item, reason) => {
    expect(onlyEntry(terms, item).reason).toBe(reason);
  });
});

describe('SPEC §4 how much a covered entry consumes (rounded once, half away from zero)', () => {
  const hours = (terms: Terms = {}) => contract({ allowance: 1000, ...terms });
  const amount = (terms: Terms = {}) => contract({ unit: 'amount', allowance: 100000, rate: d(125), ...terms });
  const factors = [{ role: 'senior', value: d('1.5') }];

  it.each([
    ['hours count as worked', hours(), entry('2026-02-01', 1.5), '1.5'],
    ['time is rounded up to round_minutes (66 min -> 75 min)', hours({ roundMinutes: d(15) }), entry('2026-02-01', 1.1), '1.25'],
    ['time already on a round_minutes step stays', hours({ roundMinutes: d(15) }), entry('2026-02-01', 1.25), '1.25'],
    ['minutes are exact: 0.7 h is 42 min on a 1-minute step, not 43', hours({ roundMinutes: d(1) }), entry('2026-02-01', 0.7), '0.7'],
    ['minutes are exact: 0.7 h is 42 min, seven 6-minute steps, not eight', hours({ roundMinutes: d(6) }), entry('2026-02-01', 0.7), '0.7'],
    ['round_minutes may be a fraction of a minute (6 min -> 7.5 min = 0.125 h -> 0.13)', hours({ roundMinutes: d('7.5') }), entry('2026-02-01', 0.1), '0.13'],
    ['an entry counts at least minimum_minutes', hours({ minimumMinutes: d(30) }), entry('2026-02-01', 0.1), '0.5'],
    ['rounding comes before the minimum (6 min -> 15 -> raised to 20, not 30)', hours({ roundMinutes: d(15), minimumMinutes: d(20) }), entry('2026-02-01', 0.1), '0.33'],
    ['a rounded time above the minimum stays (18 min -> 30)', hours({ roundMinutes: d(15), minimumMinutes: d(20) }), entry('2026-02-01', 0.3), '0.5'],
    ['the role factor multiplies hours; roles match case-insensitively, trimmed', hours({ roleFactors: factors }), entry('2026-02-01', 2, { workRole: ' SENIOR ' }), '3'],
    ['a role without a factor counts 1', hours({ roleFactors: factors }), entry('2026-02-01', 2, { workRole: 'Junior' }), '2'],
    ['an hours contract ignores an entry’s amount', hours(), entry('2026-02-01', 1, { amount: 40 }), '1'],
    ['an amount contract charges hours × rate', amount(), entry('2026-02-01', 1.5), '187.5'],
    ['a role rate wins over rate; roles match case-insensitively', amount({ roleRates: [{ role: 'role a', value: d(150) }] }), entry('2026-02-01', 1, { workRole: 'ROLE A ' }), '150'],
    ['a role without a role rate falls back to rate', amount({ roleRates: [{ role: 'role a', value: d(150) }] }), entry('2026-02-01', 1, { workRole: 'Role B' }), '125'],
    ['role factors do not apply to amount contracts', amount({ roleFactors: factors }), entry('2026-02-01', 1, { workRole: 'Senior' }), '125'],
    ['round_minutes applies to amount contracts too (10 min -> 15 min at 100/h)', amount({ rate: d(100), roundMinutes: d(15) }), entry('2026-02-01', '0.17'), '25'],
    ['with covers_expenses the entry’s amount is added to its labor', amount({ coversExpenses: true }), entry('2026-02-01', 1, { amount: 40 }), '165'],
    ['without covers_expenses only the labor is charged', amount(), entry('2026-02-01', 1, { amount: 40 }), '125'],
    ['an expense alone is charged under covers_expenses, and minimum_minutes does not apply to it', amount({ coversExpenses: true, minimumMinutes: d(60) }), entry('2026-02-01', 0, { amount: 40 }), '40'],
    ['an entry with neither time nor amount consumes 0, even with a minimum', hours({ minimumMinutes: d(30), roundMinutes: d(15) }), entry('2026-02-01', 0), '0'],
    ['half a hundredth rounds up: 0.01 h × 1.5 = 0.015 h -> 0.02', hours({ roleFactors: factors }), entry('2026-02-01', 0.01, { workRole: 'senior' }), '0.02'],
    ['half a hundredth rounds up: 0.05 h × 12.10 = 0.605 -> 0.61', amount({ rate: d('12.1') }), entry('2026-02-01', 0.05), '0.61'],
    ['half a hundredth rounds up: 0.01 h × 100.50 = 1.005 -> 1.01', amount({ rate: d('100.5') }), entry('2026-02-01', 0.01), '1.01'],
    ['rounded once, not per step: 0.6 min -> 1 min × factor 3 = 0.05 h (not 0.02 × 3 = 0.06)', hours({ roundMinutes: d(1), roleFactors: [{ role: 'senior', value: d(3) }] }), entry('2026-02-01', 0.01, { workRole: 'senior' }), '0.05'],
    ['rounded once, not per step: 1 min at 100/h is 1.67 (not 0.02 h × 100 = 2)', amount({ rate: d(100), roundMinutes: d(1) }), entry('2026-02-01', 0.01), '1.67'],
    ['rounded once with a fractional factor: 1 min × 1.5 = 0.025 h -> 0.03', hours({ roundMinutes: d(1), roleFactors: factors }), entry('2026-02-01', 0.01, { workRole: 'senior' }), '0.03'],
  ] as const)('%s', (_rule, terms, item, units) => {
    const result = onlyEntry(terms, item);
    expect(result).toMatchObject({ units: c(units), applied: c(units), overage: 0, status: 'applied', reason: null });
  });
});

describe('SPEC §4/§10 incidents', () => {
  const incidents = (terms: Terms = {}) => contract({ unit: 'incidents', allowance: 10, ...terms });
  const unitsOf = (terms: Contract, entries: Entry[], additions = [] as ReturnType<typeof addition>[]) => {
    const at = run({ contracts: [terms], entries, additions, asOf: '2026-12-31' });
    return entries.map((item) => [item.id, at.entry(item.id).units, at.entry(item.id).status]);
  };

  it('the first covered entry of a ticket counts 1 incident; later entries of the ticket count 0', () => {
    expect(
      unitsOf(incidents(), [entry('2026-02-01', 1, { id: 'E1', ticket: 'T1' }), entry('2026-02-03', 2, { id: 'E2', ticket: 'T1' }), entry('2026-02-04', 1, { id: 'E3', ticket: 'T2' })]),
    ).toEqual([
      ['E1', c(1), 'applied'],
      ['E2', 0, 'applied'],
      ['E3', c(1), 'applied'],
    ]);
  });

  it('each entry without a ticket is an incident of its own', () => {
    expect(unitsOf(incidents(), [entry('2026-02-01', 1, { id: 'E1' }), entry('2026-02-01', 1, { id: 'E2', ticket: '  ' })])).toEqual([
      ['E1', c(1), 'applied'],
      ['E2', c(1), 'applied'],
    ]);
  });

  it('tickets count whatever the hours: a ticket with no time or only an expense is still an incident', () => {
    expect(unitsOf(incidents(), [entry('2026-02-01', 0, { id: 'E1', ticket: 'T1' }), entry('2026-02-01', 0, { id: 'E2', ticket: 'T2', amount: 40 })])).toEqual([
      ['E1', c(1), 'applied'],
      ['E2', c(1), 'applied'],
    ]);
  });

  it('ticket numbers match exactly after trimming: " T1 " is T1, "t1" is another ticket', () => {
    expect(
      unitsOf(incidents(), [entry('2026-02-01', 1, { id: 'E1', ticket: 'T1' }), entry('2026-02-02', 1, { id: 'E2', ticket: ' T1 ' }), entry('2026-02-03', 1, { id: 'E3', ticket: 't1' })]),
    ).toEqual([
      ['E1', c(1), 'applied'],
      ['E2', 0, 'applied'],
      ['E3', c(1), 'applied'],
    ]);
  });

  it('a not_covered entry does not open its ticket: the first covered one counts', () => {
    expect(unitsOf(incidents(), [entry('2026-02-01', 1, { id: 'E1', ticket: 'T1', billable: 'no_charge' }), entry('2026-02-02', 1, { id: 'E2', ticket: 'T1' })])).toEqual([
      ['E1', 0, 'not_covered'],
      ['E2', c(1), 'applied'],
    ]);
  });

  it('the earlier entry of a ticket counts, whatever the ids', () => {
    expect(unitsOf(incidents(), [entry('2026-02-05', 1, { id: 'E1', ticket: 'T1' }), entry('2026-02-01', 1, { id: 'E2', ticket: 'T1' })])).toEqual([
      ['E1', 0, 'applied'],
      ['E2', c(1), 'applied'],
    ]);
  });

  it('a ticket is counted per contract: the same ticket number opens an incident on each', () => {
    const at = run({
      contracts: [incidents({ id: 'C1' }), incidents({ id: 'C2' })],
      entries: [entry('2026-02-01', 1, { id: 'E1', ticket: 'T1', contractId: 'C1' }), entry('2026-02-02', 1, { id: 'E2', ticket: 'T1', contractId: 'C2' })],
      asOf: '2026-12-31',
    });
    expect([at.entry('E1').units, at.entry('E2').units]).toEqual([c(1), c(1)]);
  });

  it('role factors do not apply to incidents', () => {
    expect(unitsOf(incidents({ roleFactors: [{ role: 'senior', value: d(2) }] }), [entry('2026-02-01', 1, { id: 'E1', ticket: 'T1', workRole: 'Senior' })])).toEqual([['E1', c(1), 'applied']]);
  });

  it('a held first entry of a ticket still opens its incident (SPEC §10)', () => {
    // One incident, carry with no room below zero: T2 is held, its follow-up counts 0.
    expect(
      unitsOf(
        incidents({ allowance: 1, overage: 'carry', overrunLimit: 0 }),
        [entry('2026-02-01', 1, { id: 'E1', ticket: 'T1' }), entry('2026-02-02', 1, { id: 'E2', ticket: 'T2' }), entry('2026-02-10', 1, { id: 'E3', ticket: 'T2' })],
        [addition('2026-02-05', 5)],
      ),
    ).toEqual([
      ['E1', c(1), 'applied'],
      ['E2', c(1), 'held'],
      ['E3', 0, 'applied'],
    ]);
  });
});

describe('SPEC §1 the one rounding: half away from zero', () => {
  it.each([
    [5, 10, 1],
    [4, 10, 0],
    [15, 10, 2],
    [-5, 10, -1],
    [-4, 10, 0],
    [-15, 10, -2],
  ])('%i / %i rounds to %i', (numerator, denominator, rounded) => {
    // `+ 0`: a negative that rounds to zero comes back as -0, which is written as 0.
    expect(roundRatio(numerator, denominator) + 0).toBe(rounded);
  });
});

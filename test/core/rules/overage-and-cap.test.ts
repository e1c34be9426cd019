// SPEC §5 "When the balance runs out": the four overage policies, and the
// overrun cap with its held entries (§5, §10 "The overrun_limit_pct block").
import { describe, expect, it } from 'vitest';
import { addition, c, contract, d, entry } from '../builders';
import { run } from './harness';

const split = (at: ReturnType<typeof run>, id: string) => {
  const result = at.entry(id);
  return [result.applied, result.overage, result.held, result.status];
};

describe('SPEC §5 bill', () => {
  it('the part beyond the balance is overage and the balance never goes negative; an entry on an empty balance is all overage', () => {
    const at = run({ contracts: [contract({ allowance: 5 })], entries: [entry('2026-01-05', 7, { id: 'E1' }), entry('2026-01-06', 1, { id: 'E2' })], asOf: '2026-01-31' });
    expect(split(at, 'E1')).toEqual([c(5), c(2), 0, 'partial']);
    expect(split(at, 'E2')).toEqual([0, c(1), 0, 'overage']);
    expect(at.contract.balance).toBe(0);
    expect(at.contract.months[0]).toMatchObject({ used: c(5), overage: c(3), held: 0, settled: 0 });
  });

  it('overrun caps do not apply under bill: nothing is held (lead’s reading of §5)', () => {
    const at = run({ contracts: [contract({ allowance: 5, overrunLimit: 1, overrunLimitPct: d(20) })], entries: [entry('2026-01-05', 7, { id: 'E1' })], asOf: '2026-01-31' });
    expect(split(at, 'E1')).toEqual([c(5), c(2), 0, 'partial']);
    expect(at.contract.cap).toBeNull();
    expect(at.contract.status).toEqual(['exhausted']);
  });
});

describe('SPEC §5 carry', () => {
  it('the balance goes negative and the units that took it there count as used', () => {
    const at = run({ contracts: [contract({ allowance: 5, overage: 'carry' })], entries: [entry('2026-01-05', 7, { id: 'E1' })], asOf: '2026-01-31' });
    expect(split(at, 'E1')).toEqual([c(7), 0, 0, 'applied']);
    expect(at.contract.balance).toBe(c(-2));
    expect(at.contract.months[0]).toMatchObject({ used: c(7), overage: 0, closing: c(-2) });
  });

  it('the next grant pays the debt first and the debt paid is not used again', () => {
    const at = run({ contracts: [contract({ allowance: 5, period: 'month', overage: 'carry' })], entries: [entry('2026-01-05', 7, { id: 'E1' })], asOf: '2026-02-15' });
    expect(at.contract.months[1]).toMatchObject({ opening: c(-2), granted: c(5), used: 0, settled: 0, overage: 0, closing: c(3) });
    expect(at.events('grant')[1]).toMatchObject({ date: '2026-02-01', debtPaid: c(2), balanceAfter: c(3) });
    expect(at.contract.lots[1]).toMatchObject({ size: c(5), left: c(3) });
  });

  it('when several lots arrive on one date the debt is paid from the one that expires first', () => {
    const at = run({
      contracts: [contract({ allowance: 5, overage: 'carry' })],
      additions: [addition('2026-03-01', 5, { reference: 'never' }), addition('2026-03-01', 5, { expires: '2026-03-31', reference: 'march' })],
      entries: [entry('2026-01-05', 8, { id: 'E1' })],
      asOf: '2026-03-01',
    });
    expect(at.contract.lots.filter((lot) => lot.kind === 'addition').map((lot) => [lot.reference, lot.left])).toEqual(
      expect.arrayContaining([
        ['march', c(2)],
        ['never', c(5)],
      ]),
    );
    expect(at.contract.balance).toBe(c(7));
  });

  it('when the new lots expire together the debt is paid from the first created (the allowance)', () => {
    const at = run({
      contracts: [contract({ allowance: 5, period: 'month', end: '2026-02-28', overage: 'carry' })],
      additions: [addition('2026-02-01', 5)],
      entries: [entry('2026-01-05', 7)],
      asOf: '2026-02-01',
    });
    expect(at.contract.lots.filter((lot) => lot.date === '2026-02-01').map((lot) => [lot.kind, lot.left])).toEqual([
      ['allowance', c(3)],
      ['addition', c(5)],
    ]);
  });

  it('an entry on the day of a grant comes after the grant has paid the debt', () => {
    const at = run({
      contracts: [contract({ allowance: 5, period: 'month', overage: 'carry' })],
      entries: [entry('2026-01-05', 7, { id: 'E1' }), entry('2026-02-01', 3, { id: 'E2' })],
      asOf: '2026-02-01',
    });
    expect(at.entryEvent('E2').draws).toEqual([{ lot: 1, units: c(3) }]);
    expect(at.contract.balance).toBe(0);
  });

  it('a debt left when the contract ends stays (SPEC §10), and the contract shows ended and overrun', () => {
    const at = run({ contracts: [contract({ allowance: 5, overage: 'carry', end: '2026-01-20' })], entries: [entry('2026-01-05', 7)], asOf: '2026-02-15' });
    expect(at.contract.balance).toBe(c(-2));
    expect(at.contract.months.at(-1)).toMatchObject({ settled: 0, overage: 0, closing: c(-2) });
    expect(at.contract.status).toEqual(['ended', 'overrun']);
  });
});

describe('SPEC §5 bill_next', () => {
  it('the next grant first bills the debt as overage and resets the balance to 0, so the new lot stays whole', () => {
    const at = run({ contracts: [contract({ allowance: 5, period: 'month', overage: 'bill_next' })], entries: [entry('2026-01-05', 7, { id: 'E1' })], asOf: '2026-02-15' });
    expect(at.contract.months[0]).toMatchObject({ used: c(7), settled: 0, overage: 0, closing: c(-2) });
    expect(at.contract.months[1]).toMatchObject({ opening: c(-2), settled: c(2), overage: c(2), granted: c(5), closing: c(5) });
    expect(at.events('settlement').map((event) => [event.date, event.units])).toEqual([['2026-02-01', c(2)]]);
    expect(at.contract.lots[1]).toMatchObject({ size: c(5), left: c(5) });
  });

  it('without a new lot the debt is not billed at month end', () => {
    const at = run({ contracts: [contract({ allowance: 5, overage: 'bill_next' })], entries: [entry('2026-01-05', 7)], asOf: '2026-03-31' });
    expect(at.contract.balance).toBe(c(-2));
    expect(at.contract.months.map((month) => month.settled)).toEqual([0, 0, 0]);
  });

  it('a debt left when the contract ends stays (SPEC §10)', () => {
    const at = run({ contracts: [contract({ allowance: 5, overage: 'bill_next', end: '2026-01-20' })], entries: [entry('2026-01-05', 7)], asOf: '2026-02-15' });
    expect(at.contract.balance).toBe(c(-2));
    expect(at.contract.status).toEqual(['ended', 'overrun']);
  });
});

describe('SPEC §5 bill_month_end', () => {
  it('an addition in the month pays the debt first; the month-end run bills what is still negative and resets to 0', () => {
    const at = run({
      contracts: [contract({ allowance: 5, overage: 'bill_month_end' })],
      additions: [addition('2026-01-20', 2)],
      entries: [entry('2026-01-05', 8, { id: 'E1' })],
      asOf: '2026-01-31',
    });
    expect(at.contract.months[0]).toMatchObject({ granted: c(5), purchased: c(2), used: c(8), settled: c(1), overage: c(1), closing: 0 });
    expect(at.events('settlement').map((event) => [event.date, event.units])).toEqual([['2026-01-31', c(1)]]);
  });

  it('a debt made on the month’s last day is settled that night, after the entries', () => {
    const at = run({ contracts: [contract({ allowance: 5, overage: 'bill_month_end' })], entries: [entry('2026-01-31', 6)], asOf: '2026-01-31' });
    expect(at.contract.months[0]).toMatchObject({ used: c(6), settled: c(1), overage: c(1), closing: 0 });
  });

  it('each month end bills that month’s debt separately', () => {
    const at = run({
      contracts: [contract({ allowance: 5, overage: 'bill_month_end' })],
      entries: [entry('2026-01-10', 6), entry('2026-02-10', 2), entry('2026-03-10', 0.5)],
      asOf: '2026-03-31',
    });
    expect(at.contract.months.map((month) => [month.settled, month.overage, month.closing])).toEqual([
      [c(1), c(1), 0],
      [c(2), c(2), 0],
      [c(0.5), c(0.5), 0],
    ]);
  });
});

describe('SPEC §5 the overrun cap and held entries', () => {
  it('overrun_limit caps the debt in units; the part beyond is held, not applied, and listed', () => {
    const at = run({
      contracts: [contract({ allowance: 10, overage: 'carry', overrunLimit: 2 })],
      entries: [entry('2026-01-05', 11, { id: 'E1' }), entry('2026-01-06', 3, { id: 'E2' }), entry('2026-01-07', 1, { id: 'E3' })],
      asOf: '2026-01-31',
    });
    expect([split(at, 'E1'), split(at, 'E2'), split(at, 'E3')]).toEqual([
      [c(11), 0, 0, 'applied'],
      [c(1), 0, c(2), 'partial'],
      [0, 0, c(1), 'held'],
    ]);
    expect(at.contract.balance).toBe(c(-2));
    expect(at.contract.months[0]).toMatchObject({ used: c(12), held: c(3), overage: 0 });
    expect(at.contract.status).toContain('on_hold');
  });

  it.each([
    ['overrun_limit wins over overrun_limit_pct', { allowance: 10, overrunLimit: 1, overrunLimitPct: d(50) }, '1'],
    ['overrun_limit_pct is a % of the allowance', { allowance: 10, overrunLimitPct: d(20) }, '2'],
    ['the cap is rounded to a hundredth, half away from zero: 5% of 10.10 = 0.505 -> 0.51', { allowance: 10.1, overrunLimitPct: d(5) }, '0.51'],
    ['a fractional percentage is exact: 12.5% of 10 = 1.25', { allowance: 10, overrunLimitPct: d('12.5') }, '1.25'],
  ] as const)('%s', (_rule, terms, cap) => {
    const at = run({ contracts: [contract({ overage: 'carry', ...terms })], entries: [entry('2026-01-05', 20, { id: 'E1' })], asOf: '2026-01-31' });
    expect(at.contract.cap).toBe(c(cap));
    expect(at.contract.balance).toBe(-c(cap));
    expect(at.entry('E1').held).toBe(c(20) - c(terms.allowance) - c(cap));
  });

  it('the pct block is the full allowance even when the first grant is prorated (SPEC §10)', () => {
    // Jan 17–31 is 15 of 31 days: 15.5 h granted, but the block stays 31 h.
    const at = run({
      contracts: [contract({ allowance: 31, period: 'month', prorate: true, start: '2026-01-17', overage: 'carry', overrunLimitPct: d(20) })],
      entries: [entry('2026-01-20', 30, { id: 'E1' })],
      asOf: '2026-01-20',
    });
    expect(at.contract.lots[0]?.size).toBe(c(15));
    expect(at.contract.cap).toBe(c('6.2'));
    expect(split(at, 'E1')).toEqual([c('21.2'), 0, c('8.8'), 'partial']);
  });

  it('without an allowance the pct block is what was purchased on the latest addition date (lead’s reading)', () => {
    const capAt = (asOf: string) =>
      run({
        contracts: [contract({ allowance: null, overage: 'carry', overrunLimitPct: d(20) })],
        additions: [addition('2026-01-05', 5), addition('2026-01-05', 5), addition('2026-02-05', 20)],
        asOf,
      }).contract.cap;
    expect(capAt('2026-01-31')).toBe(c(2));
    expect(capAt('2026-02-28')).toBe(c(4));
  });

  it('held entries stay held after a grant arrives; the contract is on_hold only until then', () => {
    const at = (asOf: string) =>
      run({
        contracts: [contract({ allowance: 10, overage: 'carry', overrunLimit: 2 })],
        additions: [addition('2026-01-20', 10)],
        entries: [entry('2026-01-05', 12, { id: 'E1' }), entry('2026-01-06', 3, { id: 'E2' })],
        asOf,
      });
    expect(at('2026-01-19').contract.status).toContain('on_hold');
    const after = at('2026-01-31');
    expect(split(after, 'E2')).toEqual([0, 0, c(3), 'held']);
    expect(after.contract.balance).toBe(c(8));
    expect(after.contract.status).not.toContain('on_hold');
    expect(after.contract.months[0]).toMatchObject({ used: c(12), held: c(3), purchased: c(10) });
  });

  it('the cap bounds the whole debt, not each entry', () => {
    const at = run({
      contracts: [contract({ allowance: 1, overage: 'carry', overrunLimit: 2 })],
      entries: [entry('2026-01-05', 2.5, { id: 'E1' }), entry('2026-01-06', 1.5, { id: 'E2' })],
      asOf: '2026-01-31',
    });
    expect(split(at, 'E2')).toEqual([c(0.5), 0, c(1), 'partial']);
  });

  it('a cap of 0 holds everything beyond the balance', () => {
    const at = run({ contracts: [contract({ allowance: 1, overage: 'carry', overrunLimit: 0 })], entries: [entry('2026-01-05', 3, { id: 'E1' })], asOf: '2026-01-31' });
    expect(split(at, 'E1')).toEqual([c(1), 0, c(2), 'partial']);
    expect(at.contract.balance).toBe(0);
  });

  it.each(['bill_next', 'bill_month_end'] as const)('the cap holds entries under %s too', (overage) => {
    const at = run({ contracts: [contract({ allowance: 1, overage, overrunLimit: 1 })], entries: [entry('2026-01-05', 3, { id: 'E1' })], asOf: '2026-01-20' });
    expect(split(at, 'E1')).toEqual([c(2), 0, c(1), 'partial']);
  });

  it('under bill_month_end the month-end settlement makes room below zero again', () => {
    const at = run({
      contracts: [contract({ allowance: 1, overage: 'bill_month_end', overrunLimit: 1 })],
      entries: [entry('2026-01-05', 3, { id: 'E1' }), entry('2026-02-05', 1, { id: 'E2' })],
      asOf: '2026-02-05',
    });
    expect(split(at, 'E2')).toEqual([c(1), 0, 0, 'applied']);
    expect(at.contract.balance).toBe(c(-1));
  });
});

// SPEC §9: each worked example from the seeds, with its exact figures.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../renderer/src/core/reconcile';
import type { ContractResult } from '../../renderer/src/core/result';
import { addition, c, contract, d, entry } from './builders';

const only = (result: ReturnType<typeof reconcile>): ContractResult => result.contracts[0] as ContractResult;

describe('SPEC §9 worked examples', () => {
  it('1. one-time block of 30 h under bill: 12 h + 20 h apply 12 + 18, bill 2 h overage, balance 0, exhausted', () => {
    const result = reconcile({
      contracts: [contract({ allowance: 30 })],
      additions: [],
      entries: [entry('2026-01-10', 12, { id: 'E1' }), entry('2026-01-20', 20, { id: 'E2' })],
      asOf: '2026-01-31',
    });
    expect(result.entries.map((e) => [e.id, e.applied, e.overage, e.status])).toEqual([
      ['E1', c(12), 0, 'applied'],
      ['E2', c(18), c(2), 'partial'],
    ]);
    expect(only(result).balance).toBe(0);
    expect(only(result).status).toEqual(['exhausted']);
    expect(only(result).months[0]).toMatchObject({ used: c(30), overage: c(2), closing: 0 });
  });

  describe('2. two hours left, three-hour call', () => {
    const run = (overage: 'carry' | 'bill_next' | 'bill_month_end', asOf: string) =>
      reconcile({
        contracts: [contract({ allowance: 10, overage })],
        additions: [addition('2026-02-10', 10)],
        entries: [entry('2026-01-05', 8, { id: 'E1' }), entry('2026-01-20', 3, { id: 'E2' })],
        asOf,
      });

    it('carry: balance -1, then a 10 h addition next month leaves 9', () => {
      expect(only(run('carry', '2026-01-31')).balance).toBe(c(-1));
      const later = only(run('carry', '2026-02-28'));
      expect(later.balance).toBe(c(9));
      expect(later.months[1]).toMatchObject({ purchased: c(10), used: 0, settled: 0, overage: 0, closing: c(9) });
    });

    it('bill_next: balance -1, then the 10 h addition bills 1 h overage and the balance is 10', () => {
      expect(only(run('bill_next', '2026-01-31')).balance).toBe(c(-1));
      const later = only(run('bill_next', '2026-02-28'));
      expect(later.balance).toBe(c(10));
      expect(later.months[1]).toMatchObject({ settled: c(1), overage: c(1), purchased: c(10), closing: c(10) });
    });

    it('bill_month_end: balance -1 until month end, then 1 h overage and balance 0', () => {
      expect(only(run('bill_month_end', '2026-01-30')).balance).toBe(c(-1));
      const monthEnd = only(run('bill_month_end', '2026-01-31'));
      expect(monthEnd.balance).toBe(0);
      expect(monthEnd.months[0]).toMatchObject({ used: c(11), settled: c(1), overage: c(1), closing: 0 });
    });
  });

  describe('3. recurring 5 h/month, $500/month', () => {
    it('without carryover, 2 h of January expire on Jan 31 and February opens at 0 and is granted 5', () => {
      const result = only(
        reconcile({
          contracts: [contract({ allowance: 5, period: 'month', price: 500 })],
          additions: [],
          entries: [entry('2026-01-12', 3)],
          asOf: '2026-02-01',
        }),
      );
      expect(result.months[0]).toMatchObject({ granted: c(5), used: c(3), expired: c(2), closing: 0 });
      expect(result.months[1]).toMatchObject({ opening: 0, granted: c(5) });
      expect(result.balance).toBe(c(5));
    });

    it('with carryover for 30 days, the 2 h stay usable until March 2 and are used before February’s lot', () => {
      const run = (asOf: string, entries = [entry('2026-01-12', 3, { id: 'E1' }), entry('2026-02-10', 1, { id: 'E2' })]) =>
        only(reconcile({ contracts: [contract({ allowance: 5, period: 'month', carryover: true, carryoverDays: 30 })], additions: [], entries, asOf }));
      const february = run('2026-02-10');
      const e2 = february.ledger.find((event) => event.entryId === 'E2');
      expect(e2?.draws).toEqual([{ lot: 0, units: c(1) }]);
      expect(february.lots[0]).toMatchObject({ expires: '2026-03-02', left: c(1) });
      expect(february.balance).toBe(c(6));
      const march = run('2026-03-03');
      expect(march.months[2]).toMatchObject({ expired: c(1) });
      expect(march.ledger.find((event) => event.kind === 'expiry' && event.lot === 0)?.date).toBe('2026-03-02');
    });
  });

  it('4. deposit of $2000 at $125/h: 5 h of labor leave $1375, and falling under $444 at a month end grants $2000 on the 1st', () => {
    const deposit = contract({ unit: 'amount', allowance: 2000, rebillBelow: 444, rebillQuantity: 2000, rate: d(125) });
    const after5h = only(reconcile({ contracts: [deposit], additions: [], entries: [entry('2026-01-05', 5)], asOf: '2026-01-15' }));
    expect(after5h.balance).toBe(c(1375));

    const drained = only(
      reconcile({ contracts: [deposit], additions: [], entries: [entry('2026-01-05', 5), entry('2026-01-20', 8)], asOf: '2026-02-01' }),
    );
    // 2000 − 625 − 1000 = 375 < 444 at the January billing run.
    expect(drained.months[0]).toMatchObject({ used: c(1625), closing: c(375) });
    expect(drained.months[1]).toMatchObject({ opening: c(375), granted: c(2000), closing: c(2375) });
    expect(drained.ledger.find((event) => event.kind === 'rebill')?.date).toBe('2026-02-01');
  });

  it('5. block hours with thresholds: warning at 8 h; on hold at -2; a further hour held; a 10 h purchase leaves 8 and used_pct 0', () => {
    const block = contract({ allowance: 10, overage: 'carry', warningPct: d(80), overrunLimitPct: d(20) });
    const entries = [entry('2026-01-05', 8, { id: 'E1' }), entry('2026-01-06', 4, { id: 'E2' }), entry('2026-01-07', 1, { id: 'E3' })];
    const at = (asOf: string, additions = [addition('2026-01-08', 10)]) => reconcile({ contracts: [block], additions, entries, asOf });

    const after8 = only(at('2026-01-05'));
    expect(after8.usedPctTenths).toBe(800);
    expect(after8.status).toEqual(['warning']);

    const after12 = only(at('2026-01-06'));
    expect(after12.balance).toBe(c(-2));
    expect(after12.status).toEqual(['exhausted', 'on_hold', 'overrun', 'warning']);

    const held = at('2026-01-07');
    expect(held.entries.find((e) => e.id === 'E3')).toMatchObject({ status: 'held', held: c(1), applied: 0 });
    expect(only(held).months[0]).toMatchObject({ held: c(1) });

    const purchased = only(at('2026-01-08'));
    expect(purchased.balance).toBe(c(8));
    expect(purchased.usedPctTenths).toBe(0);
    expect(purchased.status).toEqual([]);
  });
});

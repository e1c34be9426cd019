// SPEC §3 "Allowance" (expiry), "Additions", "Expiry", "Consumption order" and
// §10 "Order" / "Periods and lots": when each lot stops being usable, and which
// lot an entry takes its units from.
import { describe, expect, it } from 'vitest';
import type { Lot } from '../../../renderer/src/core/result';
import { addition, c, contract, entry } from '../builders';
import { run } from './harness';

const expiryOf = (lots: readonly Lot[], kind: Lot['kind']) => lots.filter((lot) => lot.kind === kind).map((lot) => lot.expires);

describe('SPEC §3 when a lot expires', () => {
  it.each([
    ['without carryover a monthly lot expires at its month end', { period: 'month' }, ['2026-01-31', '2026-02-28']],
    ['with carryover and carryover_days 10 a monthly lot expires 10 days after its month end', { period: 'month', carryover: true, carryoverDays: 10 }, ['2026-02-10', '2026-03-10']],
    ['with carryover and no carryover_days a lot of an open-ended contract never expires', { period: 'month', carryover: true }, [null, null]],
    ['with carryover and no carryover_days a lot lasts until the contract end', { period: 'month', carryover: true, end: '2026-12-31' }, ['2026-12-31', '2026-12-31']],
    ['carryover_days never take a lot past the contract end', { period: 'month', carryover: true, carryoverDays: 45, end: '2026-03-10' }, ['2026-03-10', '2026-03-10']],
    ['a quarterly lot with carryover_days 15 expires 15 days after the quarter', { period: 'quarter', carryover: true, carryoverDays: 15 }, ['2026-04-15']],
    ['carryover settings do nothing on a once contract with an end: its lot expires at end', { period: 'once', carryover: true, carryoverDays: 10, end: '2026-06-30' }, ['2026-06-30']],
    ['carryover settings do nothing on an open-ended once contract: its lot never expires', { period: 'once', carryover: true, carryoverDays: 10 }, [null]],
  ] as const)('%s', (_rule, terms, expected) => {
    const { contract: result } = run({ contracts: [contract({ allowance: 5, start: '2026-01-01', ...terms })], asOf: '2026-02-15' });
    expect(expiryOf(result.lots, 'allowance')).toEqual(expected);
  });

  it('carried units expire on their own expiry day and show in that month’s expired column', () => {
    const { contract: result } = run({
      contracts: [contract({ allowance: 5, period: 'month', carryover: true, carryoverDays: 10 })],
      entries: [entry('2026-01-05', 1)],
      asOf: '2026-02-28',
    });
    expect(result.months.map((month) => month.expired)).toEqual([0, c(4)]);
    expect(result.ledger.find((event) => event.kind === 'expiry')?.date).toBe('2026-02-10');
  });
});

describe('SPEC §3 additions', () => {
  it('each row is its own lot on its date, expiring at its expires date', () => {
    const { contract: result } = run({
      contracts: [contract({ allowance: null })],
      additions: [addition('2026-02-03', 4, { expires: '2026-04-30', reference: 'PO-1' }), addition('2026-02-03', 6, { reference: 'PO-2' })],
      asOf: '2026-02-28',
    });
    expect(result.lots.map((lot) => [lot.kind, lot.date, lot.size, lot.expires])).toEqual([
      ['addition', '2026-02-03', c(4), '2026-04-30'],
      ['addition', '2026-02-03', c(6), null],
    ]);
    expect(result.months[1]?.purchased).toBe(c(10));
  });

  it.each([
    ['without expires an addition lasts until the contract end', '2026-12-31', null, '2026-12-31'],
    ['without expires an addition to an open-ended contract never expires', null, null, null],
    ['an addition never outlives the contract end, whatever its expires', '2026-06-30', '2026-09-30', '2026-06-30'],
  ] as const)('%s', (_rule, end, expires, expected) => {
    const { contract: result } = run({ contracts: [contract({ allowance: null, end })], additions: [addition('2026-02-03', 4, { expires })], asOf: '2026-02-28' });
    expect(result.lots[0]?.expires).toBe(expected);
  });

  it('an addition lot keeps its PO reference and price', () => {
    const { contract: result } = run({ contracts: [contract({ allowance: null })], additions: [addition('2026-02-03', 4, { reference: 'PO-77', price: 50000 })], asOf: '2026-02-28' });
    expect(result.lots[0]).toMatchObject({ kind: 'addition', reference: 'PO-77', price: 50000 });
  });

  it('an addition dated before start takes effect on start (SPEC §10)', () => {
    const { contract: result } = run({ contracts: [contract({ allowance: null, start: '2026-03-01' })], additions: [addition('2026-02-20', 4)], asOf: '2026-03-31' });
    expect(result.lots[0]).toMatchObject({ date: '2026-03-01', size: c(4) });
    expect(result.months[0]).toMatchObject({ start: '2026-03-01', purchased: c(4), closing: c(4) });
  });
});

describe('SPEC §3 expiry at the end of the last usable day', () => {
  const block = (asOf: string, date: string) =>
    run({
      contracts: [contract({ allowance: null })],
      additions: [addition('2026-01-05', 5, { expires: '2026-03-15' })],
      entries: [entry(date, 2, { id: 'E1' })],
      asOf,
    });

  it('an entry on the expiry day still uses the lot', () => {
    const at = block('2026-03-15', '2026-03-15');
    expect(at.entry('E1')).toMatchObject({ applied: c(2), overage: 0, status: 'applied' });
    expect(at.contract.months[2]).toMatchObject({ used: c(2), expired: c(3), closing: 0 });
  });

  it('an entry the day after expiry finds nothing left (bill: all overage)', () => {
    const at = block('2026-03-16', '2026-03-16');
    expect(at.entry('E1')).toMatchObject({ applied: 0, overage: c(2), status: 'overage' });
    expect(at.contract.months[2]).toMatchObject({ used: 0, expired: c(5) });
  });

  it('what is left expires on the expiry day itself, not the day after', () => {
    const at = block('2026-03-15', '2026-01-10');
    expect(at.events('expiry').map((event) => [event.date, event.units])).toEqual([['2026-03-15', c(3)]]);
    expect(at.contract.balance).toBe(0);
  });

  it('a lot expiring on the contract’s last day can be used that day; the rest expires then and the contract ends empty', () => {
    const at = run({
      contracts: [contract({ allowance: 10, start: '2026-01-01', end: '2026-03-31' })],
      entries: [entry('2026-03-31', 4, { id: 'E1' })],
      asOf: '2026-04-15',
    });
    expect(at.entry('E1')).toMatchObject({ applied: c(4), status: 'applied' });
    expect(at.contract.months.at(-1)).toMatchObject({ end: '2026-03-31', used: c(4), expired: c(6), closing: 0 });
    expect(at.contract.status).toEqual(['ended']);
  });

  it('a monthly lot can be used on its month’s last day', () => {
    const at = run({ contracts: [contract({ allowance: 5, period: 'month' })], entries: [entry('2026-01-31', 5, { id: 'E1' })], asOf: '2026-01-31' });
    expect(at.entry('E1')).toMatchObject({ applied: c(5), status: 'applied' });
    expect(at.contract.months[0]).toMatchObject({ used: c(5), expired: 0 });
  });
});

describe('SPEC §3 consumption order', () => {
  const drawsByKind = (at: ReturnType<typeof run>, id: string) =>
    at.entryEvent(id).draws.map((draw) => [at.contract.lots[draw.lot]?.kind, at.contract.lots[draw.lot]?.date, draw.units]);

  it.each([
    [
      'units come from the lot that expires first, even when it is newer',
      null,
      [addition('2026-01-01', 5, { expires: '2026-12-31' }), addition('2026-01-10', 5, { expires: '2026-03-31' })],
      [['addition', '2026-01-10', c(5)], ['addition', '2026-01-01', c(1)]],
    ],
    [
      'a lot that never expires is used last',
      5,
      [addition('2026-01-10', 5, { expires: '2027-12-31' })],
      [['addition', '2026-01-10', c(5)], ['allowance', '2026-01-01', c(1)]],
    ],
    [
      'lots with the same expiry are used older first',
      null,
      [addition('2026-01-10', 5, { expires: '2026-06-30' }), addition('2026-01-05', 5, { expires: '2026-06-30' })],
      [['addition', '2026-01-05', c(5)], ['addition', '2026-01-10', c(1)]],
    ],
  ] as const)('%s', (_rule, allowance, additions, draws) => {
    const at = run({ contracts: [contract({ allowance })], additions, entries: [entry('2026-01-15', 6, { id: 'E1' })], asOf: '2026-01-31' });
    expect(drawsByKind(at, 'E1')).toEqual(draws);
  });

  it('lots created on one date with one expiry: allowance, then re-bill, then additions (SPEC §10)', () => {
    // January is used up, so the Jan 31 billing run re-bills on Feb 1, the day
    // of February's allowance and of an addition; all three end with the contract.
    const at = run({
      contracts: [contract({ allowance: 2, period: 'month', end: '2026-02-28', rebillBelow: 1, rebillQuantity: 2 })],
      additions: [addition('2026-02-01', 2)],
      entries: [entry('2026-01-10', 2, { id: 'E1' }), entry('2026-02-02', 5, { id: 'E2' })],
      asOf: '2026-02-28',
    });
    expect(at.contract.lots.filter((lot) => lot.date === '2026-02-01').map((lot) => [lot.kind, lot.expires])).toEqual([
      ['allowance', '2026-02-28'],
      ['rebill', '2026-02-28'],
      ['addition', '2026-02-28'],
    ]);
    expect(drawsByKind(at, 'E2')).toEqual([
      ['allowance', '2026-02-01', c(2)],
      ['rebill', '2026-02-01', c(2)],
      ['addition', '2026-02-01', c(1)],
    ]);
  });
});

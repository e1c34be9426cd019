// SPEC §3 "On one date, grants and additions come first, then entries in id
// order, then expiries, then the month-end billing run" and §10 "Order": id
// order is plain string order by code point (E10 before E2).
import { describe, expect, it } from 'vitest';
import { addition, c, contract, entry } from '../builders';
import { run } from './harness';

describe('SPEC §10 id order is code-point order', () => {
  it('same-day entries are applied in id order: E10 takes the balance before E2', () => {
    const at = run({
      contracts: [contract({ allowance: 3 })],
      entries: [entry('2026-01-05', 2, { id: 'E2' }), entry('2026-01-05', 2, { id: 'E10' })],
      asOf: '2026-01-31',
    });
    expect(at.entry('E10')).toMatchObject({ applied: c(2), overage: 0, status: 'applied' });
    expect(at.entry('E2')).toMatchObject({ applied: c(1), overage: c(1), status: 'partial' });
  });

  it('the date comes before the id: E2 on an earlier day goes first', () => {
    const at = run({
      contracts: [contract({ allowance: 3 })],
      entries: [entry('2026-01-05', 2, { id: 'E2' }), entry('2026-01-06', 2, { id: 'E10' })],
      asOf: '2026-01-31',
    });
    expect(at.entry('E2').status).toBe('applied');
    expect(at.entry('E10')).toMatchObject({ applied: c(1), overage: c(1) });
  });

  it('same-day entries of one ticket: the incident is E10’s', () => {
    const at = run({
      contracts: [contract({ unit: 'incidents', allowance: 5 })],
      entries: [entry('2026-01-05', 1, { id: 'E2', ticket: 'T1' }), entry('2026-01-05', 1, { id: 'E10', ticket: 'T1' })],
      asOf: '2026-01-31',
    });
    expect([at.entry('E10').units, at.entry('E2').units]).toEqual([c(1), 0]);
  });

  it.each([
    ['digits compare as characters', ['E2', 'E10', 'E1'], ['E1', 'E10', 'E2']],
    ['upper case before lower case', ['e1', 'E2', 'a', 'B'], ['B', 'E2', 'a', 'e1']],
    ['a prefix before its extensions', ['E1-2', 'E1', 'E1-10'], ['E1', 'E1-10', 'E1-2']],
    ['characters beyond U+FFFF after U+FF5E (not UTF-16 order)', ['\u{1F600}', '\uFF5E', 'Z'], ['Z', '\uFF5E', '\u{1F600}']],
  ] as const)('entries come out in id order: %s', (_rule, ids, expected) => {
    const { result } = run({ contracts: [contract({ allowance: 100 })], entries: ids.map((id) => entry('2026-01-05', 1, { id })), asOf: '2026-01-31' });
    expect(result.entries.map((item) => item.id)).toEqual(expected);
  });

  it('contracts come out in id order, and unmatched entries take their place among the others', () => {
    const ids = ['C2', 'C10', 'c1', '\u{1F600}', '\uFF5E'];
    const { result } = run({
      contracts: ids.map((id) => contract({ id, allowance: 1 })),
      entries: [entry('2026-01-05', 1, { id: 'E3', contractId: 'X' }), entry('2026-01-05', 1, { id: 'E20', contractId: 'C2' })],
      asOf: '2026-01-31',
    });
    expect(result.contracts.map((item) => item.id)).toEqual(['C10', 'C2', 'c1', '\uFF5E', '\u{1F600}']);
    expect(result.entries.map((item) => [item.id, item.status])).toEqual([
      ['E20', 'applied'],
      ['E3', 'unmatched'],
    ]);
  });
});

describe('SPEC §3 the order of one date: arrivals, entries (id order), expiries, billing run', () => {
  it.each([
    ['an entry on start uses the allowance granted that day', { allowance: 5 }, [], [], '2026-01-01'],
    ['an entry on the 1st uses that month’s new grant', { allowance: 5, period: 'month' }, [], [], '2026-02-01'],
    ['an entry on the day of an addition uses it', { allowance: null }, [addition('2026-01-15', 5)], [], '2026-01-15'],
    ['an entry on the day of a re-bill uses it', { allowance: 1, rebillBelow: 1, rebillQuantity: 5 }, [], [entry('2026-01-10', 1)], '2026-02-01'],
  ] as const)('grants and additions come before entries: %s', (_rule, terms, additions, earlier, date) => {
    // Under bill, an entry that came first would find nothing and be all overage.
    const at = run({ contracts: [contract(terms)], additions: [...additions], entries: [...earlier, entry(date, 5, { id: 'E1' })], asOf: date });
    expect(at.entry('E1')).toMatchObject({ applied: c(5), overage: 0, status: 'applied' });
  });

  it('an addition arriving and expiring on a month end: it pays the day’s entries, the rest expires, then the re-bill check sees 0', () => {
    const { contract: result } = run({
      contracts: [contract({ allowance: null, rebillBelow: 1, rebillQuantity: 5 })],
      additions: [addition('2026-01-31', 4, { expires: '2026-01-31' })],
      entries: [entry('2026-01-31', 1, { id: 'E2' }), entry('2026-01-31', 2, { id: 'E10' })],
      asOf: '2026-02-01',
    });
    expect(result.ledger.map((event) => [event.date, event.kind, event.entryId, event.units, event.balanceAfter])).toEqual([
      ['2026-01-31', 'addition', null, c(4), c(4)],
      ['2026-01-31', 'entry', 'E10', c(2), c(2)],
      ['2026-01-31', 'entry', 'E2', c(1), c(1)],
      ['2026-01-31', 'expiry', null, c(1), 0],
      ['2026-02-01', 'rebill', null, c(5), c(5)],
    ]);
  });

  it('a month-end settlement comes after the day’s entries and before the re-bill check', () => {
    const { contract: result } = run({
      contracts: [contract({ allowance: 1, overage: 'bill_month_end', rebillBelow: 1, rebillQuantity: 5 })],
      entries: [entry('2026-01-31', 3, { id: 'E1' })],
      asOf: '2026-02-01',
    });
    expect(result.ledger.map((event) => [event.date, event.kind, event.units, event.balanceAfter])).toEqual([
      ['2026-01-01', 'grant', c(1), c(1)],
      ['2026-01-31', 'entry', c(3), c(-2)],
      ['2026-01-31', 'settlement', c(2), 0],
      ['2026-02-01', 'rebill', c(5), c(5)],
    ]);
  });
});

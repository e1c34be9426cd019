// fast-check properties of the engine (issue 2; SPEC §5, §6): the invariants a
// customer and an auditor rely on, over random rule-dense portfolios.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reconcile } from '../../renderer/src/core/reconcile';
import type { ReconcileInput } from '../../renderer/src/core/model';
import { portfolioArbitrary } from './arbitraries';

const runs = { numRuns: 300 };

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('engine invariants', () => {
  it('every month closes at opening + granted + purchased + settled − used − expired, opens at the previous closing, and the last closing is the balance', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        for (const contract of reconcile(input).contracts) {
          let previousClosing = 0;
          for (const month of contract.months) {
            expect(month.opening).toBe(previousClosing);
            expect(month.closing).toBe(month.opening + month.granted + month.purchased + month.settled - month.used - month.expired);
            previousClosing = month.closing;
          }
          expect(contract.balance).toBe(previousClosing);
        }
      }),
      runs,
    );
  });

  it('every entry dated on or before as-of appears exactly once, and none after', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const ids = reconcile(input).entries.map((entry) => entry.id);
        const expected = input.entries.filter((entry) => entry.date <= input.asOf).map((entry) => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual([...expected].sort());
      }),
      runs,
    );
  });

  it('a covered entry splits into applied + overage + held = units; unmatched and not-covered entries carry nothing', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        for (const entry of reconcile(input).entries) {
          if (entry.status === 'unmatched' || entry.status === 'not_covered') {
            expect([entry.units, entry.applied, entry.overage, entry.held]).toEqual([0, 0, 0, 0]);
            expect(entry.reason).not.toBeNull();
            if (entry.status === 'unmatched') expect(entry.contractId).toBeNull();
          } else {
            expect(entry.applied + entry.overage + entry.held).toBe(entry.units);
            expect(Math.min(entry.applied, entry.overage, entry.held)).toBeGreaterThanOrEqual(0);
          }
        }
      }),
      runs,
    );
  });

  it("each contract's statement adds up to its entries: used, held, and overage = entry overage + settled", () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const result = reconcile(input);
        for (const contract of result.contracts) {
          const mine = result.entries.filter((entry) => entry.contractId === contract.id);
          const sum = (pick: (x: { used: number; held: number; overage: number; settled: number }) => number) => contract.months.reduce((total, month) => total + pick(month), 0);
          expect(sum((m) => m.used)).toBe(mine.reduce((total, entry) => total + entry.applied, 0));
          expect(sum((m) => m.held)).toBe(mine.reduce((total, entry) => total + entry.held, 0));
          expect(sum((m) => m.overage) - sum((m) => m.settled)).toBe(mine.reduce((total, entry) => total + entry.overage, 0));
        }
      }),
      runs,
    );
  });

  it('the ledger trail replays to the balance: lots never give more than their size, bill never goes negative, a cap is never passed', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        for (const contract of reconcile(input).contracts) {
          const terms = input.contracts.find((c) => c.id === contract.id);
          const last = contract.ledger[contract.ledger.length - 1];
          expect(last?.balanceAfter ?? 0).toBe(contract.balance);
          for (const lot of contract.lots) expect(lot.left).toBeGreaterThanOrEqual(0);
          const drawn = new Map<number, number>();
          for (const event of contract.ledger) {
            for (const draw of event.draws) drawn.set(draw.lot, (drawn.get(draw.lot) ?? 0) + draw.units);
            if (terms?.overage === 'bill') expect(event.balanceAfter).toBeGreaterThanOrEqual(0);
            if (terms?.overage !== 'bill' && terms?.overrunLimit != null) expect(event.balanceAfter).toBeGreaterThanOrEqual(-terms.overrunLimit);
          }
          for (const lot of contract.lots) expect((drawn.get(lot.index) ?? 0) + lot.left).toBeLessThanOrEqual(lot.size);
        }
      }),
      runs,
    );
  });

  it('shuffling the input rows changes nothing', () => {
    fc.assert(
      fc.property(portfolioArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (input, seed) => {
        const reordered: ReconcileInput = {
          asOf: input.asOf,
          contracts: shuffled(input.contracts, seed),
          additions: shuffled(input.additions, seed + 1),
          entries: shuffled(input.entries, seed + 2),
        };
        expect(reconcile(reordered)).toEqual(reconcile(input));
      }),
      runs,
    );
  });

  it('reading the ledgers before the entries (they are made when first read) gives the same result', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const ledgersFirst = reconcile(input);
        const ledgers = ledgersFirst.contracts.map((contract) => contract.ledger);
        const entriesFirst = reconcile(input);
        const entries = entriesFirst.entries;
        expect({ ledgers, entries: ledgersFirst.entries }).toEqual({ ledgers: entriesFirst.contracts.map((contract) => contract.ledger), entries });
        // A result read twice is the same objects, not made again.
        expect(ledgersFirst.entries).toBe(ledgersFirst.entries);
      }),
      runs,
    );
  });
});

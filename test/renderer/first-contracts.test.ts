// The contracts grid's first rows, reconciled before the rest on an opening
// with nothing saved (issue 5): the first contracts by id, the grid's own
// order, each with the figures the whole reconcile gives it.
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../renderer/src/core/reconcile';
import { generateSamplePortfolio } from '../../renderer/src/core/sample/sample-portfolio';
import { contractRows } from '../../renderer/src/workers/contract-rows';
import { firstContracts, FIRST_ROWS } from '../../renderer/src/workers/first-contracts';
import type { ReconcileInput } from '../../renderer/src/core/model';

// Big enough to be worth first rows: 300 contracts of 40 customers, past the entry threshold.
const PORTFOLIO = generateSamplePortfolio({ customers: 40, contracts: 300, entries: FIRST_ROWS.fromEntries, start: '2025-11-01', months: 12 });
const INPUT: ReconcileInput = { ...PORTFOLIO, asOf: '2026-08-31' };

describe('the first rows of the contracts grid', () => {
  it('are the first contracts by id with the rows the whole reconcile gives them', () => {
    // Handed over in another order, as the store may: the grid still lists contracts by id.
    const first = firstContracts({ ...INPUT, contracts: [...INPUT.contracts].reverse() }, { ...FIRST_ROWS, rows: 25 });
    const whole = contractRows(new Map(INPUT.contracts.map((contract) => [contract.id, contract])), reconcile(INPUT));
    expect(first?.rows).toEqual(whole.slice(0, 25));
    expect(first?.contracts).toBe(300);
    expect(first?.asOf).toBe('2026-08-31');
  });

  it('are not made for a store that answers whole as quickly, or that has no more contracts than the first rows', () => {
    expect(firstContracts({ ...INPUT, entries: INPUT.entries.slice(1) }, { ...FIRST_ROWS, rows: 25 })).toBeNull();
    expect(firstContracts(INPUT, { ...FIRST_ROWS, rows: 300 })).toBeNull();
    expect(firstContracts(INPUT, { ...FIRST_ROWS, rows: 299 })?.rows).toHaveLength(299);
  });
});

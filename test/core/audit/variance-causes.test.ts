// Each variance cause the migrated fixture does not exercise, on a one-contract
// portfolio worked out by hand: entries outside the dates, rounding,
// expiries; a cause that would move the balance away is not offered, and what
// no cause explains stays visible.
import { describe, expect, it } from 'vitest';
import { explainVariance, type SidePortfolio } from '../../../renderer/src/core/audit/variance';
import type { Contract } from '../../../renderer/src/core/model';
import { contract, d, entry } from '../builders';

const AS_OF = '2026-03-31';

function explain(terms: Contract, portfolio: Omit<SidePortfolio, 'contracts' | 'additions'>) {
  return explainVariance('source', 'ConnectWise', terms, { contracts: [terms], additions: [], ...portfolio }, AS_OF, null);
}

describe('variance causes', () => {
  it('an entry dated before the start, which ConnectWise applied', () => {
    const terms = contract({ allowance: 10, end: '2026-06-30', reportedBalance: 7, reportedAsOf: AS_OF });
    const report = explain(terms, { entries: [entry('2025-12-20', 3, { id: 'E1' })] });
    expect(report).toMatchObject({ recomputed: 1000, reported: 700, variance: 300, unexplained: 0 });
    expect(report?.explanations).toEqual([
      { cause: 'outside-dates', units: 300, entryIds: ['E1'], sentence: "Dated outside the contract's dates (2026-01-01 to 2026-06-30), which Blockledger does not cover but ConnectWise applied: 1 entry (E1). This accounts for 3 hours of the variance." },
    ]);
  });

  it('time rounded up to 15 minutes by Blockledger but not by ConnectWise', () => {
    // 1.1 h = 66 min, rounded up to 75 min = 1.25 h: 10 − 1.25 = 8.75 against ConnectWise's 8.9.
    const terms = contract({ allowance: 10, roundMinutes: d(15), reportedBalance: 8.9, reportedAsOf: AS_OF });
    const report = explain(terms, { entries: [entry('2026-02-03', 1.1, { id: 'R1' })] });
    expect(report).toMatchObject({ recomputed: 875, reported: 890, variance: -15, unexplained: 0 });
    expect(report?.explanations).toEqual([
      { cause: 'rounding', units: -15, entryIds: ['R1'], sentence: "Not rounded up by ConnectWise to the contract's rounding or minimum minutes: 1 entry (R1). This accounts for -0.15 hours of the variance." },
    ]);
  });

  it('unused monthly allowance that ConnectWise has not expired', () => {
    // 5 h a month, 3 h used in January: Blockledger expires 2 h on Jan 31 (5 h left on Feb 27); ConnectWise shows 7.
    const terms = contract({ allowance: 5, period: 'month', reportedBalance: 7, reportedAsOf: '2026-02-27' });
    const report = explain(terms, { entries: [entry('2026-01-10', 3, { id: 'X1' })] });
    expect(report).toMatchObject({ recomputed: 500, reported: 700, variance: -200, unexplained: 0 });
    expect(report?.explanations).toEqual([
      { cause: 'expiry', units: -200, entryIds: [], sentence: "ConnectWise has not expired unused allowance that Blockledger expired at period ends. This accounts for -2 hours of the variance." },
    ]);
  });

  it('offers no cause that moves the balance away from the reported one, and shows the rest as unexplained', () => {
    // Counting the no-charge hour would lower the balance to 8, further from the reported 9.5.
    const terms = contract({ allowance: 10, reportedBalance: 9.5, reportedAsOf: AS_OF });
    const report = explain(terms, { entries: [entry('2026-02-03', 1, { id: 'N1', billable: 'no_charge' })] });
    expect(report).toMatchObject({ recomputed: 1000, reported: 950, variance: 50, explanations: [], unexplained: 50 });
  });

  it('is not computed without a reported balance or for one dated after the as-of date (SPEC §10)', () => {
    expect(explain(contract({ allowance: 10 }), { entries: [] })).toBeNull();
    expect(explain(contract({ allowance: 10, reportedBalance: 10, reportedAsOf: '2026-04-01' }), { entries: [] })).toBeNull();
  });
});

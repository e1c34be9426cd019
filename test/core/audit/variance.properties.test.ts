// Properties of the variance explanation on random valid portfolios: it starts
// from the engine's own SPEC §7 variance, every part is accounted for
// (explanations + unexplained = variance), each accepted cause brings the
// balance closer, and the causes come largest first.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explainVariance } from '../../../renderer/src/core/audit/variance';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { dayOf, isoOf } from '../../../renderer/src/core/dates';
import { portfolioArbitrary } from '../arbitraries';

// Some entries keyed in days after they were worked (back-dated), so the entered-order cause can apply.
const withEntered = portfolioArbitrary.chain((input) =>
  fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), { minLength: input.entries.length, maxLength: input.entries.length }).map((lags) => ({
    ...input,
    entries: input.entries.map((entry, index) => {
      const lag = lags[index] ?? null;
      return lag === null ? entry : { ...entry, entered: `${isoOf(dayOf(entry.date) + lag)}T09:00:00` };
    }),
  })),
);

describe('variance explanations (properties)', () => {
  it('account for the whole SPEC §7 variance, each cause moving towards the reported balance, largest first', () => {
    fc.assert(
      fc.property(withEntered, (input) => {
        const engine = new Map(reconcile(input).contracts.map((result) => [result.id, result.variance]));
        for (const contract of input.contracts) {
          const report = explainVariance('source', 'ConnectWise', contract, input, input.asOf, null);
          if (report === null) {
            expect(engine.get(contract.id)).toBeNull();
            continue;
          }
          expect(report.variance).toBe(engine.get(contract.id));
          expect(report.explanations.reduce((sum, explanation) => sum + explanation.units, 0) + report.unexplained).toBe(report.variance);
          if (report.explanations.length > 0) expect(Math.abs(report.unexplained)).toBeLessThan(Math.abs(report.variance));
          else expect(report.unexplained).toBe(report.variance);
          const sizes = report.explanations.map((explanation) => Math.abs(explanation.units));
          expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
        }
      }),
      { numRuns: 150 },
    );
  });
});

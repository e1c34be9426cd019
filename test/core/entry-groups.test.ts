// The groups a clerk works through before invoicing (core/entry-groups.ts),
// over random rule-dense portfolios: nothing not applied in full slips
// through, and no entry is both invoiced and listed as an exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reconcile } from '../../renderer/src/core/reconcile';
import { countEntryGroups, IN_ENTRY_GROUP, isException } from '../../renderer/src/core/entry-groups';
import { portfolioArbitrary } from './arbitraries';

const runs = { numRuns: 300 };

describe('entry groups', () => {
  it('an entry not applied in full is invoiced as overage or listed as an exception, never both', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        for (const entry of reconcile(input).entries) {
          const invoiced = IN_ENTRY_GROUP.overage(entry);
          expect(invoiced && isException(entry)).toBe(false);
          if (entry.status !== 'applied') expect(invoiced || isException(entry)).toBe(true);
          else expect(invoiced || isException(entry)).toBe(false);
        }
      }),
      runs,
    );
  });

  it('the exceptions are the unmatched, the not covered and the held, each entry in one of them', () => {
    fc.assert(
      fc.property(portfolioArbitrary, (input) => {
        const entries = reconcile(input).entries;
        const counts = countEntryGroups(entries);
        expect(counts.all).toBe(entries.length);
        expect(counts.exceptions).toBe(counts.unmatched + counts.not_covered + counts.held);
        for (const group of ['unmatched', 'not_covered', 'held', 'overage', 'applied'] as const) {
          expect(counts[group]).toBe(entries.filter(IN_ENTRY_GROUP[group]).length);
        }
      }),
      runs,
    );
  });
});

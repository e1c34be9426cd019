import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FirstLines } from '../../../renderer/src/core/canonical/first-lines';

const claims = (ids: readonly string[]) => {
  const firstLines = new FirstLines();
  return ids.map((id, index) => firstLines.claim(id, index + 2));
};

describe('FirstLines (SPEC §10 unique ids)', () => {
  it('finds repeats in ordered ids, right after them and after the order breaks', () => {
    expect(claims(['E1', 'E2', 'E2', 'E3', 'E1', 'E4', 'E3'])).toEqual([null, null, 3, null, 2, null, 5]);
  });

  it('orders by code point: E10 before E2, so an id file in that order needs no map to be right', () => {
    expect(claims(['E1', 'E10', 'E2', 'E10'])).toEqual([null, null, null, 3]);
  });

  it('agrees with a plain map for any sequence of ids (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'C', 'A1', 'A10', 'A2', 'b', '\u{1F600}', '\uFFFD'), { maxLength: 30 }), fc.boolean(), (ids, sortFirst) => {
        const sequence = sortFirst ? [...ids].sort() : ids;
        const seen = new Map<string, number>();
        const expected = sequence.map((id, index) => {
          const first = seen.get(id);
          if (first === undefined) seen.set(id, index + 2);
          return first ?? null;
        });
        expect(claims(sequence)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

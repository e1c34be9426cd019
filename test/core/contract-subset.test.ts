// The input cut down to a few contracts (issue 5: the contracts grid's first
// rows are reconciled before the rest): each of those contracts must get the
// very result the whole portfolio gives it, or the first screen would show
// figures that change a second later.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reconcile } from '../../renderer/src/core/reconcile';
import { inputForContracts } from '../../renderer/src/core/contract-subset';
import type { ReconcileInput } from '../../renderer/src/core/model';
import { portfolioArbitrary } from './arbitraries';
import { addition, contract, entry } from './builders';

/** The wanted contracts' results from the whole input and from the cut-down one. */
function bothWays(input: ReconcileInput, wantedIds: readonly string[]) {
  const wanted = input.contracts.filter((candidate) => wantedIds.includes(candidate.id));
  const pick = (result: ReturnType<typeof reconcile>) => result.contracts.filter((candidate) => wantedIds.includes(candidate.id));
  return { whole: pick(reconcile(input)), cut: pick(reconcile(inputForContracts(input, wanted))) };
}

describe('the input cut down to some contracts', () => {
  it('gives each of them the result the whole portfolio gives, ledger included', () => {
    // Customer names vary in case and spaces, as exports do: matching by customer ignores both (SPEC §4).
    const spelled = portfolioArbitrary.chain((input) =>
      fc.record({
        input: fc.constant(input),
        spellings: fc.array(fc.constantFrom((name: string) => name, (name: string) => ` ${name.toUpperCase()} `), { minLength: input.entries.length, maxLength: input.entries.length }),
        wanted: fc.subarray(input.contracts.map((candidate) => candidate.id), { minLength: 1 }),
      }),
    );
    fc.assert(
      fc.property(spelled, ({ input, spellings, wanted }) => {
        const entries = input.entries.map((one, index) => ({ ...one, customer: (spellings[index] as (name: string) => string)(one.customer) }));
        const { whole, cut } = bothWays({ ...input, entries }, wanted);
        expect(cut).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the customer\'s other contracts: an entry naming no contract is matched among all of them', () => {
    // Two open contracts of one customer: the entry has more than one candidate and is unmatched (SPEC §4).
    // Cut down to the first contract alone, it would be drawn from it.
    const input: ReconcileInput = {
      contracts: [contract({ id: 'A', customer: 'Acme', allowance: 30 }), contract({ id: 'B', customer: 'acme ', allowance: 30 })],
      additions: [],
      entries: [entry('2026-02-10', 1.5, { id: 'E1', contractId: null, customer: 'ACME' })],
      asOf: '2026-03-31',
    };
    const { whole, cut } = bothWays(input, ['A']);
    expect(cut).toEqual(whole);
    expect(whole[0]?.balance).toBe(3000);
    expect(inputForContracts(input, input.contracts.slice(0, 1)).contracts.map((kept) => kept.id)).toEqual(['A', 'B']);
  });

  it('leaves out the entries and additions of the other contracts, its customer\'s included', () => {
    const input: ReconcileInput = {
      contracts: [contract({ id: 'A', customer: 'Acme' }), contract({ id: 'B', customer: 'Acme' }), contract({ id: 'G', customer: 'Globex' })],
      additions: [addition('2026-01-05', 5, { contractId: 'A' }), addition('2026-01-05', 5, { contractId: 'B' }), addition('2026-01-05', 5, { contractId: 'G' })],
      entries: [
        entry('2026-02-10', 1, { id: 'E1', contractId: 'A', customer: 'Globex' }),
        entry('2026-02-10', 1, { id: 'E2', contractId: 'G', customer: 'Acme' }),
        entry('2026-02-10', 1, { id: 'E3', contractId: null, customer: 'Globex' }),
        entry('2026-02-10', 1, { id: 'E4', contractId: ' ', customer: 'acme' }),
        entry('2026-02-10', 1, { id: 'E5', contractId: 'B', customer: 'Acme' }),
      ],
      asOf: '2026-03-31',
    };
    const cut = inputForContracts(input, input.contracts.slice(0, 1));
    // B stays, as a candidate for the entries of Acme that name no contract.
    expect(cut.contracts.map((kept) => kept.id)).toEqual(['A', 'B']);
    expect(cut.additions.map((kept) => kept.contractId)).toEqual(['A']);
    // By the contract it names, else by its customer: E1 names A whatever its customer says; E4 names none.
    expect(cut.entries.map((kept) => kept.id)).toEqual(['E1', 'E4']);
  });
});

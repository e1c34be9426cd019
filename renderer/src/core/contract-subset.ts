// The engine's input cut down to a few contracts, for the ones a screen shows
// first (issue 5: the first rows of the contracts grid, reconciled before the
// other ten thousand). SPEC §4 matches an entry by the contract id it names,
// else among its customer's contracts; nothing else crosses contracts. So a
// contract's result depends only on the entries that name it, the entries that
// name no contract and come from its customer, its additions, and which
// contracts its customer has (the candidates for those entries).
import type { Contract, ReconcileInput } from './model';
import { namedContractId } from './matching';
import { normaliseName } from './ordering';

/**
 * `input` restricted to what the `wanted` contracts' results depend on: every
 * contract of their customers (as candidates), the wanted contracts'
 * additions, and the entries that can match a wanted contract. Reconciling it
 * gives each wanted contract the very result the whole input gives; the
 * other contracts in it are there to be matched against, and their results
 * are not whole.
 */
export function inputForContracts(input: ReconcileInput, wanted: readonly Contract[]): ReconcileInput {
  const customers = new Set(wanted.map((contract) => normaliseName(contract.customer)));
  const ids = new Set(wanted.map((contract) => contract.id));
  return {
    ...input,
    contracts: input.contracts.filter((contract) => customers.has(normaliseName(contract.customer))),
    additions: input.additions.filter((addition) => ids.has(addition.contractId)),
    // Filtered in place, so entries in id order stay in id order (the engine then need not sort them).
    entries: input.entries.filter((entry) => {
      const id = namedContractId(entry);
      return id === '' ? customers.has(normaliseName(entry.customer)) : ids.has(id);
    }),
  };
}

// The engine's input cut down to a few contracts, for the ones a screen shows
// first (issue 5: the first rows of the contracts grid, reconciled before the
// other ten thousand). SPEC §4 matches an entry by the contract id it names,
// else among its customer's contracts; nothing else crosses contracts. So a
// contract's result depends only on its customer's contracts, their additions
// and the entries that name one of them or, naming none, that customer.
import type { Contract, ReconcileInput } from './model';
import { namedContractId } from './matching';
import { normaliseName } from './ordering';

/**
 * `input` restricted to the `wanted` contracts and everything their results
 * depend on: every contract of their customers, those contracts' additions,
 * and the entries that can match them. Reconciling it gives each wanted
 * contract the very result the whole input gives.
 */
export function inputForContracts(input: ReconcileInput, wanted: readonly Contract[]): ReconcileInput {
  const customers = new Set(wanted.map((contract) => normaliseName(contract.customer)));
  const contracts = input.contracts.filter((contract) => customers.has(normaliseName(contract.customer)));
  const ids = new Set(contracts.map((contract) => contract.id));
  return {
    ...input,
    contracts,
    additions: input.additions.filter((addition) => ids.has(addition.contractId)),
    // Filtered in place, so entries in id order stay in id order (the engine then need not sort them).
    entries: input.entries.filter((entry) => {
      const id = namedContractId(entry);
      return id === '' ? customers.has(normaliseName(entry.customer)) : ids.has(id);
    }),
  };
}

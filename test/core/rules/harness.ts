// One-contract runs for the rule tables: reconcile a portfolio and pick out the
// contract, its entries and its lots without repeating the lookups in every test.
import { reconcile } from '../../../renderer/src/core/reconcile';
import type { contract } from '../builders';
import type { Addition, Contract, Entry } from '../../../renderer/src/core/model';
import type { ContractResult, EntryResult, LedgerEvent, ReconcileResult } from '../../../renderer/src/core/result';

export interface Run {
  readonly result: ReconcileResult;
  /** The first contract in id order (C1 in most tables). */
  readonly contract: ContractResult;
  /** The entry result with this id; fails loudly when absent. */
  entry(id: string): EntryResult;
  /** The ledger events of one kind, in date order. */
  events(kind: LedgerEvent['kind']): LedgerEvent[];
  /** The ledger event of one entry. */
  entryEvent(id: string): LedgerEvent;
}

export interface RunInput {
  readonly contracts: readonly Contract[];
  readonly additions?: readonly Addition[];
  readonly entries?: readonly Entry[];
  readonly asOf: string;
}

/** Reconciles the input and returns lookups on its first contract. */
export function run({ contracts, additions = [], entries = [], asOf }: RunInput): Run {
  const result = reconcile({ contracts, additions, entries, asOf });
  const contract = result.contracts[0];
  if (contract === undefined) throw new Error('no contract in the result');
  return {
    result,
    contract,
    entry(id) {
      const found = result.entries.find((candidate) => candidate.id === id);
      if (found === undefined) throw new Error(`entry ${id} is not in the result`);
      return found;
    },
    events: (kind) => contract.ledger.filter((event) => event.kind === kind),
    entryEvent(id) {
      const found = contract.ledger.find((event) => event.entryId === id);
      if (found === undefined) throw new Error(`entry ${id} has no ledger event`);
      return found;
    },
  };
}

/** What the `contract` builder accepts: SPEC §2 fields with decimal quantities. */
export type Terms = NonNullable<Parameters<typeof contract>[0]>;

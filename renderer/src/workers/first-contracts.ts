// The contracts grid's first rows, reconciled before the rest when the window
// opens on a date nothing was saved for (issue 5: first grid within 2 s). The
// grid lists contracts by id, so the first screenful is the first contracts by
// id: reconciled alone (core/contract-subset.ts) they take milliseconds, where
// the whole portfolio takes a second, and they get the very same figures.
import type { ReconcileInput } from '../core/model';
import { reconcile } from '../core/reconcile';
import { inputForContracts } from '../core/contract-subset';
import { sortById } from '../core/ordering';
import { contractRows } from './contract-rows';
import type { FirstContracts } from './engine-protocol';

export interface FirstRowsRule {
  /** How many: enough to fill the grid of a window as tall as a 4K screen (about 55 rows of 34 px); each costs the first answer time. */
  readonly rows: number;
  /** Below this many entries the whole reconcile answers within about a tenth of a second: first rows would only make the grid fill twice, a flicker. */
  readonly fromEntries: number;
}

export const FIRST_ROWS: FirstRowsRule = { rows: 60, fromEntries: 100_000 };

/** The first contracts' rows; null when the store is small enough to answer whole as quickly, or has no more contracts than the first rows. */
export function firstContracts(input: ReconcileInput, { rows: count, fromEntries }: FirstRowsRule = FIRST_ROWS): FirstContracts | null {
  if (input.entries.length < fromEntries || input.contracts.length <= count) return null;
  const wanted = sortById([...input.contracts]).slice(0, count);
  const cut = inputForContracts(input, wanted);
  const wantedIds = new Set(wanted.map((contract) => contract.id));
  const rows = contractRows(new Map(cut.contracts.map((contract) => [contract.id, contract])), reconcile(cut)).filter((row) => wantedIds.has(row.id));
  return { asOf: input.asOf, contracts: input.contracts.length, rows };
}

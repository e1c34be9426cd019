// Lookups every workbook needs, built once per run from the engine's input and
// result: contracts and entries by id, and per contract the entries the engine
// did not cover (they are listed in the History detail but change nothing).
import type { Contract, Entry, ReconcileInput } from '../../core/model';
import type { ContractResult, EntryResult, ReconcileResult } from '../../core/result';
import { compareCodePoints } from '../../core/ordering';

export interface WorkbookOptions {
  /** Shown in currency formats and notes. */
  readonly currencySymbol: string;
  /** Document property "company" (the MSP). */
  readonly company: string;
}

export const DEFAULT_WORKBOOK_OPTIONS: WorkbookOptions = { currencySymbol: '$', company: 'Blockledger' };

export interface WorkbookContext {
  readonly input: ReconcileInput;
  readonly result: ReconcileResult;
  readonly options: WorkbookOptions;
  readonly contracts: ReadonlyMap<string, Contract>;
  /** Each entry id's position in `input.entries` (see entryOf). */
  readonly entryPositions: ReadonlyMap<string, number>;
  /** Per contract id, its not-covered entry results in id order. */
  readonly notCovered: ReadonlyMap<string, readonly EntryResult[]>;
  /** Per contract id, how many entries the engine matched to it (covered or not). */
  readonly entryCounts: ReadonlyMap<string, number>;
}

/** One customer and its contracts (in id order), as the engine returned them. */
export interface CustomerGroup {
  readonly customer: string;
  readonly contracts: readonly ContractResult[];
}

interface EntryTallies {
  readonly notCovered: Map<string, EntryResult[]>;
  readonly entryCounts: Map<string, number>;
}

function tallyEntries(result: ReconcileResult): EntryTallies {
  const notCovered = new Map<string, EntryResult[]>();
  const entryCounts = new Map<string, number>();
  for (const entry of result.entries) {
    if (entry.contractId !== null) entryCounts.set(entry.contractId, (entryCounts.get(entry.contractId) ?? 0) + 1);
    if (entry.status !== 'not_covered' || entry.contractId === null) continue;
    const list = notCovered.get(entry.contractId);
    if (list) list.push(entry);
    else notCovered.set(entry.contractId, [entry]);
  }
  return { notCovered, entryCounts };
}

/** Each entry id's position in `entries`. */
export function positionsById(entries: readonly Entry[]): Map<string, number> {
  return new Map(entries.map((entry, position) => [entry.id, position]));
}

/**
 * Builds the lookups (Maps: ids from imports never become object keys). The
 * per-entry ones are built on first use: over a million entries they take
 * ~0.5 s, and the window's contracts screen, which shares this context with
 * the workbooks, needs only the contracts.
 */
export function workbookContext(input: ReconcileInput, result: ReconcileResult, options: WorkbookOptions = DEFAULT_WORKBOOK_OPTIONS): WorkbookContext {
  let entryPositions: ReadonlyMap<string, number> | null = null;
  let tallies: EntryTallies | null = null;
  const tallied = (): EntryTallies => (tallies ??= tallyEntries(result));
  return {
    input,
    result,
    options,
    contracts: new Map(input.contracts.map((contract) => [contract.id, contract])),
    get entryPositions() {
      entryPositions ??= positionsById(input.entries);
      return entryPositions;
    },
    get notCovered() {
      return tallied().notCovered;
    },
    get entryCounts() {
      return tallied().entryCounts;
    },
  };
}

/** The contract's terms for a result (the engine returns one result per input contract). */
export function termsOf(context: WorkbookContext, result: ContractResult): Contract {
  const contract = context.contracts.get(result.id);
  if (contract === undefined) throw new Error(`result for unknown contract ${result.id}`);
  return contract;
}

/** The entry an id names (every entry result comes from an input entry). */
export function entryOf(context: WorkbookContext, id: string): Entry {
  const position = context.entryPositions.get(id);
  if (position === undefined) throw new Error(`result for unknown entry ${id}`);
  return context.input.entries[position] as Entry;
}

/** Customers in name order (code points, as the engine orders ids), each with its contracts. */
export function customerGroups(result: ReconcileResult): CustomerGroup[] {
  const groups = new Map<string, ContractResult[]>();
  for (const contract of result.contracts) {
    const list = groups.get(contract.customer);
    if (list) list.push(contract);
    else groups.set(contract.customer, [contract]);
  }
  return [...groups.keys()].sort(compareCodePoints).map((customer) => ({ customer, contracts: groups.get(customer) ?? [] }));
}

// SPEC §4: which contract an entry belongs to — its `contract_id`, else the
// customer's only contract active on the entry's date.
import type { Contract, Entry } from './model';
import { normaliseName } from './ordering';

/** A contract with its dates as day numbers, as the engine works with it. */
export interface DatedContract {
  readonly contract: Contract;
  /** Its place in id order: the index into the engine's per-contract arrays. */
  readonly ordinal: number;
  readonly startDay: number;
  readonly endDay: number | null;
}

/** The contract id an entry names (trimmed), or '' when it names none and is matched by its customer. */
export function namedContractId(entry: Entry): string {
  return entry.contractId === null ? '' : entry.contractId.trim();
}

/** Finds contracts by id and by customer. */
export class ContractMatcher {
  private readonly byId = new Map<string, DatedContract>();
  private readonly byCustomer = new Map<string, DatedContract[]>();

  constructor(contracts: readonly DatedContract[]) {
    for (const dated of contracts) {
      this.byId.set(dated.contract.id, dated);
      const key = normaliseName(dated.contract.customer);
      const list = this.byCustomer.get(key);
      if (list) list.push(dated);
      else this.byCustomer.set(key, [dated]);
    }
  }

  /** The contract with this id, if any. */
  get(id: string): DatedContract | undefined {
    return this.byId.get(id);
  }

  /** The entry's contract, or why it has none (SPEC §4 "unmatched" reasons); allocation-free for speed. */
  match(entry: Entry, day: number): DatedContract | string {
    const id = namedContractId(entry);
    if (id !== '') return this.byId.get(id) ?? 'unknown contract id';
    // Counted in a loop rather than filtered into a new array: no garbage per entry.
    let found: DatedContract | null = null;
    for (const dated of this.byCustomer.get(normaliseName(entry.customer)) ?? []) {
      if (dated.startDay > day || (dated.endDay !== null && day > dated.endDay)) continue;
      if (found !== null) return 'more than one candidate contract';
      found = dated;
    }
    return found ?? 'no contract';
  }
}

// The engine: a pure function of (contracts, additions, entries, as-of) that
// recomputes every contract's balance (SPEC §3–§7). Input row order never
// changes a result: everything is put in SPEC order first.
import type { Addition, Contract, Entry, ReconcileInput } from './model';
import type { ContractResult, EntryResult, EntryStatus, Lot, ReconcileResult } from './result';
import { dayOf, isoOf } from './dates';
import { allowanceGrants } from './periods';
import { consumedUnits, notCoveredReason } from './coverage';
import { ContractMatcher, type DatedContract } from './matching';
import { compareCodePoints, sortByCodePoints } from './ordering';
import { runContractLedger, type EntrySplit, type LedgerAddition, type LedgerEntry } from './contract-ledger';
import { contractStatuses, usedPctTenths, variance } from './statuses';

interface CoveredEntry {
  readonly entry: Entry;
  readonly day: number;
  readonly resultIndex: number;
}

/** Recomputes every contract and allocates every entry dated on or before as-of. */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const asOfDay = dayOf(input.asOf);
  const contracts = sortByCodePoints([...input.contracts], (contract) => contract.id).map(
    (contract): DatedContract => ({ contract, startDay: dayOf(contract.start), endDay: contract.end === null ? null : dayOf(contract.end) }),
  );
  const matcher = new ContractMatcher(contracts);
  const covered = new Map<DatedContract, CoveredEntry[]>(contracts.map((dated) => [dated, []]));

  const entries = sortByCodePoints(
    input.entries.filter((entry) => entry.date <= input.asOf),
    (entry) => entry.id,
  );
  const results: EntryResult[] = new Array(entries.length);
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Entry;
    if (index > 0 && (entries[index - 1] as Entry).id === entry.id) throw new Error(`duplicate entry id ${entry.id}`);
    const day = dayOf(entry.date);
    const match = matcher.match(entry, day);
    if (!match.matched) {
      results[index] = excluded(entry.id, null, 'unmatched', match.reason);
      continue;
    }
    const { contract, startDay, endDay } = match.contract;
    const reason = notCoveredReason(contract, entry, day, startDay, endDay);
    if (reason !== null) results[index] = excluded(entry.id, contract.id, 'not_covered', reason);
    else (covered.get(match.contract) as CoveredEntry[]).push({ entry, day, resultIndex: index });
  }

  const additions = additionsByContract(input.additions, matcher);
  const contractResults = contracts.map((dated) =>
    reconcileContract(dated, asOfDay, input.asOf, additions.get(dated.contract.id) ?? [], covered.get(dated) as CoveredEntry[], results),
  );
  return { asOf: input.asOf, contracts: contractResults, entries: results };
}

function reconcileContract(
  dated: DatedContract,
  asOfDay: number,
  asOf: string,
  additions: readonly Addition[],
  entries: CoveredEntry[],
  results: EntryResult[],
): ContractResult {
  const { contract, startDay, endDay } = dated;
  // SPEC §10: a contract that starts after as-of has no months, balance 0, no statuses.
  if (startDay > asOfDay) {
    return { id: contract.id, customer: contract.customer, unit: contract.unit, balance: 0, usedPctTenths: null, status: [], variance: variance(contract, [], asOf), cap: null, months: [], lots: [], ledger: [] };
  }
  // Entries arrive in id order; a stable sort by date gives SPEC §3's same-day order.
  entries.sort((a, b) => a.day - b.day);
  const ledgerEntries = ledgerUnits(contract, entries);
  const ledger = runContractLedger(
    contract,
    startDay,
    endDay,
    asOfDay,
    allowanceGrants(contract, asOfDay),
    ledgerAdditions(additions, startDay, endDay),
    ledgerEntries,
    (position: number, split: EntrySplit) => {
      const covered = entries[position] as CoveredEntry;
      const units = (ledgerEntries[position] as LedgerEntry).units;
      results[covered.resultIndex] = { id: covered.entry.id, contractId: contract.id, units, ...split, status: entryStatus(units, split), reason: null };
    },
  );
  const usedTenths = usedPctTenths(ledger.snapshot);
  return {
    id: contract.id,
    customer: contract.customer,
    unit: contract.unit,
    balance: ledger.balance,
    usedPctTenths: usedTenths,
    status: contractStatuses(contract, ledger.snapshot, usedTenths, ledger.balance, endDay, asOfDay),
    variance: variance(contract, ledger.ledger, asOf),
    cap: ledger.snapshot.cap,
    months: ledger.months,
    lots: ledger.lots.map(
      (lot): Lot => ({ index: lot.index, kind: lot.kind, date: isoOf(lot.day), size: lot.size, expires: lot.expires === null ? null : isoOf(lot.expires), left: lot.left, reference: lot.reference, price: lot.price }),
    ),
    ledger: ledger.ledger,
  };
}

// SPEC §4: incidents count 1 for the first covered entry of a ticket (an entry
// without a ticket is its own incident), in processing order — a held first
// entry still opens its incident (§10).
function ledgerUnits(contract: Contract, entries: readonly CoveredEntry[]): LedgerEntry[] {
  if (contract.unit !== 'incidents') return entries.map(({ entry, day }) => ({ id: entry.id, day, units: consumedUnits(contract, entry) }));
  const openedTickets = new Set<string>();
  return entries.map(({ entry, day }) => {
    const ticket = entry.ticket.trim();
    const first = ticket === '' || !openedTickets.has(ticket);
    openedTickets.add(ticket);
    return { id: entry.id, day, units: first ? 100 : 0 };
  });
}

function entryStatus(units: number, split: EntrySplit): EntryStatus {
  if (units > 0 && split.applied === 0) return split.held > 0 ? 'held' : 'overage';
  return split.overage > 0 || split.held > 0 ? 'partial' : 'applied';
}

function excluded(id: string, contractId: string | null, status: EntryStatus, reason: string): EntryResult {
  return { id, contractId, units: 0, applied: 0, overage: 0, held: 0, status, reason };
}

function additionsByContract(additions: readonly Addition[], matcher: ContractMatcher): Map<string, Addition[]> {
  const grouped = new Map<string, Addition[]>();
  for (const addition of additions) {
    if (!matcher.get(addition.contractId)) throw new Error(`addition for unknown contract ${addition.contractId}`);
    const list = grouped.get(addition.contractId);
    if (list) list.push(addition);
    else grouped.set(addition.contractId, [addition]);
  }
  return grouped;
}

// SPEC §10: an addition dated before `start` takes effect on `start`; its lot
// expires at `expires`, else the contract's end, and never after the end.
// Same-day additions are put in a content order so row order changes nothing.
function ledgerAdditions(additions: readonly Addition[], startDay: number, endDay: number | null): LedgerAddition[] {
  return additions
    .map((addition): LedgerAddition => {
      const expires = addition.expires === null ? endDay : dayOf(addition.expires);
      return {
        day: Math.max(dayOf(addition.date), startDay),
        size: addition.quantity,
        expires: endDay === null ? expires : Math.min(expires ?? endDay, endDay),
        reference: addition.reference,
        price: addition.price,
      };
    })
    .sort(
      (a, b) =>
        a.day - b.day ||
        (a.expires ?? Infinity) - (b.expires ?? Infinity) ||
        a.size - b.size ||
        (a.price ?? -1) - (b.price ?? -1) ||
        compareCodePoints(a.reference, b.reference),
    );
}

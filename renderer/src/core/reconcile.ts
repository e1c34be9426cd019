// The engine: a pure function of (contracts, additions, entries, as-of) that
// recomputes every contract's balance (SPEC §3–§7). Input row order never
// changes a result: everything is put in SPEC order first.
import type { Addition, Contract, Entry, IsoDate, ReconcileInput } from './model';
import type { ContractResult, EntryResult, EntryStatus, LedgerEvent, Lot, ReconcileResult } from './result';
import { dayOf, isoOf, parseIsoDate } from './dates';
import { allowanceGrants } from './periods';
import { consumedUnits, notCoveredReason } from './coverage';
import { ContractMatcher, type DatedContract } from './matching';
import { compareCodePoints, sortById } from './ordering';
import { runContractLedger, type CoveredEntries, type EntrySplitSink, type LedgerAddition } from './contract-ledger';
import { EntryTrailStore } from './ledger-trail';
import { contractStatuses, usedPctTenths, variance } from './statuses';

/** Recomputes every contract and allocates every entry dated on or before as-of. */
export function reconcile(input: ReconcileInput): ReconcileResult {
  const asOfDay = dayOf(input.asOf);
  const contracts = sortById(input.contracts.map(sameShape)).map(
    (contract, ordinal): DatedContract => ({ contract, ordinal, startDay: dayOf(contract.start), endDay: contract.end === null ? null : dayOf(contract.end) }),
  );
  const matcher = new ContractMatcher(contracts);

  // Exports usually come in id order with nothing after as-of: then the input
  // itself is used, checked as it is read, and only otherwise copied and sorted.
  const matched =
    matchEntries(input.entries, input.asOf, matcher, false) ?? (matchEntries(sortById(input.entries.filter((entry) => entry.date <= input.asOf)), input.asOf, matcher, true) as MatchedEntries);
  const { entries, days, contractOf, results, firstDay, lastDay } = matched;

  const sorted = input.allocationOrder === 'entered' ? enteredOrder(contracts, asOfDay, entries, days, contractOf) : processingOrder(days, contractOf, firstDay, lastDay);
  const { orders, orderDays } = groupByContract(sorted, contractOf, days, contracts.length);
  const units = matched.units.values;
  contracts.forEach((dated, index) => {
    if (dated.contract.unit === 'incidents') incidentUnits(entries, orders[index] as Int32Array, units);
  });
  const trail = new EntryTrailStore(units);
  const additions = additionsByContract(input.additions, matcher);
  const splits = new EntrySplits(units);
  let covered = false;
  const entryResults = (): EntryResult[] => {
    if (!covered) coveredResults(entries, contracts, contractOf, units, splits, results);
    covered = true;
    return results;
  };
  const contractResults = contracts.map((dated, index) =>
    reconcileContract(dated, asOfDay, input.asOf, additions.get(dated.contract.id) ?? [], { order: orders[index] as Int32Array, orderDay: orderDays[index] as Int32Array, day: days, units, trail }, splits.sink, entryResults),
  );
  return {
    asOf: input.asOf,
    contracts: contractResults,
    // A million entries make a million result objects, which the contracts
    // screen never reads: they are made when first read (issue 5, first grid
    // within 2 s). An own enumerable getter, so copies, comparisons and JSON still see them.
    get entries() {
      return entryResults();
    },
  };
}

/**
 * How each covered entry was split, by entry index, while the ledgers run.
 * The result objects are made afterwards in id order: made in processing
 * order they were written all over the results and read every entry at random.
 * One column is enough (SPEC §5): applied + overage + held is the entry's
 * units, and an entry has overage only under `bill` and is held only under
 * the other policies, so what was not applied is one or the other by policy.
 */
class EntrySplits {
  /** The units each entry did not apply: its overage under `bill`, else what was held. */
  readonly unapplied: Int32Array | Float64Array;
  readonly sink: EntrySplitSink;

  /** A column of the units' own kind: no part is larger than its entry's units. */
  constructor(units: Int32Array | Float64Array) {
    const unapplied = (this.unapplied = units instanceof Int32Array ? new Int32Array(units.length) : new Float64Array(units.length));
    this.sink = (index, _applied, overage, held) => {
      unapplied[index] = overage + held;
    };
  }
}

// Every covered entry has been drawn: its day lies within its contract's run up to as-of.
function coveredResults(entries: readonly Entry[], contracts: readonly DatedContract[], contractOf: Int32Array, units: Int32Array | Float64Array, splits: EntrySplits, results: EntryResult[]): void {
  const { unapplied } = splits;
  for (let index = 0; index < entries.length; index++) {
    const ordinal = contractOf[index] as number;
    if (ordinal < 0) continue;
    const { contract } = contracts[ordinal] as DatedContract;
    const consumed = units[index] as number;
    const rest = unapplied[index] as number;
    const entryApplied = consumed - rest;
    const entryOverage = contract.overage === 'bill' ? rest : 0;
    const entryHeld = contract.overage === 'bill' ? 0 : rest;
    results[index] = {
      id: (entries[index] as Entry).id,
      contractId: contract.id,
      units: consumed,
      applied: entryApplied,
      overage: entryOverage,
      held: entryHeld,
      status: entryStatus(consumed, entryApplied, entryOverage, entryHeld),
      reason: null,
    };
  }
}

/** The entries in id order, each matched to its contract (SPEC §4), by entry index. */
interface MatchedEntries {
  readonly entries: readonly Entry[];
  readonly days: Int32Array;
  /** The covered entries' contract ordinals; -1 for the others, whose results are made already. */
  readonly contractOf: Int32Array;
  /** Hours and amounts are worked out here, reading the entries in order; incidents need processing order. */
  readonly units: UnitColumn;
  readonly results: EntryResult[];
  /** The first and last day of a covered entry. */
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * Matches the entries, which must be in strict id order and dated on or
 * before as-of: one pass reads each entry once, a million objects that are
 * slow to reach. Unless `checked` (already filtered and sorted), null as soon
 * as an entry breaks that, for the caller to pass a sorted copy; in that copy
 * only a repeated id can, and it throws.
 */
function matchEntries(entries: readonly Entry[], asOf: IsoDate, matcher: ContractMatcher, checked: boolean): MatchedEntries | null {
  const days = new Int32Array(entries.length);
  const contractOf = new Int32Array(entries.length).fill(-1);
  const units = new UnitColumn(entries.length);
  const results: EntryResult[] = new Array(entries.length);
  // Entries share one date string per day (the typer and the sample both
  // memoise them), so a Map hit is cheaper than parsing or comparing a million dates.
  const dayByDate = new Map<string, number>();
  const dayOfDate = (date: string): number => {
    let day = dayByDate.get(date);
    if (day === undefined) dayByDate.set(date, (day = date > asOf ? UNUSABLE_DATE : (parseIsoDate(date) ?? UNUSABLE_DATE)));
    return day;
  };
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Entry;
    if (index > 0 && compareCodePoints((entries[index - 1] as Entry).id, entry.id) >= 0) {
      if (!checked) return null;
      throw new Error(`duplicate entry id ${entry.id}`);
    }
    let day = dayOfDate(entry.date);
    if (day === UNUSABLE_DATE) {
      // After as-of, or not a date: the filtered copy drops the one and reports the other, as dayOf does.
      if (!checked) return null;
      day = dayOf(entry.date);
    }
    days[index] = day;
    const match = matcher.match(entry, day);
    if (typeof match === 'string') {
      results[index] = excluded(entry.id, null, 'unmatched', match);
      continue;
    }
    const reason = notCoveredReason(match.contract, entry, day, match.startDay, match.endDay);
    if (reason !== null) results[index] = excluded(entry.id, match.contract.id, 'not_covered', reason);
    else {
      contractOf[index] = match.ordinal;
      if (match.contract.unit !== 'incidents') units.set(index, consumedUnits(match.contract, entry));
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
  }
  return { entries, days, contractOf, units, results, firstDay, lastDay };
}

/** Stands for a date after as-of or not a date (a day number is finite). */
const UNUSABLE_DATE = Infinity;

/**
 * The covered entries in SPEC §3 order — by date, then id — with one counting
 * sort by day: entries are already in id order, so placing them stably into
 * day buckets orders them in linear time.
 */
function processingOrder(days: Int32Array, contractOf: Int32Array, firstDay: number, lastDay: number): Int32Array {
  if (firstDay > lastDay) return new Int32Array(0);
  const starts = new Int32Array(lastDay - firstDay + 2);
  for (let index = 0; index < contractOf.length; index++) if ((contractOf[index] as number) >= 0) (starts[(days[index] as number) - firstDay + 1] as number)++;
  for (let bucket = 1; bucket < starts.length; bucket++) starts[bucket] = (starts[bucket] as number) + (starts[bucket - 1] as number);
  const sorted = new Int32Array(starts[starts.length - 1] as number);
  for (let index = 0; index < contractOf.length; index++) {
    if ((contractOf[index] as number) >= 0) sorted[(starts[(days[index] as number) - firstDay] as number)++] = index;
  }
  return sorted;
}

/**
 * Each contract's entries out of the ordered list, as views of one array: a
 * stable counting sort by contract keeps each contract's processing order and
 * allocates no list per contract. Their days come alongside, position by
 * position, so the ledger reads them in step rather than at random by index.
 */
function groupByContract(sorted: Int32Array, contractOf: Int32Array, days: Int32Array, contractCount: number): { orders: Int32Array[]; orderDays: Int32Array[] } {
  const starts = new Int32Array(contractCount + 1);
  for (let at = 0; at < sorted.length; at++) (starts[(contractOf[sorted[at] as number] as number) + 1] as number)++;
  for (let contract = 1; contract <= contractCount; contract++) starts[contract] = (starts[contract] as number) + (starts[contract - 1] as number);
  const grouped = new Int32Array(sorted.length);
  const groupedDays = new Int32Array(sorted.length);
  const next = starts.slice(0, contractCount);
  for (let at = 0; at < sorted.length; at++) {
    const index = sorted[at] as number;
    const position = (next[contractOf[index] as number] as number)++;
    grouped[position] = index;
    groupedDays[position] = days[index] as number;
  }
  const orders: Int32Array[] = [];
  const orderDays: Int32Array[] = [];
  for (let contract = 0; contract < contractCount; contract++) {
    orders.push(grouped.subarray(starts[contract] as number, starts[contract + 1] as number));
    orderDays.push(groupedDays.subarray(starts[contract] as number, starts[contract + 1] as number));
  }
  return { orders, orderDays };
}

/**
 * The covered entries in the order they were entered (then id), with their
 * ledger day moved to the day they were entered: a replay of a source that
 * draws time down as it is keyed in. Coverage still looks at the work date.
 */
function enteredOrder(contracts: readonly DatedContract[], asOfDay: number, entries: readonly Entry[], days: Int32Array, contractOf: Int32Array): Int32Array {
  const enteredAt = entries.map((entry) => entry.entered ?? entry.date);
  const covered: number[] = [];
  for (let index = 0; index < entries.length; index++) if ((contractOf[index] as number) >= 0) covered.push(index);
  covered.sort((a, b) => compareCodePoints(enteredAt[a] as string, enteredAt[b] as string) || a - b);
  for (const index of covered) {
    const { startDay, endDay } = contracts[contractOf[index] as number] as DatedContract;
    const horizon = endDay === null ? asOfDay : Math.min(endDay, asOfDay);
    // Clamped into the contract's run so every covered entry is drawn once; clamping keeps the order sorted.
    days[index] = Math.min(Math.max(dayOf((enteredAt[index] as string).slice(0, 10)), startDay), horizon);
  }
  return Int32Array.from(covered);
}

function reconcileContract(
  dated: DatedContract,
  asOfDay: number,
  asOf: string,
  additions: readonly Addition[],
  covered: CoveredEntries,
  onEntry: EntrySplitSink,
  entryResults: () => readonly EntryResult[],
): ContractResult {
  const { contract, startDay, endDay } = dated;
  // SPEC §10: a contract that starts after as-of has no months, balance 0, no statuses.
  if (startDay > asOfDay) {
    return { id: contract.id, customer: contract.customer, unit: contract.unit, balance: 0, usedPctTenths: null, status: [], variance: variance(contract, () => 0, asOf), cap: null, months: [], lots: [], ledger: [] };
  }
  const ledger = runContractLedger(contract, startDay, endDay, asOfDay, allowanceGrants(contract, asOfDay), ledgerAdditions(additions, startDay, endDay), covered, onEntry);
  // Closures below keep only the trail: one that named the whole ledger would keep its live lots and
  // snapshot with the result, objects V8 would copy at every young collection instead of dropping.
  const { trail } = ledger;
  const usedTenths = usedPctTenths(ledger.snapshot);
  let events: LedgerEvent[] | null = null;
  return {
    id: contract.id,
    customer: contract.customer,
    unit: contract.unit,
    balance: ledger.balance,
    usedPctTenths: usedTenths,
    status: contractStatuses(contract, ledger.snapshot, usedTenths, ledger.balance, endDay, asOfDay),
    variance: variance(contract, (date) => trail.balanceAtEndOf(date), asOf),
    cap: ledger.snapshot.cap,
    months: ledger.months,
    lots: ledger.lots.map(
      (lot): Lot => ({ index: lot.index, kind: lot.kind, date: isoOf(lot.day), size: lot.size, expires: lot.expires === null ? null : isoOf(lot.expires), left: lot.left, reference: lot.reference, price: lot.price }),
    ),
    // The trail becomes objects only when read (reports, the detail screen), once;
    // an own enumerable getter, so copies, comparisons and JSON still see it.
    get ledger() {
      if (events === null) {
        const results = entryResults();
        events = trail.materialise((index) => results[index] as EntryResult);
      }
      return events;
    },
  };
}

// SPEC §4: incidents count 1 for the first covered entry of a ticket (an entry
// without a ticket is its own incident), in processing order — a held first
// entry still opens its incident (§10).
function incidentUnits(entries: readonly Entry[], order: Int32Array, units: Int32Array | Float64Array): void {
  const openedTickets = new Set<string>();
  for (const index of order) {
    const ticket = (entries[index] as Entry).ticket.trim();
    units[index] = ticket === '' || !openedTickets.has(ticket) ? 100 : 0;
    openedTickets.add(ticket);
  }
}

/**
 * Units by entry index: an Int32Array while every value fits (they always do
 * short of $21 million on one entry), widened once to a Float64Array if one
 * does not. V8 keeps integers read from an Int32Array as small integers all
 * the way into the result objects, while numbers read from a Float64Array are
 * boxed on every store: a third of the engine's garbage. Written straight
 * into the narrow column, not narrowed from a wide one afterwards: typed-array
 * memory is what makes V8 start a full collection (past 64 MB allocated since
 * the last one), and the wide copy was 8 MB of it.
 */
class UnitColumn {
  values: Int32Array | Float64Array;

  constructor(length: number) {
    this.values = new Int32Array(length);
  }

  /** Sets one entry's units, widening the column first when they do not fit 32 bits. */
  set(index: number, units: number): void {
    if (units !== (units | 0) && this.values instanceof Int32Array) this.values = Float64Array.from(this.values);
    this.values[index] = units;
  }
}

function entryStatus(units: number, applied: number, overage: number, held: number): EntryStatus {
  if (units > 0 && applied === 0) return held > 0 ? 'held' : 'overage';
  return overage > 0 || held > 0 ? 'partial' : 'applied';
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

/**
 * The contract with its fields in one fixed order. Contracts built by
 * different code paths (spreads, templates) have many hidden classes, which
 * makes every contract field read in the per-entry loops a megamorphic
 * lookup; copies made by one literal share one. A field missing here is a
 * type error, so the copy stays complete.
 */
function sameShape(contract: Contract): Contract {
  return {
    id: contract.id,
    customer: contract.customer,
    name: contract.name,
    unit: contract.unit,
    start: contract.start,
    end: contract.end,
    allowance: contract.allowance,
    period: contract.period,
    anchor: contract.anchor,
    prorate: contract.prorate,
    carryover: contract.carryover,
    carryoverDays: contract.carryoverDays,
    overage: contract.overage,
    overrunLimitPct: contract.overrunLimitPct,
    overrunLimit: contract.overrunLimit,
    warningPct: contract.warningPct,
    lowBalance: contract.lowBalance,
    rebillBelow: contract.rebillBelow,
    rebillQuantity: contract.rebillQuantity,
    rate: contract.rate,
    roleRates: contract.roleRates,
    roleFactors: contract.roleFactors,
    excludedWorkTypes: contract.excludedWorkTypes,
    roundMinutes: contract.roundMinutes,
    minimumMinutes: contract.minimumMinutes,
    coversExpenses: contract.coversExpenses,
    price: contract.price,
    reportedBalance: contract.reportedBalance,
    reportedAsOf: contract.reportedAsOf,
  };
}

// Why a recomputed balance differs from the one the PSA reports (issue 6).
// Method: start from Blockledger's balance at the reported date, then replay
// the same engine once per known source behaviour (a counterfactual), in a
// fixed order, each on top of those already accepted. A behaviour that brings
// the balance closer to the reported one is accepted and the change it makes
// is attributed to it, with the entries behind it; what is left is shown as
// unexplained, never hidden. SPEC §7: variance = recomputed − reported.
import type { Addition, AllocationOrder, Contract, Entry, ExactDecimal, IsoDate } from '../model';
import type { ContractResult, ReconcileResult } from '../result';
import { reconcile } from '../reconcile';
import { compareCodePoints, normaliseName } from '../ordering';
import type { CauseCode, Explanation, VarianceReport } from './audit-types';
import { countText, listText, quantityText, rateText } from './audit-words';

interface Scenario {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
  readonly order: AllocationOrder;
}

interface Replay {
  readonly scenario: Scenario;
  readonly result: ReconcileResult;
  readonly contract: ContractResult;
}

interface Counterfactual {
  readonly cause: CauseCode;
  /** The changed scenario and the entries it concerns, or null when the behaviour cannot apply here. */
  readonly apply: (current: Replay) => { scenario: Scenario; entryIds: readonly string[] } | null;
  readonly sentence: (entryIds: readonly string[]) => string;
}

function sortedIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort(compareCodePoints);
}

function entriesText(ids: readonly string[]): string {
  return `${countText(ids.length, 'entry', 'entries')} (${listText(ids)})`;
}

/** Entries the replay applied to (or matched and left uncovered on) the contract. */
function entriesOf(replay: Replay, id: string, test: (entry: Entry, reason: string | null) => boolean): Entry[] {
  const results = new Map(replay.result.entries.map((result) => [result.id, result]));
  return replay.scenario.entries.filter((entry) => {
    const result = results.get(entry.id);
    return result !== undefined && result.contractId === id && test(entry, result.reason);
  });
}

function replaceEntries(scenario: Scenario, changed: ReadonlyMap<string, Entry | null>): Scenario {
  return { ...scenario, entries: scenario.entries.flatMap((entry) => (changed.has(entry.id) ? (changed.get(entry.id) === null ? [] : [changed.get(entry.id) as Entry]) : [entry])) };
}

function counterfactuals(contract: Contract, reportedAsOf: IsoDate, system: string, entersInOrder: boolean, otherRate: ExactDecimal | null): Counterfactual[] {
  const id = contract.id;
  return [
    {
      cause: 'pending',
      apply: (current) => {
        const pending = entriesOf(current, id, (entry) => (entry.entered ?? entry.date).slice(0, 10) > reportedAsOf);
        if (pending.length === 0) return null;
        return { scenario: replaceEntries(current.scenario, new Map(pending.map((entry) => [entry.id, null]))), entryIds: pending.map((entry) => entry.id) };
      },
      sentence: (ids) => `Entered after ${reportedAsOf} though worked on or before it, so not yet in ${system}'s balance of that day: ${entriesText(ids)}.`,
    },
    {
      cause: 'entered-order',
      apply: (current) => {
        if (!entersInOrder || current.scenario.order === 'entered' || !current.scenario.entries.some((entry) => entry.entered)) return null;
        const scenario: Scenario = { ...current.scenario, order: 'entered' };
        const after = replay(scenario, id, current.result.asOf).result;
        const before = new Map(current.result.entries.map((result) => [result.id, result]));
        const moved = after.entries.filter((result) => {
          const old = before.get(result.id);
          return result.contractId === id && old !== undefined && (old.applied !== result.applied || old.overage !== result.overage || old.held !== result.held);
        });
        if (moved.length === 0) return null;
        // The back-dated entries are the cause; the entries whose split changed are the effect. Both are evidence.
        const backDated = entriesOf(current, id, (entry) => entry.entered !== undefined && entry.entered !== null && entry.entered.slice(0, 10) > entry.date);
        return { scenario, entryIds: [...backDated.map((entry) => entry.id), ...moved.map((result) => result.id)] };
      },
      sentence: (ids) => `${system} applies time in the order it was entered, not the order it was worked; replayed that way, back-dated entries change what the block covers: ${entriesText(ids)}.`,
    },
    {
      cause: 'no-charge',
      apply: (current) => {
        const found = entriesOf(current, id, (entry) => entry.billable !== 'billable');
        if (found.length === 0) return null;
        return { scenario: replaceEntries(current.scenario, new Map(found.map((entry) => [entry.id, { ...entry, billable: 'billable' as const }]))), entryIds: found.map((entry) => entry.id) };
      },
      sentence: (ids) => `Marked no charge or do not bill, which Blockledger leaves out but ${system} drew from the block: ${entriesText(ids)}.`,
    },
    {
      cause: 'outside-dates',
      apply: (current) => {
        const found = entriesOf(current, id, (_entry, reason) => reason !== null && reason.startsWith('date outside'));
        if (found.length === 0) return null;
        const inside = (entry: Entry): Entry => ({ ...entry, date: entry.date < contract.start ? contract.start : (contract.end ?? entry.date) });
        return { scenario: replaceEntries(current.scenario, new Map(found.map((entry) => [entry.id, inside(entry)]))), entryIds: found.map((entry) => entry.id) };
      },
      sentence: (ids) => `Dated outside the contract's dates (${contract.start} to ${contract.end ?? 'open-ended'}), which Blockledger does not cover but ${system} applied: ${entriesText(ids)}.`,
    },
    {
      cause: 'other-agreement',
      apply: (current) => {
        const found = entriesOf(current, id, (entry) => entry.contractId === null);
        if (found.length === 0) return null;
        return { scenario: replaceEntries(current.scenario, new Map(found.map((entry) => [entry.id, null]))), entryIds: found.map((entry) => entry.id) };
      },
      sentence: (ids) => `Without an agreement in the export, matched to this contract by customer in Blockledger but kept off it by ${system}: ${entriesText(ids)}.`,
    },
    {
      // A dollar deposit whose time the source valued at the paired system's rate (seed 001: the bill-code rate should match the work-role rate).
      cause: 'rate',
      apply: (current) => {
        if (contract.unit !== 'amount' || otherRate === null) return null;
        const found = entriesOf(current, id, (entry, reason) => reason === null && entry.hours > 0);
        if (found.length === 0) return null;
        const contracts = current.scenario.contracts.map((candidate) => (candidate.id === id ? { ...candidate, rate: otherRate, roleRates: [] } : candidate));
        return { scenario: { ...current.scenario, contracts }, entryIds: found.map((entry) => entry.id) };
      },
      sentence: (ids) => `${system} valued the time at ${otherRate === null ? 'another rate' : rateText(otherRate)}, the rate of the paired contract, not ${contract.rate === null ? 'the work-role rates' : rateText(contract.rate)}: ${entriesText(ids)}.`,
    },
    {
      cause: 'rounding',
      apply: (current) => {
        if (contract.roundMinutes === null && contract.minimumMinutes === null) return null;
        const found = entriesOf(current, id, (entry) => entry.hours > 0);
        const contracts = current.scenario.contracts.map((candidate) => (candidate.id === id ? { ...candidate, roundMinutes: null, minimumMinutes: null } : candidate));
        return { scenario: { ...current.scenario, contracts }, entryIds: found.map((entry) => entry.id) };
      },
      sentence: (ids) => `Not rounded up by ${system} to the contract's rounding or minimum minutes: ${entriesText(ids)}.`,
    },
    {
      cause: 'expiry',
      apply: (current) => {
        if (!current.contract.ledger.some((event) => event.kind === 'expiry' && event.units > 0) || contract.period === 'once') return null;
        const contracts = current.scenario.contracts.map((candidate) => (candidate.id === id ? { ...candidate, carryover: true, carryoverDays: null } : candidate));
        return { scenario: { ...current.scenario, contracts }, entryIds: [] };
      },
      sentence: () => `${system} has not expired unused allowance that Blockledger expired at period ends.`,
    },
  ];
}

function replay(scenario: Scenario, id: string, asOf: IsoDate): Replay {
  const result = reconcile({ contracts: scenario.contracts, additions: scenario.additions, entries: scenario.entries, asOf, allocationOrder: scenario.order });
  return { scenario, result, contract: result.contracts.find((candidate) => candidate.id === id) as ContractResult };
}

/** The portfolio one side of the audit replays. */
export interface SidePortfolio {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
}

/** Explains the variance of one contract with a reported balance; null without one, or when it is dated after as-of (SPEC §10). */
export function explainVariance(side: VarianceReport['side'], system: string, contract: Contract, portfolio: SidePortfolio, asOf: IsoDate, otherRate: ExactDecimal | null): VarianceReport | null {
  if (contract.reportedBalance === null) return null;
  const reportedAsOf = contract.reportedAsOf ?? asOf;
  if (reportedAsOf > asOf) return null;
  const reported = contract.reportedBalance;
  // Only the customer's contracts can take its entries (SPEC §4 matching), so the replays stay small.
  const customer = normaliseName(contract.customer);
  const contracts = portfolio.contracts.filter((candidate) => normaliseName(candidate.customer) === customer);
  const ids = new Set(contracts.map((candidate) => candidate.id));
  const scenario: Scenario = {
    contracts,
    additions: portfolio.additions.filter((addition) => ids.has(addition.contractId)),
    entries: portfolio.entries.filter((entry) => (entry.contractId === null ? normaliseName(entry.customer) === customer : ids.has(entry.contractId))),
    order: 'worked',
  };
  let current = replay(scenario, contract.id, reportedAsOf);
  const recomputed = current.contract.balance;
  const explanations: (Explanation & { rank: number })[] = [];
  counterfactuals(contract, reportedAsOf, system, side === 'source', otherRate).forEach((candidate, rank) => {
    const change = candidate.apply(current);
    if (change === null) return;
    const next = replay(change.scenario, contract.id, reportedAsOf);
    const closer = Math.abs(next.contract.balance - reported) < Math.abs(current.contract.balance - reported);
    if (!closer) return;
    const units = current.contract.balance - next.contract.balance;
    const entryIds = sortedIds(change.entryIds);
    explanations.push({ cause: candidate.cause, units, sentence: `${candidate.sentence(entryIds)} This accounts for ${quantityText(units, contract.unit)} of the variance.`, entryIds, rank });
    current = next;
  });
  explanations.sort((a, b) => Math.abs(b.units) - Math.abs(a.units) || a.rank - b.rank);
  return {
    side,
    contractId: contract.id,
    customer: contract.customer,
    unit: contract.unit,
    reportedAsOf,
    reported,
    recomputed,
    variance: recomputed - reported,
    explanations: explanations.map(({ rank: _rank, ...explanation }) => explanation),
    unexplained: current.contract.balance - reported,
  };
}

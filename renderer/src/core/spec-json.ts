// The machine-readable result of `reconcile --json` (SPEC §8): only its
// fields, hundredths as decimals with at most two places, used % with one.
import { centiToNumber } from './numbers';
import { sortById } from './ordering';
import type { ContractResult, EntryResult, MonthRow, ReconcileResult } from './result';

export interface SpecMonth {
  readonly start: string;
  readonly end: string;
  readonly opening: number;
  readonly granted: number;
  readonly purchased: number;
  readonly used: number;
  readonly expired: number;
  readonly settled: number;
  readonly closing: number;
  readonly overage: number;
  readonly held: number;
}

export interface SpecContract {
  readonly id: string;
  readonly customer: string;
  readonly unit: string;
  readonly balance: number;
  readonly usedPct: number | null;
  readonly status: readonly string[];
  readonly variance: number | null;
  readonly months: readonly SpecMonth[];
}

export interface SpecEntry {
  readonly id: string;
  readonly contractId: string | null;
  readonly units: number;
  readonly applied: number;
  readonly overage: number;
  readonly held: number;
  readonly status: string;
  readonly reason: string | null;
}

export interface SpecResult {
  readonly asOf: string;
  readonly contracts: readonly SpecContract[];
  readonly entries: readonly SpecEntry[];
}

function specMonth(month: MonthRow): SpecMonth {
  return {
    start: month.start,
    end: month.end,
    opening: centiToNumber(month.opening),
    granted: centiToNumber(month.granted),
    purchased: centiToNumber(month.purchased),
    used: centiToNumber(month.used),
    expired: centiToNumber(month.expired),
    settled: centiToNumber(month.settled),
    closing: centiToNumber(month.closing),
    overage: centiToNumber(month.overage),
    held: centiToNumber(month.held),
  };
}

function specContract(contract: ContractResult): SpecContract {
  return {
    id: contract.id,
    customer: contract.customer,
    unit: contract.unit,
    balance: centiToNumber(contract.balance),
    // Tenths / 10 is the double nearest the one-decimal value, so JSON writes `66.7`.
    usedPct: contract.usedPctTenths === null ? null : contract.usedPctTenths / 10,
    status: [...contract.status].sort(),
    variance: contract.variance === null ? null : centiToNumber(contract.variance),
    months: contract.months.map(specMonth),
  };
}

function specEntry(entry: EntryResult): SpecEntry {
  return {
    id: entry.id,
    contractId: entry.contractId,
    units: centiToNumber(entry.units),
    applied: centiToNumber(entry.applied),
    overage: centiToNumber(entry.overage),
    held: centiToNumber(entry.held),
    status: entry.status,
    reason: entry.reason,
  };
}

/** The SPEC §8 object of a result: contracts and entries in id order (code points), months as the engine dates them. */
export function toSpecJson(result: ReconcileResult): SpecResult {
  // The engine already returns id order; sortById only checks that then.
  const contracts = sortById([...result.contracts]);
  const entries = sortById([...result.entries]);
  return { asOf: result.asOf, contracts: contracts.map(specContract), entries: entries.map(specEntry) };
}

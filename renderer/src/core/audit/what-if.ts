// The semantic what-if (issue 6): the same history replayed by the same
// engine under the ConnectWise terms and under the e-automate terms each
// agreement was migrated to, month by month, with the money difference in
// integer cents. The e-automate replay takes each entry to the contract paired
// with the agreement the ConnectWise replay applied it to, so both replays
// agree on which work belongs to which contract.
import type { Addition, Centi, Contract, Entry, ExactDecimal, IsoDate, Unit } from '../model';
import type { ContractResult, MonthRow, ReconcileResult } from '../result';
import { reconcile } from '../reconcile';
import { powerOfTen, roundRatio } from '../numbers';
import { compareCodePoints } from '../ordering';
import type { Pair, WhatIf, WhatIfMonth, WhatIfPair, WhatIfSide, WhatIfTotal } from './audit-types';

/** Cents of `units` of a contract: amounts are cents already, hours are valued at the rate (rounded once); null when there is no rate. */
export function unitsToCents(units: Centi, unit: Unit, rate: ExactDecimal | null): Centi | null {
  if (unit === 'amount') return units;
  if (unit === 'incidents' || rate === null) return null;
  return roundRatio(units * rate.units, powerOfTen(rate.scale));
}

const ZERO_TOTAL: WhatIfTotal = { sourceOverageCents: 0, targetOverageCents: 0, sourceExpiredCents: 0, targetExpiredCents: 0, billedDifferenceCents: 0, unvalued: 0 };

function addTotals(a: WhatIfTotal, b: WhatIfTotal): WhatIfTotal {
  return {
    sourceOverageCents: a.sourceOverageCents + b.sourceOverageCents,
    targetOverageCents: a.targetOverageCents + b.targetOverageCents,
    sourceExpiredCents: a.sourceExpiredCents + b.sourceExpiredCents,
    targetExpiredCents: a.targetExpiredCents + b.targetExpiredCents,
    billedDifferenceCents: a.billedDifferenceCents + b.billedDifferenceCents,
    unvalued: a.unvalued + b.unvalued,
  };
}

function sideOf(row: MonthRow, contract: Contract): WhatIfSide {
  return {
    closing: row.closing,
    expired: row.expired,
    overage: row.overage,
    overageCents: unitsToCents(row.overage, contract.unit, contract.rate),
    expiredCents: unitsToCents(row.expired, contract.unit, contract.rate),
  };
}

function monthKey(row: MonthRow): IsoDate {
  return `${row.start.slice(0, 7)}-01`;
}

function pairMonths(source: Contract, sourceResult: ContractResult, target: Contract, targetResult: ContractResult, entryIds: ReadonlyMap<IsoDate, readonly string[]>): WhatIfMonth[] {
  const months = new Map<IsoDate, { source: WhatIfSide | null; target: WhatIfSide | null }>();
  for (const row of sourceResult.months) months.set(monthKey(row), { source: sideOf(row, source), target: null });
  for (const row of targetResult.months) {
    const key = monthKey(row);
    months.set(key, { source: months.get(key)?.source ?? null, target: sideOf(row, target) });
  }
  return [...months]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([month, sides]) => {
      const sourceCents = sides.source === null ? 0 : sides.source.overageCents;
      const targetCents = sides.target === null ? 0 : sides.target.overageCents;
      return { month, ...sides, billedDifferenceCents: sourceCents === null || targetCents === null ? null : targetCents - sourceCents, entryIds: entryIds.get(month) ?? [] };
    });
}

function pairTotal(months: readonly WhatIfMonth[]): WhatIfTotal {
  const valued = months.every((month) => month.billedDifferenceCents !== null && month.source?.expiredCents !== null && month.target?.expiredCents !== null);
  if (!valued) return { ...ZERO_TOTAL, unvalued: 1 };
  return months.reduce<WhatIfTotal>(
    (total, month) =>
      addTotals(total, {
        sourceOverageCents: month.source?.overageCents ?? 0,
        targetOverageCents: month.target?.overageCents ?? 0,
        sourceExpiredCents: month.source?.expiredCents ?? 0,
        targetExpiredCents: month.target?.expiredCents ?? 0,
        billedDifferenceCents: month.billedDifferenceCents ?? 0,
        unvalued: 0,
      }),
    ZERO_TOTAL,
  );
}

/** The e-automate replay's input: paired target contracts, with the ConnectWise additions and entries moved onto them. */
export function targetReplayInput(pairs: readonly Pair[], target: readonly Contract[], additions: readonly Addition[], entries: readonly Entry[], sourceResult: ReconcileResult): { contracts: Contract[]; additions: Addition[]; entries: Entry[] } {
  const targetOf = new Map(pairs.map((pair) => [pair.sourceId, pair.targetId]));
  const pairedTargets = new Set(targetOf.values());
  const appliedTo = new Map(sourceResult.entries.map((result) => [result.id, result.contractId]));
  const moved: Entry[] = [];
  for (const entry of entries) {
    const sourceId = appliedTo.get(entry.id);
    const targetId = sourceId === undefined || sourceId === null ? undefined : targetOf.get(sourceId);
    if (targetId !== undefined) moved.push({ ...entry, contractId: targetId });
  }
  return {
    contracts: target.filter((contract) => pairedTargets.has(contract.id)),
    additions: additions.flatMap((addition) => {
      const targetId = targetOf.get(addition.contractId);
      return targetId === undefined ? [] : [{ ...addition, contractId: targetId }];
    }),
    entries: moved,
  };
}

/** Replays every pair under both term sets and totals the money per pair, customer and portfolio. */
export function runWhatIf(pairs: readonly Pair[], source: readonly Contract[], target: readonly Contract[], sourceResult: ReconcileResult, targetInput: ReturnType<typeof targetReplayInput>, asOf: IsoDate): WhatIf {
  const targetResult = reconcile({ ...targetInput, asOf });
  const sourceTerms = new Map(source.map((contract) => [contract.id, contract]));
  const targetTerms = new Map(target.map((contract) => [contract.id, contract]));
  const sourceResults = new Map(sourceResult.contracts.map((result) => [result.id, result]));
  const targetResults = new Map(targetResult.contracts.map((result) => [result.id, result]));
  // The replayed entries, per target contract and month worked, in id order (the target replay holds exactly the entries ConnectWise matched to a paired agreement).
  const entriesByMonth = new Map<string, Map<IsoDate, string[]>>();
  for (const entry of [...targetInput.entries].sort((a, b) => compareCodePoints(a.id, b.id))) {
    const months = entriesByMonth.get(entry.contractId as string) ?? new Map<IsoDate, string[]>();
    entriesByMonth.set(entry.contractId as string, months);
    const key = `${entry.date.slice(0, 7)}-01`;
    months.set(key, [...(months.get(key) ?? []), entry.id]);
  }
  const whatIfPairs: WhatIfPair[] = pairs.map((pair) => {
    const s = sourceTerms.get(pair.sourceId) as Contract;
    const t = targetTerms.get(pair.targetId) as Contract;
    const months = pairMonths(s, sourceResults.get(pair.sourceId) as ContractResult, t, targetResults.get(pair.targetId) as ContractResult, entriesByMonth.get(pair.targetId) ?? new Map());
    return { sourceId: s.id, targetId: t.id, customer: pair.customer, sourceUnit: s.unit, targetUnit: t.unit, months, total: pairTotal(months) };
  });
  const byCustomer = new Map<string, WhatIfTotal>();
  for (const pair of whatIfPairs) byCustomer.set(pair.customer, addTotals(byCustomer.get(pair.customer) ?? ZERO_TOTAL, pair.total));
  return {
    pairs: whatIfPairs,
    customers: [...byCustomer].sort(([a], [b]) => compareCodePoints(a, b)).map(([customer, total]) => ({ customer, total })),
    portfolio: whatIfPairs.reduce((total, pair) => addTotals(total, pair.total), ZERO_TOTAL),
  };
}

// SPEC §7: used_pct and the status set at the as-of date, and the variance
// against the balance the source system reported.
import type { Contract } from './model';
import type { ContractStatus } from './result';
import type { AsOfSnapshot } from './contract-ledger';
import { roundRatio } from './numbers';

const EXPIRING_WINDOW_DAYS = 30;

/** used_pct in tenths of a percent, rounded half away from zero; null when undefined (SPEC §7). */
export function usedPctTenths(snapshot: AsOfSnapshot): number | null {
  const base = snapshot.balance + snapshot.usedInWindow + snapshot.expiredInWindow;
  return base > 0 ? roundRatio(1000 * snapshot.usedInWindow, base) : null;
}

/** The sorted status set of a contract that has started by as-of (SPEC §7). */
export function contractStatuses(
  contract: Contract,
  snapshot: AsOfSnapshot,
  usedTenths: number | null,
  endOfDayBalance: number,
  endDay: number | null,
  asOfDay: number,
): ContractStatus[] {
  // A contract that ended before as-of shows only that, and a debt it left.
  if (endDay !== null && endDay < asOfDay) return endOfDayBalance < 0 ? ['ended', 'overrun'] : ['ended'];
  const statuses: ContractStatus[] = [];
  const balance = snapshot.balance;
  const warning = contract.warningPct;
  // SPEC §10: warning compares the rounded used_pct: tenths / 10 ≥ units / 10^scale.
  if (warning !== null && usedTenths !== null && usedTenths * 10 ** warning.scale >= warning.units * 10) statuses.push('warning');
  if (contract.lowBalance !== null && balance <= contract.lowBalance) statuses.push('low');
  if (balance < 0) statuses.push('overrun');
  if (snapshot.cap !== null && balance <= -snapshot.cap) statuses.push('on_hold');
  if (balance <= 0) statuses.push('exhausted');
  if (hasExpiringLot(contract, snapshot, asOfDay)) statuses.push('expiring');
  return statuses.sort();
}

// A recurring allowance lot without carryover expires by design every period: not news.
function hasExpiringLot(contract: Contract, snapshot: AsOfSnapshot, asOfDay: number): boolean {
  const routine = contract.period !== 'once' && !contract.carryover;
  return snapshot.lots.some(
    (lot) => lot.left > 0 && lot.expires !== null && lot.expires >= asOfDay && lot.expires <= asOfDay + EXPIRING_WINDOW_DAYS && !(routine && lot.kind === 'allowance'),
  );
}

/** Recomputed end-of-day balance at `reported_as_of` minus `reported_balance` (SPEC §7, §10). */
export function variance(contract: Contract, balanceAtEndOf: (date: string) => number, asOf: string): number | null {
  if (contract.reportedBalance === null) return null;
  const reportedAsOf = contract.reportedAsOf ?? asOf;
  if (reportedAsOf > asOf) return null;
  return balanceAtEndOf(reportedAsOf) - contract.reportedBalance;
}

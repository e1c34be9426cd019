// SPEC §3, §5, §6: one contract's dated run — grants, additions, entries,
// expiries and billing runs in the order SPEC §3 fixes for one date — with the
// monthly statement, the lots, the ledger trail and the as-of snapshot (§7).
import type { Contract } from './model';
import type { LotKind, MonthRow } from './result';
import type { AllowanceGrant } from './periods';
import { firstDayOfMonth, isoOf, lastDayOfMonth, monthOfDay } from './dates';
import { LedgerTrail, type EntryTrailStore } from './ledger-trail';
import { LotPool, type LiveLot } from './lot-pool';
import { roundRatio } from './numbers';

/** An addition ready for the ledger: effective day (SPEC §10: not before `start`) and expiry. */
export interface LedgerAddition {
  readonly day: number;
  readonly size: number;
  readonly expires: number | null;
  readonly reference: string;
  readonly price: number | null;
}

/**
 * One contract's covered entries: indices into the portfolio-wide arrays, in
 * processing order (date, then id). Typed arrays by index keep a million
 * entries from costing a million short-lived objects.
 */
export interface CoveredEntries {
  readonly order: Int32Array;
  /** The ledger day of `order[position]`, by position. */
  readonly orderDay: Int32Array;
  /** Ledger days by entry index. */
  readonly day: Int32Array;
  readonly units: Int32Array | Float64Array;
  /** Where entry events are recorded, for all contracts. */
  readonly trail: EntryTrailStore;
}

/** Receives how a covered entry was split (SPEC §5). */
export type EntrySplitSink = (entryIndex: number, applied: number, overage: number, held: number) => void;

/** The contract's state the as-of statuses look at: after the day's entries, before its expiries (SPEC §7). */
export interface AsOfSnapshot {
  readonly balance: number;
  /** Units used and expired since the latest grant or addition (or start). */
  readonly usedInWindow: number;
  readonly expiredInWindow: number;
  readonly cap: number | null;
  readonly lots: readonly { readonly kind: LotKind; readonly expires: number | null; readonly left: number }[];
}

export interface ContractLedger {
  readonly months: MonthRow[];
  readonly lots: LiveLot[];
  readonly trail: LedgerTrail;
  readonly balance: number;
  readonly snapshot: AsOfSnapshot;
}

interface MonthTotals {
  granted: number;
  purchased: number;
  used: number;
  expired: number;
  settled: number;
  overage: number;
  held: number;
}

interface Arrival {
  readonly kind: LotKind;
  readonly size: number;
  readonly expires: number | null;
  readonly reference: string | null;
  readonly price: number | null;
}

/** Runs one contract from `start` through min(`end`, as-of) (SPEC §3, §5, §6). */
export function runContractLedger(
  contract: Contract,
  startDay: number,
  endDay: number | null,
  asOfDay: number,
  grants: readonly AllowanceGrant[],
  additions: readonly LedgerAddition[],
  covered: CoveredEntries,
  onEntry: EntrySplitSink,
): ContractLedger {
  const { order, orderDay, day: entryDay, units: entryUnits } = covered;
  const horizon = endDay === null ? asOfDay : Math.min(endDay, asOfDay);
  const firstMonth = monthOfDay(startDay);
  const totals: MonthTotals[] = [];
  const pool = new LotPool();
  const lots: LiveLot[] = [];
  const trail = new LedgerTrail(covered.trail, order, entryDay);
  const policy = contract.overage;

  let debt = 0;
  let usedInWindow = 0;
  let expiredInWindow = 0;
  let latestGrantTotal: number | null = null;
  let latestAdditionTotal: number | null = null;
  let pendingRebillDay: number | null = null;
  let snapshot: AsOfSnapshot | null = null;

  let month = firstMonth;
  let monthLastDay = lastDayOfMonth(month);
  let current = newTotals();
  totals.push(current);

  const balance = () => pool.available - debt;

  // SPEC §5: the cap on a negative balance, in force now; null when uncapped or under `bill`.
  const cap = (): number | null => {
    if (policy === 'bill') return null;
    if (contract.overrunLimit !== null) return contract.overrunLimit;
    const pct = contract.overrunLimitPct;
    if (pct === null) return null;
    // SPEC §10: the block is the full allowance, even when prorated; see docs/spec-notes.md without one.
    const block = contract.allowance ?? latestGrantTotal ?? latestAdditionTotal ?? 0;
    return roundRatio(pct.units * block, 100 * 10 ** pct.scale);
  };

  const takeSnapshot = (): AsOfSnapshot => ({
    balance: balance(),
    usedInWindow,
    expiredInWindow,
    cap: cap(),
    lots: pool.lots().map((lot) => ({ kind: lot.kind, expires: lot.expires, left: lot.left })),
  });

  const settle = (day: number) => {
    current.settled += debt;
    current.overage += debt;
    const units = debt;
    debt = 0;
    trail.push(day, 'settlement', units, balance(), null, 0);
  };

  // The billing run happens at every month end, and on `end` when that is not one (SPEC §10).
  const billingRunOnOrAfter = (day: number): number => {
    if (endDay !== null && day > endDay) return Infinity;
    const monthEnd = lastDayOfMonth(monthOfDay(day));
    return endDay !== null && endDay < monthEnd ? endDay : monthEnd;
  };

  let grantIndex = 0;
  let additionIndex = 0;
  let position = 0;
  let billingDay = billingRunOnOrAfter(startDay);

  for (;;) {
    let day = billingDay;
    if (grantIndex < grants.length) day = Math.min(day, (grants[grantIndex] as AllowanceGrant).day);
    if (pendingRebillDay !== null) day = Math.min(day, pendingRebillDay);
    if (additionIndex < additions.length) day = Math.min(day, (additions[additionIndex] as LedgerAddition).day);
    if (position < order.length) day = Math.min(day, orderDay[position] as number);
    const expiry = pool.nextExpiry();
    if (expiry !== null) day = Math.min(day, expiry);
    if (day > horizon) break;

    while (day > monthLastDay) {
      month++;
      monthLastDay = lastDayOfMonth(month);
      current = newTotals();
      totals.push(current);
    }

    // 1. Grants and additions (SPEC §3; §10: allowance, then re-bill, then additions).
    const grant = grants[grantIndex];
    const grantToday = grant !== undefined && grant.day === day;
    const rebillToday = pendingRebillDay === day;
    const additionToday = additions[additionIndex]?.day === day;
    if (grantToday || rebillToday || additionToday) {
      const arrivals: Arrival[] = [];
      if (grantToday) {
        arrivals.push({ kind: 'allowance', size: grant.size, expires: grant.expires, reference: null, price: contract.price });
        grantIndex++;
      }
      if (rebillToday) {
        arrivals.push({ kind: 'rebill', size: contract.rebillQuantity ?? 0, expires: endDay, reference: null, price: contract.price });
        pendingRebillDay = null;
      }
      let purchasedToday = 0;
      for (let addition = additions[additionIndex]; addition !== undefined && addition.day === day; addition = additions[++additionIndex]) {
        arrivals.push({ kind: 'addition', size: addition.size, expires: addition.expires, reference: addition.reference, price: addition.price });
        purchasedToday += addition.size;
      }
      // SPEC §5 bill_next: the debt is billed and reset before the new lots arrive, so they stay whole.
      if (debt > 0 && policy === 'bill_next') settle(day);
      const created = arrivals.map((arrival) => {
        if (arrival.expires !== null && arrival.expires < day) throw new Error(`${contract.id}: a lot dated ${isoOf(day)} expires before it arrives`);
        // Spelled out, not spread: a spread in a literal takes V8's slow generic copy.
        const lot: LiveLot = { index: lots.length, day, left: arrival.size, kind: arrival.kind, size: arrival.size, expires: arrival.expires, reference: arrival.reference, price: arrival.price };
        lots.push(lot);
        return lot;
      });
      const debtPaid = payDebtFrom(created);
      // Paying a debt moves units from the lot to the debt: the balance only grows by each lot's size.
      let running = balance() - sumDebtPaid(debtPaid);
      for (const lot of created) {
        pool.add(lot);
        running += lot.size;
        if (lot.kind === 'addition') current.purchased += lot.size;
        else current.granted += lot.size;
        trail.push(day, lot.kind === 'allowance' ? 'grant' : lot.kind, lot.size, running, lot.index, debtPaid.get(lot) ?? 0);
      }
      if (grantToday || rebillToday) {
        latestGrantTotal = created.reduce((sum, lot) => (lot.kind === 'addition' ? sum : sum + lot.size), 0);
      }
      if (purchasedToday > 0) latestAdditionTotal = purchasedToday;
      // SPEC §7: used_pct looks at what happened since the latest grant or addition.
      usedInWindow = 0;
      expiredInWindow = 0;
    }

    // 2. Entries, in processing order.
    for (; position < order.length && orderDay[position] === day; position++) {
      const index = order[position] as number;
      const units = entryUnits[index] as number;
      trail.beginEntry(index);
      const fromLots = pool.draw(units, trail);
      const rest = units - fromLots;
      let overage = 0;
      let held = 0;
      let negative = 0;
      if (rest > 0) {
        if (policy === 'bill') overage = rest;
        else {
          const limit = cap();
          negative = limit === null ? rest : Math.min(rest, Math.max(0, limit - debt));
          held = rest - negative;
          debt += negative;
        }
      }
      const applied = fromLots + negative;
      current.used += applied;
      current.overage += overage;
      current.held += held;
      usedInWindow += applied;
      trail.endEntry(balance());
      onEntry(index, applied, overage, held);
    }

    // SPEC §7: statuses look at the as-of day after its entries, before its expiries and billing run.
    if (day === asOfDay) snapshot = takeSnapshot();

    // 3. Expiries at the end of the lot's last usable day.
    for (let lot = pool.expireNext(day); lot !== null; lot = pool.expireNext(day)) {
      const units = lot.left;
      lot.left = 0;
      current.expired += units;
      expiredInWindow += units;
      trail.push(day, 'expiry', units, balance(), lot.index, 0);
    }

    // 4. The billing run: settle under bill_month_end, then re-bill below (SPEC §3, §5).
    if (day === billingDay) {
      if (policy === 'bill_month_end' && debt > 0) settle(day);
      const isMonthEnd = day === monthLastDay;
      const below = contract.rebillBelow;
      if (isMonthEnd && below !== null && balance() < below && (endDay === null || day + 1 <= endDay)) pendingRebillDay = day + 1;
      billingDay = billingRunOnOrAfter(day + 1);
    }
  }

  // Months with no events still get their rows, through the month of the horizon.
  const lastMonth = monthOfDay(horizon);
  while (month < lastMonth) {
    month++;
    totals.push(newTotals());
  }

  return {
    months: statementRows(totals, firstMonth, startDay, endDay),
    lots,
    trail,
    balance: balance(),
    snapshot: snapshot ?? takeSnapshot(),
  };

  // SPEC §5 carry / bill_month_end: a debt is paid like usage, from the new lot that expires first.
  function payDebtFrom(created: LiveLot[]): Map<LiveLot, number> {
    const paid = new Map<LiveLot, number>();
    if (debt === 0) return paid;
    const order = [...created].sort((a, b) => (a.expires ?? Infinity) - (b.expires ?? Infinity) || a.index - b.index);
    for (const lot of order) {
      if (debt === 0) break;
      const payment = Math.min(debt, lot.left);
      lot.left -= payment;
      debt -= payment;
      paid.set(lot, payment);
    }
    return paid;
  }
}

function sumDebtPaid(paid: Map<LiveLot, number>): number {
  let sum = 0;
  for (const units of paid.values()) sum += units;
  return sum;
}

function newTotals(): MonthTotals {
  return { granted: 0, purchased: 0, used: 0, expired: 0, settled: 0, overage: 0, held: 0 };
}

// SPEC §6: rows chain opening to closing; the first opens at 0 on `start`.
function statementRows(totals: readonly MonthTotals[], firstMonth: number, startDay: number, endDay: number | null): MonthRow[] {
  let opening = 0;
  return totals.map((month, offset) => {
    const monthNumber = firstMonth + offset;
    const monthEnd = lastDayOfMonth(monthNumber);
    const closing = opening + month.granted + month.purchased + month.settled - month.used - month.expired;
    // Fields spelled out, not spread from the totals: a spread takes V8's slow generic copy.
    const row: MonthRow = {
      start: isoOf(offset === 0 ? startDay : firstDayOfMonth(monthNumber)),
      end: isoOf(endDay !== null && endDay < monthEnd ? endDay : monthEnd),
      opening,
      granted: month.granted,
      purchased: month.purchased,
      used: month.used,
      expired: month.expired,
      settled: month.settled,
      overage: month.overage,
      held: month.held,
      closing,
    };
    opening = closing;
    return row;
  });
}

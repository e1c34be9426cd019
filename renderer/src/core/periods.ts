// SPEC §3 "Allowance" and "Periods", §10 "Periods and lots": when allowance
// lots are granted, how big they are and when they expire.
import type { Contract } from './model';
import { dayOf, firstDayOfMonth, lastDayOfMonth, monthOfDay } from './dates';
import { roundRatio } from './numbers';

/** One allowance grant: a lot of `size` on `day`, usable through `expires` (null = never). */
export interface AllowanceGrant {
  readonly day: number;
  readonly size: number;
  readonly expires: number | null;
}

/** Months per allowance period, and the month a contract-anchored or calendar cycle starts from. */
function periodMonths(contract: Contract): number {
  return contract.period === 'quarter' ? 3 : contract.period === 'year' ? 12 : 1;
}

/** First month number of the full period containing `month` (SPEC §10: contract anchor aligns to the start month's 1st). */
function periodStartMonth(contract: Contract, month: number, startMonth: number): number {
  const length = periodMonths(contract);
  const origin = contract.period === 'month' || contract.anchor === 'calendar' ? 0 : startMonth;
  return month - ((((month - origin) % length) + length) % length);
}

/** The allowance lots a contract grants on or before `lastDay` (SPEC §3). */
export function allowanceGrants(contract: Contract, lastDay: number): AllowanceGrant[] {
  const allowance = contract.allowance;
  if (allowance === null) return [];
  const startDay = dayOf(contract.start);
  const endDay = contract.end === null ? null : dayOf(contract.end);
  if (startDay > lastDay) return [];
  if (contract.period === 'once') return [{ day: startDay, size: allowance, expires: endDay }];

  const grants: AllowanceGrant[] = [];
  const length = periodMonths(contract);
  const startMonth = monthOfDay(startDay);
  for (let month = periodStartMonth(contract, startMonth, startMonth); ; month += length) {
    const fullStart = firstDayOfMonth(month);
    const fullEnd = lastDayOfMonth(month + length - 1);
    const coveredStart = Math.max(fullStart, startDay);
    if (coveredStart > lastDay || (endDay !== null && coveredStart > endDay)) break;
    const coveredEnd = endDay === null ? fullEnd : Math.min(fullEnd, endDay);
    const fullDays = fullEnd - fullStart + 1;
    const coveredDays = coveredEnd - coveredStart + 1;
    // SPEC §10: prorating scales a partial first period and a last period cut by `end`.
    const size = contract.prorate && coveredDays < fullDays ? roundRatio(allowance * coveredDays, fullDays) : allowance;
    grants.push({ day: coveredStart, size, expires: recurringExpiry(contract, fullEnd, endDay) });
  }
  return grants;
}

// SPEC §3: a recurring lot expires at its period's end, or with carryover
// `carryover_days` later (never when empty); no lot outlives the contract.
function recurringExpiry(contract: Contract, periodEnd: number, endDay: number | null): number | null {
  let expires: number | null = periodEnd;
  if (contract.carryover) expires = contract.carryoverDays === null ? null : periodEnd + contract.carryoverDays;
  if (endDay === null) return expires;
  return expires === null ? endDay : Math.min(expires, endDay);
}

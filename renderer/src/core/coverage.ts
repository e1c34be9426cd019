// SPEC §4 and §10 "Entries": whether a matched entry is covered, and how many
// hundredths of the contract's unit it consumes, rounded once.
import type { Contract, Entry, ExactDecimal, RoleValue } from './model';
import { roundBigRatio, roundRatio } from './numbers';
import { normaliseName } from './ordering';

export type Coverage = { readonly covered: true; readonly units: number } | { readonly covered: false; readonly reason: string };

/** Why the entry is not covered, in SPEC §10's order, or null when it is. */
export function notCoveredReason(contract: Contract, entry: Entry, entryDay: number, startDay: number, endDay: number | null): string | null {
  if (entryDay < startDay || (endDay !== null && entryDay > endDay)) return 'date outside the contract';
  if (entry.billable !== 'billable') return `billable option is ${entry.billable}`;
  if (contract.excludedWorkTypes.length > 0 && contract.excludedWorkTypes.includes(normaliseName(entry.workType))) return 'work type excluded';
  if (contract.unit === 'amount' && entry.hours > 0 && hourlyRate(contract, entry) === null) return 'no rate for the work role';
  if (entry.hours === 0 && entry.amount !== null && entry.amount !== 0 && !paysExpenses(contract)) return 'expenses not covered';
  return null;
}

// SPEC §10: an incidents contract counts the ticket whatever the entry holds.
function paysExpenses(contract: Contract): boolean {
  return contract.unit === 'incidents' || (contract.unit === 'amount' && contract.coversExpenses);
}

function roleValue(values: readonly RoleValue[], role: string): ExactDecimal | null {
  if (values.length === 0) return null;
  const key = normaliseName(role);
  for (const value of values) if (value.role === key) return value.value;
  return null;
}

/** Currency per hour for an entry on an amount contract: its role's rate, else the contract's. */
export function hourlyRate(contract: Contract, entry: Entry): ExactDecimal | null {
  return roleValue(contract.roleRates, entry.workRole) ?? contract.rate;
}

/** Hours multiplier for an entry on an hours contract (SPEC §2 role_factors; 1 when none). */
export function roleFactor(contract: Contract, entry: Entry): ExactDecimal | null {
  return roleValue(contract.roleFactors, entry.workRole);
}

/** round(a × b / (c × d)), half away from zero, exact whatever the magnitudes. */
function roundProduct(a: number, b: number, c: number, d: number): number {
  const numerator = a * b;
  const denominator = c * d;
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) return roundRatio(numerator, denominator);
  return roundBigRatio(BigInt(a) * BigInt(b), BigInt(c) * BigInt(d));
}

/** Hundredths an hours or amount contract consumes for a covered entry (SPEC §4), rounded once. */
export function consumedUnits(contract: Contract, entry: Entry): number {
  if (contract.unit === 'incidents') throw new Error('incidents are counted per ticket, not per entry');
  const extra = contract.unit === 'amount' && contract.coversExpenses ? (entry.amount ?? 0) : 0;
  const hours = entry.hours;
  if (hours <= 0) return extra;
  const multiplier = contract.unit === 'hours' ? roleFactor(contract, entry) : hourlyRate(contract, entry);
  const round = contract.roundMinutes;
  const minimum = contract.minimumMinutes;
  // The common case — whole hundredths of an hour, no rounding, no factor — needs no arithmetic.
  if (multiplier === null && round === null && minimum === null) {
    if (contract.unit === 'hours') return hours;
    throw new Error(`entry ${entry.id} has no rate; coverage must be checked first`);
  }
  // SPEC §10: minutes = hours × 60 (hundredths × 3 / 5), rounded up to round_minutes, then raised to minimum_minutes.
  let numerator = 3 * hours;
  let denominator = 5;
  if (round !== null && round.units > 0) {
    const roundDenominator = 10 ** round.scale;
    const dividend = numerator * roundDenominator;
    const divisor = denominator * round.units;
    // Exact for safe integers: a float quotient below 2^53 never crosses an integer.
    const floor = Math.floor(dividend / divisor);
    numerator = (floor * divisor < dividend ? floor + 1 : floor) * round.units;
    denominator = roundDenominator;
  }
  if (minimum !== null) {
    const minimumDenominator = 10 ** minimum.scale;
    if (numerator * minimumDenominator < minimum.units * denominator) {
      numerator = minimum.units;
      denominator = minimumDenominator;
    }
  }
  const factor = multiplier ?? ONE;
  if (contract.unit === 'amount' && multiplier === null) throw new Error(`entry ${entry.id} has no rate; coverage must be checked first`);
  // minutes / 60 × factor, in hundredths: numerator × units × 100 / (denominator × 10^scale × 60).
  return roundProduct(numerator * 5, factor.units, denominator * 3, 10 ** factor.scale) + extra;
}

const ONE: ExactDecimal = { units: 1, scale: 0 };

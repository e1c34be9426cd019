// Terse builders for engine tests: SPEC §2 defaults, quantities written as
// decimals the way a clerk reads them and converted exactly.
import type { Addition, Contract, Entry, ExactDecimal } from '../../renderer/src/core/model';
import { parseCenti, parseExactDecimal } from '../../renderer/src/core/numbers';

/** Hundredths from a decimal literal (`1.5` -> 150), exactly. */
export function c(value: number | string): number {
  const parsed = parseCenti(String(value));
  if (parsed === null) throw new Error(`not a hundredths value: ${value}`);
  return parsed;
}

/** An exact decimal from a literal. */
export function d(value: number | string): ExactDecimal {
  const parsed = parseExactDecimal(String(value));
  if (parsed === null) throw new Error(`not a decimal: ${value}`);
  return parsed;
}

type ContractOverrides = Partial<Omit<Contract, 'allowance' | 'lowBalance' | 'rebillBelow' | 'rebillQuantity' | 'overrunLimit' | 'reportedBalance' | 'price'>> & {
  allowance?: number | null;
  lowBalance?: number;
  rebillBelow?: number;
  rebillQuantity?: number;
  overrunLimit?: number;
  reportedBalance?: number;
  price?: number;
};

const optional = (value: number | undefined): number | null => (value === undefined ? null : c(value));

/** A contract with SPEC §2 defaults; quantity overrides are decimals (`allowance: 30`). */
export function contract(overrides: ContractOverrides = {}): Contract {
  const id = overrides.id ?? 'C1';
  return {
    id,
    customer: 'Acme',
    name: id,
    unit: 'hours',
    start: '2026-01-01',
    end: null,
    period: 'once',
    anchor: 'calendar',
    prorate: false,
    carryover: false,
    carryoverDays: null,
    overage: 'bill',
    overrunLimitPct: null,
    warningPct: null,
    rate: null,
    roleRates: [],
    roleFactors: [],
    excludedWorkTypes: [],
    roundMinutes: null,
    minimumMinutes: null,
    coversExpenses: false,
    reportedAsOf: null,
    ...overrides,
    allowance: overrides.allowance === null ? null : optional(overrides.allowance),
    lowBalance: optional(overrides.lowBalance),
    rebillBelow: optional(overrides.rebillBelow),
    rebillQuantity: optional(overrides.rebillQuantity),
    overrunLimit: optional(overrides.overrunLimit),
    reportedBalance: optional(overrides.reportedBalance),
    price: optional(overrides.price),
  };
}

type EntryOverrides = Partial<Omit<Entry, 'hours' | 'amount'>> & { hours?: number | string; amount?: number };

let nextEntry = 0;

/** An entry on C1 by default; `hours` and `amount` are decimals. */
export function entry(date: string, hours: number | string, overrides: EntryOverrides = {}): Entry {
  nextEntry++;
  return {
    id: overrides.id ?? `E${String(nextEntry).padStart(5, '0')}`,
    date,
    contractId: 'C1',
    customer: 'Acme',
    ticket: '',
    member: 'Tech',
    workRole: '',
    workType: '',
    billable: 'billable',
    notes: '',
    ...overrides,
    hours: c(hours),
    amount: overrides.amount === undefined ? null : c(overrides.amount),
  };
}

/** An addition on C1 by default; `quantity` is a decimal. */
export function addition(date: string, quantity: number, overrides: Partial<Omit<Addition, 'quantity'>> = {}): Addition {
  return { contractId: 'C1', date, price: null, reference: '', expires: null, ...overrides, quantity: c(quantity) };
}

// Plain words for what a customer or clerk reads: statuses, ledger events, and
// the "How to read this" notes generated from each contract's terms (SPEC §2–§5).
import type { Centi, Contract, ExactDecimal, Unit } from '../../core/model';
import type { ContractStatus, LedgerEvent } from '../../core/result';
import { formatCenti } from '../../core/numbers';

const STATUS_WORDS: Readonly<Record<ContractStatus, string>> = {
  ended: 'ended',
  exhausted: 'used up',
  expiring: 'units expiring within 30 days',
  low: 'low balance',
  on_hold: 'on hold (overrun limit reached)',
  overrun: 'overrun (balance below zero)',
  warning: 'usage warning',
};

/** A contract's status set in words (SPEC §7); "active" when it has none. */
export function statusWords(status: readonly ContractStatus[]): string {
  return status.length === 0 ? 'active' : status.map((value) => STATUS_WORDS[value]).join(', ');
}

const EVENT_WORDS: Readonly<Record<LedgerEvent['kind'], string>> = {
  grant: 'Grant',
  rebill: 'Re-bill',
  addition: 'Addition',
  entry: 'Entry',
  expiry: 'Expiry',
  settlement: 'Settlement',
};

/** The History detail label of a ledger event ("Entry" is also a formula criterion, see formulas.ts). */
export function eventWord(kind: LedgerEvent['kind']): string {
  return EVENT_WORDS[kind];
}

const UNIT_NAMES: Readonly<Record<Unit, string>> = { hours: 'hours', amount: 'currency', incidents: 'incidents' };

/** The unit as a column value ("hours", "currency", "incidents"). */
export function unitWord(unit: Unit): string {
  return UNIT_NAMES[unit];
}

function quantity(value: Centi, unit: Unit, currencySymbol: string): string {
  return unit === 'amount' ? `${currencySymbol}${formatCenti(value)}` : `${formatCenti(value)} ${UNIT_NAMES[unit]}`;
}

function exact(value: ExactDecimal): string {
  const text = String(Math.abs(value.units)).padStart(value.scale + 1, '0');
  const whole = value.scale === 0 ? text : `${text.slice(0, -value.scale)}.${text.slice(-value.scale)}`;
  return value.units < 0 ? `-${whole}` : whole;
}

const PERIOD_WORDS = { month: 'every calendar month', quarter: 'every quarter', year: 'every year', once: 'once' } as const;

const OVERAGE_WORDS = {
  bill: 'Work beyond the balance is overage, billed separately; the balance never goes below zero.',
  carry: 'Work beyond the balance takes it below zero; the next grant or purchase pays that debt first.',
  bill_next: 'Work beyond the balance takes it below zero; when the next grant or purchase arrives, the debt is billed as overage and the balance starts again from zero, so the new units stay whole.',
  bill_month_end: 'Work beyond the balance takes it below zero; a grant or purchase in the month pays the debt first, and at each month end a balance still below zero is billed as overage and reset to zero.',
} as const;

/** Sentences describing one contract's rules, generated from its terms (SPEC §2–§5). */
export function contractNotes(contract: Contract, currencySymbol: string): string[] {
  const unit = contract.unit;
  const notes: string[] = [];
  const span = contract.end === null ? `from ${contract.start}, open-ended` : `from ${contract.start} to ${contract.end}`;
  notes.push(`Counts ${UNIT_NAMES[unit]}, ${span}.`);
  if (contract.allowance !== null) {
    const anchor = contract.period === 'quarter' || contract.period === 'year' ? (contract.anchor === 'contract' ? ', counted from the contract start month' : ', on the calendar') : '';
    notes.push(`Allowance: ${quantity(contract.allowance, unit, currencySymbol)} granted ${PERIOD_WORDS[contract.period]}${anchor}.`);
    if (contract.prorate && contract.period !== 'once') notes.push('A part period at the start or end is granted in proportion to the days it covers.');
    if (contract.period !== 'once') {
      if (!contract.carryover) notes.push('Unused allowance expires at the end of its period.');
      else if (contract.carryoverDays === null) notes.push('Unused allowance carries over until the contract ends.');
      else notes.push(`Unused allowance stays usable for ${contract.carryoverDays} days after its period ends.`);
    }
  }
  notes.push('Work takes units from the lot that expires first; units that never expire are used last.');
  notes.push(OVERAGE_WORDS[contract.overage]);
  if (contract.overage !== 'bill') {
    if (contract.overrunLimit !== null) notes.push(`The balance may go at most ${quantity(contract.overrunLimit, unit, currencySymbol)} below zero; work beyond that is held, not applied.`);
    else if (contract.overrunLimitPct !== null) notes.push(`The balance may go at most ${exact(contract.overrunLimitPct)}% of the block below zero; work beyond that is held, not applied.`);
  }
  if (contract.rebillBelow !== null && contract.rebillQuantity !== null) {
    notes.push(`When the balance is under ${quantity(contract.rebillBelow, unit, currencySymbol)} at a month end, ${quantity(contract.rebillQuantity, unit, currencySymbol)} more is granted on the 1st of the next month.`);
  }
  if (unit === 'hours' && contract.roleFactors.length > 0) notes.push(`Hours count with a factor by work role: ${contract.roleFactors.map((role) => `${role.role} × ${exact(role.value)}`).join('; ')}.`);
  if (unit === 'amount') {
    const rates = contract.roleRates.map((role) => `${role.role} ${currencySymbol}${exact(role.value)}`);
    if (contract.rate !== null) rates.push(`otherwise ${currencySymbol}${exact(contract.rate)}`);
    if (rates.length > 0) notes.push(`Time is charged per hour: ${rates.join('; ')}.`);
    notes.push(contract.coversExpenses ? 'Parts and expenses are paid from the balance too.' : 'Parts and expenses are not paid from the balance.');
  }
  if (unit === 'incidents') notes.push('Each ticket counts as one incident, however many entries it has.');
  if (contract.roundMinutes !== null) notes.push(`Each entry's time is rounded up to ${exact(contract.roundMinutes)} minutes.`);
  if (contract.minimumMinutes !== null) notes.push(`Each entry counts at least ${exact(contract.minimumMinutes)} minutes.`);
  if (contract.excludedWorkTypes.length > 0) notes.push(`Not covered: work types ${contract.excludedWorkTypes.join(', ')}.`);
  notes.push('Entries marked no charge or do not bill are listed but not counted.');
  if (contract.warningPct !== null) notes.push(`A usage warning shows at ${exact(contract.warningPct)}% used.`);
  if (contract.lowBalance !== null) notes.push(`A low-balance alert shows at ${quantity(contract.lowBalance, unit, currencySymbol)} or less.`);
  return notes;
}

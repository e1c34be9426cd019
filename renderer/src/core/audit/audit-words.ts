// How the audit writes quantities, money and rates in its sentences: the way a
// consultant would type them into a report ("12.5 hours", "$1,250.00").
import type { Centi, ExactDecimal, Period, Unit } from '../model';
import { formatCenti } from '../numbers';
import { exactToText } from '../import/decimal-text';
import type { CauseCode } from './audit-types';

const UNIT_NAMES: Readonly<Record<Unit, readonly [one: string, many: string]>> = {
  hours: ['hour', 'hours'],
  amount: ['dollar', 'dollars'],
  incidents: ['incident', 'incidents'],
};

/** Cents as `$1,250.00` (`-$30.00` when negative). */
export function moneyText(cents: Centi): string {
  const negative = cents < 0;
  const magnitude = negative ? -cents : cents;
  const whole = String(Math.floor(magnitude / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}$${whole}.${String(magnitude % 100).padStart(2, '0')}`;
}

/** A quantity in its unit: `12.5 hours`, `1 incident`, `$2,000.00`. */
export function quantityText(value: Centi, unit: Unit): string {
  if (unit === 'amount') return moneyText(value);
  const [one, many] = UNIT_NAMES[unit];
  return `${formatCenti(value)} ${Math.abs(value) === 100 ? one : many}`;
}

/** The unit's plural noun: `hours`, `dollars`, `incidents`. */
export function unitNoun(unit: Unit): string {
  return UNIT_NAMES[unit][1];
}

/** A rate per hour: `$150/hour`. */
export function rateText(rate: ExactDecimal): string {
  return `$${exactToText(rate)}/hour`;
}

/** `every month`, `every quarter`, `once`. */
export function periodText(period: Period): string {
  return period === 'once' ? 'once' : `every ${period}`;
}

/** `1 addition`, `3 additions`. */
export function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Names joined for a sentence: `a`, `a and b`, `a, b and c`. */
export function listText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const CAUSE_LABELS: Readonly<Record<CauseCode, string>> = {
  pending: 'Entered after the reported date',
  'entered-order': 'Applied in entered order',
  'no-charge': 'No charge / do not bill',
  'outside-dates': 'Outside the contract dates',
  'other-agreement': 'On another agreement',
  rate: 'Rate difference',
  rounding: 'Rounding',
  expiry: 'Expiry',
};

/** A short heading for a variance cause, for tables and sheets. */
export function causeLabel(cause: CauseCode): string {
  return CAUSE_LABELS[cause];
}

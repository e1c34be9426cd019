// How numbers and dates read on screen. Quantities are integer hundredths and
// money integer cents (ARCHITECTURE "Numbers"): digits are split with integer
// arithmetic, never through a float, so what the clerk reads is what the ledger holds.
import type { Centi, IsoDate, Unit } from '../core/model';
import type { ContractStatus, EntryStatus } from '../core/result';

export type DateFormat = 'iso' | 'dmy' | 'mdy';
export type DecimalMark = '.' | ',';

/** The clerk's display preferences (Settings). */
export interface DisplayFormats {
  readonly date: DateFormat;
  readonly decimal: DecimalMark;
  readonly currencySymbol: string;
}

export const DEFAULT_FORMATS: DisplayFormats = { date: 'iso', decimal: '.', currencySymbol: '$' };

function groupThousands(whole: number, separator: string): string {
  const digits = String(whole);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** Hundredths with two decimals and grouped thousands: `1,234.50`, `-0.25` (or `1.234,50`). */
export function formatHundredths(value: Centi, formats: DisplayFormats = DEFAULT_FORMATS): string {
  const negative = value < 0;
  const magnitude = Math.abs(value);
  const whole = Math.floor(magnitude / 100);
  const fraction = String(magnitude % 100).padStart(2, '0');
  const group = formats.decimal === '.' ? ',' : '.';
  return `${negative ? '-' : ''}${groupThousands(whole, group)}${formats.decimal}${fraction}`;
}

/** Cents as money: `$1,234.50`, `-$5.00`. */
export function formatCents(value: Centi, formats: DisplayFormats = DEFAULT_FORMATS): string {
  const text = formatHundredths(Math.abs(value), formats);
  return `${value < 0 ? '-' : ''}${formats.currencySymbol}${text}`;
}

/** A quantity in its contract's unit: `12.50 h`, `$300.00`, `3.00 incidents`; blank when absent. */
export function formatQuantity(value: Centi | null, unit: Unit, formats: DisplayFormats = DEFAULT_FORMATS): string {
  if (value === null) return '';
  if (unit === 'amount') return formatCents(value, formats);
  return `${formatHundredths(value, formats)} ${unit === 'hours' ? 'h' : value === 100 ? 'incident' : 'incidents'}`;
}

/** Tenths of a percent: `66.7 %`; an em dash when undefined (SPEC §7). */
export function formatPercentTenths(tenths: number | null, formats: DisplayFormats = DEFAULT_FORMATS): string {
  if (tenths === null) return '—';
  const negative = tenths < 0;
  const magnitude = Math.abs(tenths);
  const fraction = magnitude % 10;
  const text = `${Math.floor(magnitude / 10)}${fraction === 0 ? '' : `${formats.decimal}${fraction}`}`;
  return `${negative ? '-' : ''}${text} %`;
}

/** An ISO date in the chosen order: `2026-01-31`, `31/01/2026`, `01/31/2026`. */
export function formatDate(date: IsoDate | null, formats: DisplayFormats = DEFAULT_FORMATS): string {
  if (date === null) return '';
  const [year, month, day] = date.split('-');
  if (formats.date === 'dmy') return `${day}/${month}/${year}`;
  if (formats.date === 'mdy') return `${month}/${day}/${year}`;
  return date;
}

const STATUS_LABELS: Readonly<Record<ContractStatus, string>> = {
  warning: 'Warning',
  low: 'Low',
  overrun: 'Overrun',
  on_hold: 'On hold',
  expiring: 'Expiring',
  ended: 'Ended',
  exhausted: 'Used up',
};

/** The short chip label of a contract status. */
export function contractStatusLabel(status: ContractStatus): string {
  return STATUS_LABELS[status];
}

const ENTRY_LABELS: Readonly<Record<EntryStatus, string>> = {
  applied: 'Applied',
  partial: 'Partly covered',
  overage: 'Overage',
  held: 'Held',
  not_covered: 'Not covered',
  unmatched: 'Unmatched',
};

/** The label of an entry's allocation. */
export function entryStatusLabel(status: EntryStatus): string {
  return ENTRY_LABELS[status];
}

export type Tone = 'default' | 'success' | 'info' | 'warning' | 'error';

/** How alarming a status is, for its chip colour: red needs action today, amber soon. */
export function statusTone(status: ContractStatus | EntryStatus): Tone {
  switch (status) {
    case 'overrun':
    case 'on_hold':
    case 'held':
    case 'unmatched':
      return 'error';
    case 'warning':
    case 'low':
    case 'expiring':
    case 'exhausted':
    case 'overage':
    case 'partial':
    case 'not_covered':
      return 'warning';
    case 'applied':
      return 'success';
    case 'ended':
      return 'default';
  }
}

// Starting values of the shared screen state, kept pure for tests.
import { dayFromCivil, isoOf } from '../core/dates';
import type { IsoDate } from '../core/model';
import type { JsonValue } from '../db';
import { DEFAULT_FORMATS, type DisplayFormats } from './format';

/** Month-end is about the month just closed: the last day of the month before `today`. */
export function defaultAsOf(today: Date): IsoDate {
  return isoOf(dayFromCivil(today.getFullYear(), today.getMonth() + 1, 1) - 1);
}

/** The date the first opening of next month will ask for (defaultAsOf then): the last day of the month holding `today`. */
export function nextMonthAsOf(today: Date): IsoDate {
  return defaultAsOf(new Date(today.getFullYear(), today.getMonth() + 1, 1));
}

/** The saved display formats, falling back to the defaults field by field. */
export function parseFormats(saved: JsonValue | null | undefined): DisplayFormats {
  if (saved === null || saved === undefined || typeof saved !== 'object' || Array.isArray(saved)) return DEFAULT_FORMATS;
  const record = saved as { readonly [key: string]: JsonValue };
  const date = record.date === 'dmy' || record.date === 'mdy' || record.date === 'iso' ? record.date : DEFAULT_FORMATS.date;
  const decimal = record.decimal === ',' ? ',' : '.';
  const currencySymbol = typeof record.currencySymbol === 'string' && record.currencySymbol.length <= 4 ? record.currencySymbol : DEFAULT_FORMATS.currencySymbol;
  return { date, decimal, currencySymbol };
}

// Dates as a source system writes them (reliability.md IMP-8/IMP-9). ISO dates
// and ISO date-times are unambiguous and always accepted; a date-time with a
// zone is moved to the profile's UTC offset before its day is taken. Other
// dates are read only in the declared day order: `03/04/2026` means 3 April or
// 4 March, and nothing in the cell says which.
import type { IsoDate } from '../model';
import { dayFromCivil, daysInMonth, isoOf, parseIsoDate } from '../dates';

/** The order of day, month and year in a non-ISO date. */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

/** Date formats a profile can declare (any of `/ . -` may separate the parts). */
export const DATE_FORMATS = ['auto', 'YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'DD-MM-YYYY', 'MM-DD-YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The day order a declared format names; null for `auto`. */
export function orderOfFormat(format: DateFormat): DateOrder | null {
  if (format === 'auto') return null;
  if (format.startsWith('YYYY')) return 'YMD';
  return format.startsWith('DD') ? 'DMY' : 'MDY';
}

/** The format a clerk would type for an order. */
export function formatOfOrder(order: DateOrder): DateFormat {
  return order === 'DMY' ? 'DD/MM/YYYY' : order === 'MDY' ? 'MM/DD/YYYY' : 'YYYY-MM-DD';
}

export type DateParse =
  | { readonly kind: 'date'; readonly iso: IsoDate; readonly impliedOrder: DateOrder | null }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'error'; readonly message: string };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;
const PARTS = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?:[ T,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?$/;
// Excel serials for 1970-01-01 .. 2100-12-31 (1900 date system, after its fictitious 29 Feb 1900).
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const SERIAL_EPOCH = 25569;
const SERIAL_LAST = 73415;

function civil(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return isoOf(dayFromCivil(year, month, day));
}

/** Minutes since 1970-01-01 00:00 at the profile's UTC offset of an ISO match with a time (zoned values are moved there). */
function localMinutes(match: RegExpExecArray, day: number, utcOffsetMinutes: number): number {
  const minutes = day * 1440 + Number(match[4] ?? '0') * 60 + Number(match[5] ?? '0');
  const zone = match[7];
  if (zone === undefined) return minutes;
  const sign = zone === 'Z' ? 0 : zone.startsWith('-') ? -1 : 1;
  const digits = zone === 'Z' ? '0000' : zone.slice(1).replace(':', '');
  return minutes - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) + utcOffsetMinutes;
}

function fromIso(match: RegExpExecArray, raw: string, utcOffsetMinutes: number): DateParse {
  const day = parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`);
  if (day === null) return { kind: 'error', message: `"${raw}" is not a real date` };
  // An instant (UTC or offset): the clerk's day is the one at the profile's UTC offset.
  return { kind: 'date', iso: isoOf(Math.floor(localMinutes(match, day, utcOffsetMinutes) / 1440)), impliedOrder: null };
}

/** Reads one date cell in a declared order (null = not declared); `utcOffsetMinutes` places zoned date-times. */
export function parseSourceDate(raw: string, order: DateOrder | null, utcOffsetMinutes = 0): DateParse {
  const text = raw.trim();
  const iso = ISO.exec(text);
  if (iso) return fromIso(iso, raw, utcOffsetMinutes);
  const serial = SERIAL.exec(text);
  if (serial) {
    const value = Number(serial[1]);
    if (value < SERIAL_EPOCH || value > SERIAL_LAST) return { kind: 'error', message: `"${raw}" is not a date between 1970 and 2100` };
    return { kind: 'date', iso: isoOf(value - SERIAL_EPOCH), impliedOrder: null };
  }
  const parts = PARTS.exec(text);
  if (!parts) return { kind: 'error', message: `"${raw}" is not a date` };
  const [a, b, c] = [parts[1] ?? '', parts[3] ?? '', parts[4] ?? ''];
  if (a.length === 4) {
    const date = civil(Number(a), Number(b), Number(c));
    if (order !== null && order !== 'YMD') return { kind: 'error', message: `"${raw}" is not in the declared day order` };
    return date === null ? { kind: 'error', message: `"${raw}" is not a real date` } : { kind: 'date', iso: date, impliedOrder: 'YMD' };
  }
  if (c.length !== 4) return { kind: 'error', message: `"${raw}" has no four-digit year` };
  const first = Number(a);
  const second = Number(b);
  const year = Number(c);
  if (order === 'YMD') return { kind: 'error', message: `"${raw}" is not in the declared format YYYY-MM-DD` };
  if (order !== null) {
    const date = order === 'DMY' ? civil(year, second, first) : civil(year, first, second);
    return date === null ? { kind: 'error', message: `"${raw}" is not a real date as ${formatOfOrder(order)}` } : { kind: 'date', iso: date, impliedOrder: order };
  }
  if (first === second) {
    const date = civil(year, first, second);
    return date === null ? { kind: 'error', message: `"${raw}" is not a real date` } : { kind: 'date', iso: date, impliedOrder: null };
  }
  const asDmy = civil(year, second, first);
  const asMdy = civil(year, first, second);
  if (asDmy !== null && asMdy !== null) return { kind: 'ambiguous' };
  if (asDmy !== null) return { kind: 'date', iso: asDmy, impliedOrder: 'DMY' };
  if (asMdy !== null) return { kind: 'date', iso: asMdy, impliedOrder: 'MDY' };
  return { kind: 'error', message: `"${raw}" is not a real date` };
}

/** An ISO date-time as local `YYYY-MM-DDTHH:MM:SS` at the profile's UTC offset (zoned values are moved); null when it is not one. */
export function parseSourceDateTime(raw: string, utcOffsetMinutes = 0): string | null {
  const match = ISO.exec(raw.trim());
  const day = match && match[4] !== undefined ? parseIsoDate(`${match[1]}-${match[2]}-${match[3]}`) : null;
  if (!match || day === null) return null;
  const minutes = localMinutes(match, day, utcOffsetMinutes);
  const localDay = Math.floor(minutes / 1440);
  const inDay = minutes - localDay * 1440;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${isoOf(localDay)}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}:${pad(Number(match[6] ?? '0'))}`;
}

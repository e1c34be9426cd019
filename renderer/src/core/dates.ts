// Calendar dates as day numbers (days since 1970-01-01), months as month
// numbers (year × 12 + month − 1). No time of day, no time zone (SPEC §1).
import type { IsoDate } from './model';

/** Day number of a civil date (proleptic Gregorian). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthShifted = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthShifted + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number. */
export function civilFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthShifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthShifted + 2) / 5) + 1;
  const month = monthShifted < 10 ? monthShifted + 3 : monthShifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/** Day number of a strict `YYYY-MM-DD` that names a real date; null otherwise. */
export function parseIsoDate(text: string): number | null {
  return text.length === 10 ? parseIsoDateAt(text, 0) : null;
}

/** parseIsoDate of the ten characters of `text` from `at` (a cell read in place, not copied out). */
export function parseIsoDateAt(text: string, at: number): number | null {
  if (text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45) return null;
  const year = digit(text, at) * 1000 + digit(text, at + 1) * 100 + digit(text, at + 2) * 10 + digit(text, at + 3);
  const month = digit(text, at + 5) * 10 + digit(text, at + 6);
  const day = digit(text, at + 8) * 10 + digit(text, at + 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && year >= 1) || day > daysInMonth(year, month)) return null;
  return dayFromCivil(year, month, day);
}

/** Day number of a date the caller already validated. */
export function dayOf(date: IsoDate): number {
  const day = parseIsoDate(date);
  if (day === null) throw new Error(`not a valid date: ${date}`);
  return day;
}

// A portfolio touches few distinct days; an array indexed by day number is the
// cheapest memo. It is filled up front (1970 to 2106) so V8 keeps it a plain
// array: one written only near index 20,000 would become a slow sparse one.
// Other days are rare enough to format every time.
const ISO_CACHE_DAYS = 50_000;
const isoCache: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(ISO_CACHE_DAYS).fill(undefined);

/** `YYYY-MM-DD` of a day number. */
export function isoOf(dayNumber: number): IsoDate {
  const cached = dayNumber >= 0 && dayNumber < ISO_CACHE_DAYS;
  let text = cached ? isoCache[dayNumber] : undefined;
  if (text === undefined) {
    const { year, month, day } = civilFromDay(dayNumber);
    text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    if (cached) isoCache[dayNumber] = text;
  }
  return text;
}

// The ledger asks for a day's month and a month's first day at every billing
// run, month change and statement row: millions of calendar computations per
// recompute, over the same few hundred days and months. Memoised over the
// range isoOf caches; -1 marks not yet known (no day or month in range is negative).
const monthOfDayCache = new Int32Array(ISO_CACHE_DAYS).fill(-1);
const FIRST_CACHED_MONTH = 1970 * 12;
const firstDayCache = new Int32Array(Math.ceil(ISO_CACHE_DAYS / 28) + 1).fill(-1);

/** Month number (year × 12 + month − 1) of a day number. */
export function monthOfDay(dayNumber: number): number {
  const cached = dayNumber >= 0 && dayNumber < ISO_CACHE_DAYS;
  if (cached && (monthOfDayCache[dayNumber] as number) >= 0) return monthOfDayCache[dayNumber] as number;
  const { year, month } = civilFromDay(dayNumber);
  const monthNumber = year * 12 + month - 1;
  if (cached) monthOfDayCache[dayNumber] = monthNumber;
  return monthNumber;
}

/** First day (day number) of a month number. */
export function firstDayOfMonth(monthNumber: number): number {
  const slot = monthNumber - FIRST_CACHED_MONTH;
  const cached = slot >= 0 && slot < firstDayCache.length;
  if (cached && (firstDayCache[slot] as number) >= 0) return firstDayCache[slot] as number;
  const day = dayFromCivil(Math.floor(monthNumber / 12), (monthNumber % 12) + 1, 1);
  if (cached) firstDayCache[slot] = day;
  return day;
}

/** Last day (day number) of a month number. */
export function lastDayOfMonth(monthNumber: number): number {
  return firstDayOfMonth(monthNumber + 1) - 1;
}

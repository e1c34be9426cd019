// One spreadsheet cell as the text a profile types (reliability.md IMP-9,
// IMP-10, IMP-12). ExcelJS turns date- and duration-formatted numbers into
// UTC Dates; we undo that with day arithmetic on getTime() (never local
// getters): dates become YYYY-MM-DD, `[h]:mm` durations decimal hours, and
// plain numbers the decimal Excel shows (15 significant digits, no float noise).
import { formatCenti } from '../../core/numbers';
import { isoOf } from '../../core/dates';
import { numberToDecimalText } from '../../core/import/decimal-text';

/** `elapsed` is `[h]:mm` (a duration at any size); `time` is `h:mm` (a duration under a day, else a date-time). */
export type FormatKind = 'date' | 'elapsed' | 'time' | 'number';

export interface CellText {
  readonly text: string;
  /** A problem with this cell, worded for a clerk. */
  readonly problem: string | null;
}

const DAY_MS = 86_400_000;
/** Serial day 0 of the 1900 date system, as a Unix day number. */
const EXCEL_EPOCH_DAY = -25_569;
/** The 1904 system counts from 1904-01-01, 1462 days later. */
const DAYS_1904 = 1_462;

const formatKinds = new Map<string, FormatKind>();

/** Whether a number format shows a date, a duration (time only) or a plain number. */
export function formatKind(numFmt: string | undefined): FormatKind {
  if (!numFmt) return 'number';
  let kind = formatKinds.get(numFmt);
  if (kind === undefined) {
    // Drop quoted text, escaped characters and [colour]/[$-locale] brackets, keeping [h] [mm] [ss].
    const bare = numFmt.split(';')[0]!.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[(?![hms]+\])[^\]]*\]/gi, '').toLowerCase();
    if (/[yd]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare))) kind = 'date';
    else if (/\[[hms]+\]/.test(bare)) kind = 'elapsed';
    else if (/[hs]/.test(bare)) kind = 'time';
    else kind = 'number';
    formatKinds.set(numFmt, kind);
  }
  return kind;
}

/** Decimal hours of a duration serial (fraction of a day); `h:mm:ss` when it is not whole hundredths, so the typer can say so. */
function durationText(serial: number): string {
  const seconds = Math.round(serial * 86_400);
  // 0.01 h is 36 s.
  if (seconds % 36 === 0) return formatCenti(seconds / 36);
  const magnitude = Math.abs(seconds);
  const clock = `${Math.floor(magnitude / 3600)}:${String(Math.floor(magnitude / 60) % 60).padStart(2, '0')}:${String(magnitude % 60).padStart(2, '0')}`;
  return seconds < 0 ? `-${clock}` : clock;
}

function serialText(serial: number, kind: FormatKind, date1904: boolean): CellText {
  if (kind === 'elapsed' || (kind === 'time' && serial < 1)) return { text: durationText(serial), problem: null };
  if (kind === 'date' || kind === 'time') {
    if (!date1904 && serial < 61) return { text: String(serial), problem: `the date serial ${serial} falls before 1 March 1900, where Excel's calendar is wrong; enter the date again` };
    return { text: isoOf(Math.floor(serial) + EXCEL_EPOCH_DAY + (date1904 ? DAYS_1904 : 0)), problem: null };
  }
  return { text: decimalText(serial), problem: null };
}

/** Recent numbers' decimal text: a column repeats few distinct values (hours, rates), and the conversion was a tenth of a large read. */
const decimalTexts = new Map<number, string>();

function decimalText(value: number): string {
  let text = decimalTexts.get(value);
  if (text === undefined) {
    if (decimalTexts.size >= 10_000) decimalTexts.clear();
    text = numberToDecimalText(value);
    decimalTexts.set(value, text);
  }
  return text;
}

/**
 * The UTC Date of a date serial, to the millisecond (as Excel shows times):
 * the value ExcelJS gives a date-formatted number, so both readers' cells
 * become the same text.
 */
export function dateOfSerial(serial: number, date1904: boolean): Date {
  // Multiplied in ExcelJS's order (24, 3600, 1000): floating point rounds each step.
  return new Date(Math.round((serial + EXCEL_EPOCH_DAY + (date1904 ? DAYS_1904 : 0)) * 24 * 3600 * 1000));
}

function fromDate(value: Date, kind: FormatKind, date1904: boolean): CellText {
  const ms = value.getTime();
  if (Number.isNaN(ms)) return { text: '', problem: 'the cell holds an invalid date' };
  const serial = (ms - EXCEL_EPOCH_DAY * DAY_MS) / DAY_MS - (date1904 ? DAYS_1904 : 0);
  return serialText(serial, kind === 'number' ? 'date' : kind, date1904);
}

/** The text of an ExcelJS cell value under its number format. */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): CellText {
  if (value === null || value === undefined) return { text: '', problem: null };
  if (typeof value === 'string') return { text: value, problem: null };
  if (typeof value === 'number') return Number.isFinite(value) ? serialText(value, formatKind(numFmt), date1904) : { text: '', problem: 'the cell holds a number Excel cannot show' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', problem: null };
  if (value instanceof Date) return fromDate(value, formatKind(numFmt), date1904);
  if (typeof value === 'object') {
    const cell = value as { richText?: readonly { text?: unknown }[]; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return { text: cell.richText.map((run) => (typeof run.text === 'string' ? run.text : '')).join(''), problem: null };
    if (cell.error !== undefined) return { text: '', problem: `the cell shows the error ${String(cell.error)}` };
    if (cell.formula !== undefined || cell.sharedFormula !== undefined) {
      if (cell.result === undefined) return { text: '', problem: 'the cell has a formula with no saved result; open the file in Excel and save it again' };
      return cellText(cell.result, numFmt, date1904);
    }
    if (typeof cell.text === 'string') return { text: cell.text, problem: null };
  }
  return { text: '', problem: 'the cell holds a value that cannot be read as text' };
}

// The one typed cell writer (research/reliability.md EXP-1): every cell of
// every workbook is one of these values, and only `excelValue` turns them into
// what ExcelJS writes. Imported text is always a text cell (neutralised),
// quantities come from integer hundredths, dates are real dates, and formulas
// only come as AppFormula. Nothing taken from an import is ever passed to
// ExcelJS as an object (which could become a hyperlink, rich text or formula).
import type { Centi, ExactDecimal, IsoDate, Unit } from '../../core/model';
import { centiToNumber, powerOfTen } from '../../core/numbers';
import { dayOf } from '../../core/dates';
import type { AppFormula } from './formulas';
import { safeCellText } from './neutralise';

/** How a number is shown; the format strings live in `numberFormat`. */
export type NumberFormat = 'hours' | 'units' | 'currency' | 'date' | 'month' | 'percent' | 'decimal' | 'count';

export type Cell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number; readonly format: NumberFormat }
  | { readonly kind: 'formula'; readonly formula: AppFormula; readonly result: number | string; readonly format: NumberFormat | null }
  | null;

/** Text from anywhere (imports included): always a string cell, neutralised. */
export function text(value: string): Cell {
  return value === '' ? null : { kind: 'text', text: value };
}

/** A quantity in hundredths, shown with `format`. */
export function centi(value: Centi, format: NumberFormat): Cell {
  return { kind: 'number', value: centiToNumber(value), format };
}

/** A quantity in hundredths or an empty cell. */
export function optionalCenti(value: Centi | null, format: NumberFormat): Cell {
  return value === null ? null : centi(value, format);
}

/** The number format for a quantity of a contract's unit (currency for `amount` contracts). */
export function unitFormat(unit: Unit): NumberFormat {
  return unit === 'amount' ? 'currency' : unit === 'hours' ? 'hours' : 'units';
}

/** A whole number (counts, row numbers). */
export function count(value: number): Cell {
  return { kind: 'number', value, format: 'count' };
}

/** An exact decimal (rate, factor) as a number. */
export function decimal(value: ExactDecimal | null): Cell {
  return value === null ? null : { kind: 'number', value: value.units / powerOfTen(value.scale), format: 'decimal' };
}

/** A percentage held in tenths (used % of SPEC §7). */
export function percentTenths(value: number | null): Cell {
  return value === null ? null : { kind: 'number', value: value / 10, format: 'percent' };
}

// Excel's serial number of 1970-01-01 (day number 0) in the 1900 date system.
const EXCEL_SERIAL_OF_EPOCH = 25_569;

/** Excel serial of a calendar date (no time of day, no time zone). */
export function excelSerial(date: IsoDate): number {
  return dayOf(date) + EXCEL_SERIAL_OF_EPOCH;
}

/** A calendar date as a real date cell. */
export function date(value: IsoDate | null): Cell {
  return value === null ? null : { kind: 'number', value: excelSerial(value), format: 'date' };
}

/** A month (given by any date in it, normally the 1st) shown as `yyyy-mm`. */
export function month(firstDay: IsoDate): Cell {
  return { kind: 'number', value: excelSerial(firstDay), format: 'month' };
}

/** An app formula with its cached result in hundredths, so every program shows the figure before recalculating. */
export function centiFormula(formula: AppFormula, result: Centi, format: NumberFormat): Cell {
  return { kind: 'formula', formula, result: centiToNumber(result), format };
}

/** An app formula whose cached result is a count. */
export function countFormula(formula: AppFormula, result: number): Cell {
  return { kind: 'formula', formula, result, format: 'count' };
}

/** An app formula whose cached result is a word (check results). */
export function textFormula(formula: AppFormula, result: string): Cell {
  return { kind: 'formula', formula, result, format: null };
}

/** What ExcelJS receives for a cell: a string, a number, or `{formula, result}`. */
export type ExcelValue = string | number | { formula: string; result: number | string } | null;

/** The single conversion from our cells to ExcelJS values. */
export function excelValue(cell: Cell): ExcelValue {
  if (cell === null) return null;
  switch (cell.kind) {
    case 'text':
      // String(): even a value that reached here untyped (an object from a parser) can only become text.
      return safeCellText(String(cell.text));
    case 'number':
      return cell.value;
    case 'formula':
      return { formula: cell.formula.text, result: cell.result };
  }
}

/** The format of a cell, if it has one. */
export function cellFormat(cell: Cell): NumberFormat | null {
  return cell === null || cell.kind === 'text' ? null : cell.format;
}

/** Spreadsheet number format strings; currency carries its symbol, negatives in red. */
export function numberFormat(format: NumberFormat, currencySymbol: string): string {
  switch (format) {
    case 'hours':
      return '0.00';
    case 'units':
      return '#,##0.00';
    case 'currency': {
      const symbol = `"${currencySymbol.replaceAll('"', '')}"`;
      return `${symbol}#,##0.00;[Red]-${symbol}#,##0.00`;
    }
    case 'date':
      return 'yyyy-mm-dd';
    case 'month':
      return 'yyyy-mm';
    case 'percent':
      return '0.0"%"';
    case 'decimal':
      return 'General';
    case 'count':
      return '0';
  }
}

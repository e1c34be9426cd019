// Reads the cells of one canonical CSV row by column and types them
// (SPEC §2, §10 "Input"). Each bad cell becomes an ImportIssue naming the
// file, line, column and what was expected; a row with any issue is rejected
// by its typer. Header names live in a Map, never as object keys, so a
// `__proto__` column is just an ignored unknown column.
import type { ImportIssue } from '../import/import-issue';
import type { Centi, ExactDecimal, IsoDate, RoleValue } from '../model';
import { fieldCell, type FieldRanges } from '../import/field-ranges';
import { parseCenti, parseExactDecimal, plainCentiIn } from '../numbers';
import { isoOf, parseIsoDate, parseIsoDateAt } from '../dates';
import { normaliseName } from '../ordering';
import { RecentInPlace, RecentStrings } from './recent-cells';

/** `"x"` for a value in a message; an empty cell is named as such. */
export function quoteValue(raw: string): string {
  return raw === '' ? 'an empty cell' : `"${raw}"`;
}

const BOOLEANS = new Map([['yes', true], ['true', true], ['no', false], ['false', false]]);

// A million entries repeat a few thousand contracts, customers and
// technicians; sharing one string per value keeps ~200 MB of duplicates out
// of the heap. Bounded, so a column of unique values cannot grow it forever.
const POOL_LIMIT = 65_536;
/**
 * A copy of `text` that keeps nothing else alive. V8 makes a slice of 13 or
 * more characters a view of the string it was cut from: a shared customer
 * name would keep a whole 140 MB file's text in memory for as long as the
 * entries live. Flattening a concatenation copies the characters.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/** Whether `text` holds `expected` at `start..start+length` (a plain loop: cheaper than a startsWith call for short cells). */
function sameText(expected: string, text: string, start: number, length: number): boolean {
  if (expected.length !== length) return false;
  for (let i = 0; i < length; i++) if (expected.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** A column a typer reads; each file's header gives it a position (or none). */
export interface Column {
  readonly name: string;
  /** Its index among the typer's known columns. */
  readonly index: number;
}

/** A typer's known columns by name, as Columns: `columns.id` is the `id` column. */
export function columnsOf<const Name extends string>(names: readonly Name[]): Readonly<Record<Name, Column>> {
  return Object.fromEntries(names.map((name, index) => [name, { name, index }])) as unknown as Record<Name, Column>;
}

/**
 * Resolves a file's header against its known columns, then types each row's
 * cells. Columns are objects resolved once per header to a position in an
 * array: a million rows ask for a dozen columns each, and looking each up by
 * name in a Map took about 7% of typing them.
 */
export class CellReader {
  readonly issues: ImportIssue[] = [];
  private readonly known: readonly Column[];
  /** Per known column (by index), its position in the header; -1 when the file has none. */
  private readonly positionOf: Int32Array;
  /** Header positions by column name, for putting a row's issues in column order. */
  private readonly positions = new Map<string, number>();
  private readonly pool = new Map<string, string>();
  /**
   * Per column and trimming (at 2 × position + 1 when trimmed), its recent
   * cells: those read in place, keyed by where they were seen in the text
   * (a non-ASCII name's scanned characters only stand for it, see
   * ScannedText), and those made strings first, keyed by the strings.
   */
  private readonly recentInPlace: RecentInPlace[] = [];
  private readonly recentStrings: RecentStrings[] = [];
  private cells: readonly string[] = [];
  /** The row as ranges of its text instead of cells (a CSV row); null when `cells` holds it. */
  private ranges: FieldRanges | null = null;
  private rowLine = 0;
  /** The last trimmed cell `text` made in this row and its position: the id is asked for twice per row (typer and duplicate check). */
  private lastTextPosition = -1;
  private lastText = '';
  private rowIssues = 0;
  private rowFirstIssue = 0;

  constructor(
    readonly fileName: string,
    columns: Readonly<Record<string, Column>>,
  ) {
    this.known = Object.values(columns);
    this.positionOf = new Int32Array(this.known.length).fill(-1);
  }

  /** Maps known header names to positions; reports missing required and repeated known columns. Returns false when the file cannot be typed. */
  setHeader(names: readonly string[], requiredColumns: readonly Column[]): boolean {
    const known = new Map(this.known.map((column) => [column.name, column]));
    let usable = true;
    names.forEach((name, index) => {
      const column = known.get(name);
      if (column === undefined) return;
      const first = this.positions.get(name);
      if (first === undefined) {
        this.positions.set(name, index);
        this.positionOf[column.index] = index;
      } else {
        usable = false;
        this.fileIssue(name, 'duplicate-column', `the column "${name}" appears twice (columns ${first + 1} and ${index + 1}); keep one`);
      }
    });
    for (const { name: column } of requiredColumns) {
      if (this.positions.has(column)) continue;
      usable = false;
      const lookalike = names.find((name) => name.toLowerCase() === column.toLowerCase());
      const hint = lookalike === undefined ? '' : ` (found "${lookalike}": column names are case-sensitive)`;
      this.fileIssue(column, 'missing-column', `the required column "${column}" is missing${hint}`);
    }
    return usable;
  }

  /** Starts a row. */
  begin(cells: readonly string[], line: number): void {
    this.cells = cells;
    this.ranges = null;
    this.startRow(line);
  }

  /** Starts a row handed over as ranges of a text, valid until the row ends. */
  beginRanges(fields: FieldRanges, line: number): void {
    this.ranges = fields;
    this.startRow(line);
  }

  private startRow(line: number): void {
    this.rowLine = line;
    this.lastTextPosition = -1;
    this.rowIssues = 0;
    this.rowFirstIssue = this.issues.length;
  }

  /** Ends a row: its issues are put in the file's column order, as a clerk reads the row. */
  end(): void {
    if (this.rowIssues < 2) return;
    const position = (column: string | null) => (column === null ? -1 : (this.positions.get(column) ?? -1));
    const rowIssues = this.issues.splice(this.rowFirstIssue).sort((a, b) => position(a.column) - position(b.column));
    this.issues.push(...rowIssues);
  }

  /** True when the current row has had no issue so far. */
  get rowOk(): boolean {
    return this.rowIssues === 0;
  }

  get line(): number {
    return this.rowLine;
  }

  /** Whether the file has this column at all. */
  has(column: Column): boolean {
    return this.positionOf[column.index] !== -1;
  }

  /** Reports a problem with the current row's cell in `column`. */
  fail(column: Column, code: string, message: string): void {
    this.rowIssues++;
    this.issues.push({ file: this.fileName, line: this.rowLine, column: column.name, code, message, severity: 'error' });
  }

  /** The trimmed cell; '' when empty or when the file has no such column. */
  text(column: Column): string {
    const position = this.positionOf[column.index] as number;
    if (position === -1) return '';
    if (position !== this.lastTextPosition) {
      this.lastText = this.cell(position).trim();
      this.lastTextPosition = position;
    }
    return this.lastText;
  }

  /** The cell exactly as written (notes keep their spacing). */
  raw(column: Column): string {
    const position = this.positionOf[column.index] as number;
    return position === -1 ? '' : this.cell(position);
  }

  /**
   * The row's ranges when the cell at `position` can be read in place: its
   * characters are its value (not a field with doubled quotes, whose `a""b`
   * would read like an unquoted `a""b`); null when it must become a string
   * or the file has no such column (-1).
   */
  private inPlace(position: number): FieldRanges | null {
    const ranges = this.ranges;
    return ranges !== null && position !== -1 && ranges.escaped[position] === 0 ? ranges : null;
  }

  /** plainCentiIn of the cell when it can be read in place; -1 otherwise. */
  private plainCentiInPlace(column: Column): number {
    const position = this.positionOf[column.index] as number;
    const ranges = this.inPlace(position);
    if (ranges === null) return -1;
    return plainCentiIn(ranges.text.chars, ranges.starts[position] as number, ranges.ends[position] as number);
  }

  private cell(position: number): string {
    const ranges = this.ranges;
    return ranges === null ? (this.cells[position] ?? '') : fieldCell(ranges, position);
  }

  /** The trimmed cell as one string shared by every row with that value, for columns whose values repeat. */
  sharedText(column: Column): string {
    return this.shared(column, true);
  }

  /** The cell exactly as written, as one string shared by every row with that value (notes: "Remote support"). */
  sharedRaw(column: Column): string {
    return this.shared(column, false);
  }

  private shared(column: Column, trim: boolean): string {
    const position = this.positionOf[column.index] as number;
    if (position === -1) return '';
    const ranges = this.inPlace(position);
    const key = 2 * position + (trim ? 1 : 0);
    if (ranges !== null) {
      const start = ranges.starts[position] as number;
      const end = ranges.ends[position] as number;
      let recent = this.recentInPlace[key];
      if (recent === undefined || recent.text !== ranges.text) this.recentInPlace[key] = recent = new RecentInPlace(ranges.text);
      const known = recent.find(start, end);
      if (known !== undefined) return known;
      const shared = this.pooled(ranges.text.slice(start, end), trim);
      recent.remember(start, end, shared);
      return shared;
    }
    const cell = this.cell(position);
    const recent = (this.recentStrings[key] ??= new RecentStrings());
    const known = recent.find(cell);
    if (known !== undefined) return known;
    const shared = this.pooled(cell, trim);
    recent.remember(cell, shared);
    return shared;
  }

  /** The pool's string for `cell` (trimmed when asked); new values join the pool while it has room. */
  private pooled(cell: string, trim: boolean): string {
    const value = trim ? cell.trim() : cell;
    const shared = this.pool.get(value);
    if (shared !== undefined) return shared;
    if (this.pool.size >= POOL_LIMIT) return value;
    const copy = detached(value);
    this.pool.set(copy, copy);
    return copy;
  }

  /** A required text value; null (and an issue) when empty. */
  requiredText(column: Column, what: string): string | null {
    const value = this.text(column);
    if (value !== '') return value;
    this.fail(column, 'missing-value', `expected ${what}, got an empty cell`);
    return null;
  }

  /** A strict `YYYY-MM-DD` date; null when empty (an issue too if required) or invalid. */
  date(column: Column, required: boolean): IsoDate | null {
    // A plain date read in place; anything else (spaces, blanks, errors) takes the general path below.
    const position = this.positionOf[column.index] as number;
    const ranges = this.inPlace(position);
    if (ranges !== null && (ranges.ends[position] as number) - (ranges.starts[position] as number) === 10) {
      const day = parseIsoDateAt(ranges.text.chars, ranges.starts[position] as number);
      if (day !== null) return isoOf(day);
    }
    const value = this.text(column);
    if (value === '') {
      if (required) this.fail(column, 'missing-value', 'expected a date as YYYY-MM-DD, got an empty cell');
      return null;
    }
    const day = parseIsoDate(value);
    // isoOf is memoised: every row of one date shares one string.
    if (day !== null) return isoOf(day);
    this.fail(column, 'invalid-date', `expected a date as YYYY-MM-DD, got ${quoteValue(value)}`);
    return null;
  }

  /** A quantity in hundredths (SPEC §10: at most two decimals; not negative unless allowed). */
  centi(column: Column, what: string, options: { required?: boolean; negative?: boolean; positive?: boolean } = {}): Centi | null {
    // A plain quantity read in place (never negative) needs no checks but `positive`; anything else takes the general path.
    const plain = this.plainCentiInPlace(column);
    if (plain > 0 || (plain === 0 && !options.positive)) return plain;
    const value = this.text(column);
    if (value === '') {
      if (options.required) this.fail(column, 'missing-value', `expected ${what}, got an empty cell`);
      return null;
    }
    const centi = parseCenti(value);
    if (centi === null) {
      const finer = parseExactDecimal(value) !== null;
      this.fail(column, finer ? 'too-many-decimals' : 'invalid-number', finer ? `expected at most two decimals, got ${quoteValue(value)}` : `expected ${what}, got ${quoteValue(value)}`);
      return null;
    }
    if (centi < 0 && !options.negative) {
      this.fail(column, 'negative-number', `expected a number that is not negative, got ${quoteValue(value)}`);
      return null;
    }
    if (centi === 0 && options.positive) {
      this.fail(column, 'not-positive', `expected a number greater than 0, got ${quoteValue(value)}`);
      return null;
    }
    return centi;
  }

  /** An exact, non-negative decimal (rates, factors, percentages, minutes; SPEC §10). */
  exact(column: Column, what: string, options: { positive?: boolean } = {}): ExactDecimal | null {
    const value = this.text(column);
    if (value === '') return null;
    return this.parseExact(column, value, what, options.positive ?? false);
  }

  /** Whole days, not negative (`carryover_days`). */
  wholeDays(column: Column): number | null {
    const value = this.text(column);
    if (value === '') return null;
    if (/^\d{1,6}$/.test(value)) return Number(value);
    this.fail(column, 'invalid-days', `expected a whole number of days like 30, got ${quoteValue(value)}`);
    return null;
  }

  /** `yes`/`no`/`true`/`false` in any case; the default when empty. */
  boolean(column: Column, fallback: boolean): boolean {
    const value = this.text(column);
    if (value === '') return fallback;
    const parsed = BOOLEANS.get(value.toLowerCase());
    if (parsed !== undefined) return parsed;
    this.fail(column, 'invalid-boolean', `expected yes or no, got ${quoteValue(value)}`);
    return fallback;
  }

  /** One of `allowed` (compared after `normalise`); the default when empty. */
  choice<T extends string>(column: Column, allowed: readonly T[], fallback: T, normalise: (raw: string) => string = (raw) => raw): T {
    // A cell that is exactly one of the options (as exports write them) is read in place.
    const position = this.positionOf[column.index] as number;
    const ranges = this.inPlace(position);
    if (ranges !== null) {
      const start = ranges.starts[position] as number;
      const length = (ranges.ends[position] as number) - start;
      for (const option of allowed) if (sameText(option, ranges.text.chars, start, length)) return option;
    }
    const value = this.text(column);
    if (value === '') return fallback;
    const normalised = normalise(value);
    const match = allowed.find((option) => option === normalised);
    if (match !== undefined) return match;
    this.fail(column, 'unknown-value', `expected one of ${allowed.join(', ')}, got ${quoteValue(value)}`);
    return fallback;
  }

  /** `Role A=150;Role B=95`: roles trimmed and lower-cased, values exact and not negative, each role once. */
  roleValues(column: Column, example: string): RoleValue[] {
    const value = this.text(column);
    const result: RoleValue[] = [];
    if (value === '') return result;
    const expected = `role=value pairs separated by ";" like "${example}"`;
    for (const part of value.split(';')) {
      if (part.trim() === '') continue;
      const equals = part.lastIndexOf('=');
      const role = normaliseName(equals === -1 ? '' : part.slice(0, equals));
      if (equals === -1 || role === '') {
        this.fail(column, 'invalid-role-values', `expected ${expected}, got ${quoteValue(value)}`);
        return [];
      }
      if (result.some((existing) => existing.role === role)) {
        this.fail(column, 'duplicate-role', `the role "${role}" is listed twice in ${quoteValue(value)}`);
        return [];
      }
      const decimal = this.parseExact(column, part.slice(equals + 1).trim(), `a number after "${part.slice(0, equals).trim()}="`, false);
      if (decimal === null) return [];
      result.push({ role, value: decimal });
    }
    return result;
  }

  /** `;`-separated names, trimmed, lower-cased, without blanks or repeats. */
  nameList(column: Column): string[] {
    const names = this.text(column).split(';').map(normaliseName).filter((name) => name !== '');
    return [...new Set(names)];
  }

  private parseExact(column: Column, value: string, what: string, positive: boolean): ExactDecimal | null {
    const decimal = parseExactDecimal(value);
    if (decimal === null) {
      this.fail(column, 'invalid-number', `expected ${what}, got ${quoteValue(value)}`);
      return null;
    }
    if (decimal.units < 0 || (positive && decimal.units === 0)) {
      this.fail(column, positive ? 'not-positive' : 'negative-number', `expected ${positive ? 'a number greater than 0' : 'a number that is not negative'}, got ${quoteValue(value)}`);
      return null;
    }
    return decimal;
  }

  private fileIssue(column: string, code: string, message: string): void {
    this.issues.push({ file: this.fileName, line: 1, column, code, message, severity: 'error' });
  }
}

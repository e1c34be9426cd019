// Reads the cells of one canonical CSV row by column name and types them
// (SPEC §2, §10 "Input"). Each bad cell becomes an ImportIssue naming the
// file, line, column and what was expected; a row with any issue is rejected
// by its typer. Header names live in a Map, never as object keys, so a
// `__proto__` column is just an ignored unknown column.
import type { ImportIssue } from '../import/import-issue';
import type { Centi, ExactDecimal, IsoDate, RoleValue } from '../model';
import type { FieldRanges } from '../import/field-ranges';
import { parseCenti, parseExactDecimal, plainCentiIn } from '../numbers';
import { isoOf, parseIsoDate, parseIsoDateAt } from '../dates';
import { normaliseName } from '../ordering';

/** `"x"` for a value in a message; an empty cell is named as such. */
export function quoteValue(raw: string): string {
  return raw === '' ? 'an empty cell' : `"${raw}"`;
}

const BOOLEANS = new Map([['yes', true], ['true', true], ['no', false], ['false', false]]);

// A million entries repeat a few thousand contracts, customers and
// technicians; sharing one string per value keeps ~200 MB of duplicates out
// of the heap. Bounded, so a column of unique values cannot grow it forever.
const POOL_LIMIT = 65_536;
/** Slots of recent cells per shared column (a power of two): more than a team's technicians or roles. */
const RECENT_SLOTS = 64;

/**
 * A cell's slot among its column's recent cells, as the index of its key in
 * a list of key/value pairs: from its length and its first, middle and last
 * characters, which tell apart the few values such a column repeats.
 */
function recentSlot(text: string, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return 0;
  const hash = length * 7 + text.charCodeAt(start) * 31 + text.charCodeAt(start + (length >> 1)) * 17 + text.charCodeAt(end - 1);
  return (hash & (RECENT_SLOTS - 1)) << 1;
}

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

/** Resolves a file's header against its known columns, then types each row's cells. */
export class CellReader {
  readonly issues: ImportIssue[] = [];
  private readonly positions = new Map<string, number>();
  private readonly pool = new Map<string, string>();
  /**
   * Per column and trimming (at 2 × position + 1 when trimmed), recent cells
   * as written and their shared strings, as pairs in the slots recentSlot
   * gives: one list for rows of ranges, keyed by scanned characters, one for
   * rows of cells, keyed by cells, as the two keys cannot be compared.
   */
  private readonly recentScanned: string[][] = [];
  private readonly recentCells: string[][] = [];
  private cells: readonly string[] = [];
  /** The row as ranges of its text instead of cells (a CSV row without doubled quotes); null when `cells` holds it. */
  private ranges: FieldRanges | null = null;
  private rowLine = 0;
  /** The last trimmed cell `text` made in this row and its position: the id is asked for twice per row (typer and duplicate check). */
  private lastTextPosition = -1;
  private lastText = '';
  private rowIssues = 0;
  private rowFirstIssue = 0;

  constructor(
    readonly fileName: string,
    private readonly knownColumns: readonly string[],
  ) {}

  /** Maps known header names to positions; reports missing required and repeated known columns. Returns false when the file cannot be typed. */
  setHeader(names: readonly string[], requiredColumns: readonly string[]): boolean {
    const known = new Set(this.knownColumns);
    let usable = true;
    names.forEach((name, index) => {
      if (!known.has(name)) return;
      const first = this.positions.get(name);
      if (first === undefined) this.positions.set(name, index);
      else {
        usable = false;
        this.fileIssue(name, 'duplicate-column', `the column "${name}" appears twice (columns ${first + 1} and ${index + 1}); keep one`);
      }
    });
    for (const column of requiredColumns) {
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
  has(column: string): boolean {
    return this.positions.has(column);
  }

  /** Reports a problem with the current row's cell in `column`. */
  fail(column: string, code: string, message: string): void {
    this.rowIssues++;
    this.issues.push({ file: this.fileName, line: this.rowLine, column, code, message, severity: 'error' });
  }

  /** The trimmed cell; '' when empty or when the file has no such column. */
  text(column: string): string {
    const position = this.positions.get(column);
    if (position === undefined) return '';
    if (position !== this.lastTextPosition) {
      this.lastText = this.cell(position).trim();
      this.lastTextPosition = position;
    }
    return this.lastText;
  }

  /** The cell exactly as written (notes keep their spacing). */
  raw(column: string): string {
    const position = this.positions.get(column);
    return position === undefined ? '' : this.cell(position);
  }

  /** plainCentiIn of the cell when the row is ranges of a text; -1 otherwise. */
  private plainCentiInPlace(column: string): number {
    const ranges = this.ranges;
    const position = this.positions.get(column);
    if (ranges === null || position === undefined) return -1;
    return plainCentiIn(ranges.text.chars, ranges.starts[position] as number, ranges.ends[position] as number);
  }

  private cell(position: number): string {
    const ranges = this.ranges;
    if (ranges === null) return this.cells[position] ?? '';
    return ranges.text.slice(ranges.starts[position] as number, ranges.ends[position] as number);
  }

  /** The trimmed cell as one string shared by every row with that value, for columns whose values repeat. */
  sharedText(column: string): string {
    return this.shared(column, true);
  }

  /** The cell exactly as written, as one string shared by every row with that value (notes: "Remote support"). */
  sharedRaw(column: string): string {
    return this.shared(column, false);
  }

  private shared(column: string, trim: boolean): string {
    const position = this.positions.get(column);
    if (position === undefined) return '';
    // Exports come grouped (by contract, customer) or repeat a handful of
    // values (technicians, roles, types): each cell is first looked up among
    // the column's recent cells as written, in place when the row is ranges
    // of a text, which costs no copy, no trimming and no full hashing.
    const ranges = this.ranges;
    let written: string;
    let slot: number;
    let recent: string[];
    if (ranges !== null) {
      // Keys are the scanned characters, which a non-ASCII name only stands for (see ScannedText).
      const chars = ranges.text.chars;
      const start = ranges.starts[position] as number;
      const end = ranges.ends[position] as number;
      recent = this.recentScanned[2 * position + (trim ? 1 : 0)] ??= [];
      slot = recentSlot(chars, start, end);
      const known = recent[slot];
      if (known !== undefined && sameText(known, chars, start, end - start)) return recent[slot + 1] as string;
      written = chars.slice(start, end);
    } else {
      written = this.cells[position] ?? '';
      recent = this.recentCells[2 * position + (trim ? 1 : 0)] ??= [];
      slot = recentSlot(written, 0, written.length);
      if (recent[slot] === written) return recent[slot + 1] as string;
    }
    const cell = ranges === null ? written : ranges.text.slice(ranges.starts[position] as number, ranges.ends[position] as number);
    const value = trim ? cell.trim() : cell;
    let shared = this.pool.get(value);
    if (shared === undefined) {
      shared = value;
      if (this.pool.size < POOL_LIMIT) {
        shared = detached(value);
        this.pool.set(shared, shared);
      }
    }
    recent[slot] = written;
    recent[slot + 1] = shared;
    return shared;
  }

  /** A required text value; null (and an issue) when empty. */
  requiredText(column: string, what: string): string | null {
    const value = this.text(column);
    if (value !== '') return value;
    this.fail(column, 'missing-value', `expected ${what}, got an empty cell`);
    return null;
  }

  /** A strict `YYYY-MM-DD` date; null when empty (an issue too if required) or invalid. */
  date(column: string, required: boolean): IsoDate | null {
    // A plain date read in place; anything else (spaces, blanks, errors) takes the general path below.
    const ranges = this.ranges;
    const position = this.positions.get(column);
    if (ranges !== null && position !== undefined && (ranges.ends[position] as number) - (ranges.starts[position] as number) === 10) {
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
  centi(column: string, what: string, options: { required?: boolean; negative?: boolean; positive?: boolean } = {}): Centi | null {
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
  exact(column: string, what: string, options: { positive?: boolean } = {}): ExactDecimal | null {
    const value = this.text(column);
    if (value === '') return null;
    return this.parseExact(column, value, what, options.positive ?? false);
  }

  /** Whole days, not negative (`carryover_days`). */
  wholeDays(column: string): number | null {
    const value = this.text(column);
    if (value === '') return null;
    if (/^\d{1,6}$/.test(value)) return Number(value);
    this.fail(column, 'invalid-days', `expected a whole number of days like 30, got ${quoteValue(value)}`);
    return null;
  }

  /** `yes`/`no`/`true`/`false` in any case; the default when empty. */
  boolean(column: string, fallback: boolean): boolean {
    const value = this.text(column);
    if (value === '') return fallback;
    const parsed = BOOLEANS.get(value.toLowerCase());
    if (parsed !== undefined) return parsed;
    this.fail(column, 'invalid-boolean', `expected yes or no, got ${quoteValue(value)}`);
    return fallback;
  }

  /** One of `allowed` (compared after `normalise`); the default when empty. */
  choice<T extends string>(column: string, allowed: readonly T[], fallback: T, normalise: (raw: string) => string = (raw) => raw): T {
    // A cell that is exactly one of the options (as exports write them) is read in place.
    const ranges = this.ranges;
    const position = this.positions.get(column);
    if (ranges !== null && position !== undefined) {
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
  roleValues(column: string, example: string): RoleValue[] {
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
  nameList(column: string): string[] {
    const names = this.text(column).split(';').map(normaliseName).filter((name) => name !== '');
    return [...new Set(names)];
  }

  private parseExact(column: string, value: string, what: string, positive: boolean): ExactDecimal | null {
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

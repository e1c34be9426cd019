// Reads a source Table as records of one kind (a RecordSpec), typing each
// field by the profile's formats. Columns are looked up in a Map, never as
// object keys. Every bad cell becomes an ImportIssue naming the source file,
// line and column; a row with an error is kept out of the import and listed.
import type { Centi, ExactDecimal, IsoDate } from '../model';
import type { ImportIssue } from './import-issue';
import type { Table } from './table';
import type { FieldSpec, RecordSpec, SourceProfile } from './profiles/profile-types';
import { parseLocaleNumber } from './locale-number';
import { parseDuration } from './source-duration';
import { formatOfOrder, orderOfFormat, parseSourceDate, type DateOrder } from './source-date';

type Typed = string | boolean | ExactDecimal | number;

/** One typed source record: field values by field name, with where each came from. */
export class SourceRow {
  constructor(
    readonly file: string,
    readonly line: number,
    private readonly values: ReadonlyMap<string, Typed>,
    private readonly sources: ReadonlyMap<string, string>,
  ) {}

  /** Whether the field had a non-blank value. */
  has(field: string): boolean {
    return this.values.has(field);
  }

  /** The source column a field was read from (for messages). */
  column(field: string): string | null {
    return this.sources.get(field) ?? null;
  }

  /** A text field, trimmed; '' when blank or absent. */
  text(field: string): string {
    const value = this.values.get(field);
    return typeof value === 'string' ? value : '';
  }

  /** A date field as YYYY-MM-DD, or null. */
  date(field: string): IsoDate | null {
    const value = this.values.get(field);
    return typeof value === 'string' ? value : null;
  }

  /** A quantity, money or decimal field, or null. */
  decimal(field: string): ExactDecimal | null {
    const value = this.values.get(field);
    return typeof value === 'object' ? value : null;
  }

  /** A duration field in hundredths of an hour, or null. */
  hours(field: string): Centi | null {
    const value = this.values.get(field);
    return typeof value === 'number' ? value : null;
  }

  /** A boolean field, or null when blank. */
  flag(field: string): boolean | null {
    const value = this.values.get(field);
    return typeof value === 'boolean' ? value : null;
  }
}

export interface RecordRead {
  readonly rows: readonly SourceRow[];
  readonly issues: readonly ImportIssue[];
  /** Source column of each field found in the header. */
  readonly columns: ReadonlyMap<string, string>;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/** The columns a profile names for a field, or the spec's defaults. */
export function columnsFor(profile: SourceProfile, record: string, field: FieldSpec): readonly string[] {
  const mapping = profile.records.find((candidate) => candidate.record === record)?.columns.find((column) => column.field === field.field);
  return mapping?.columns ?? field.columns;
}

/** Header positions of each field of a spec, in the profile's order of preference (names compared trimmed, case-insensitively). */
export function resolveColumns(header: readonly string[], spec: RecordSpec, profile: SourceProfile): Map<string, readonly { index: number; name: string }[]> {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.trim().toLowerCase();
    if (!positions.has(key)) positions.set(key, index);
  });
  const found = new Map<string, { index: number; name: string }[]>();
  for (const field of spec.fields) {
    const candidates = columnsFor(profile, spec.record, field).flatMap((column) => {
      const index = positions.get(column.trim().toLowerCase());
      return index === undefined ? [] : [{ index, name: header[index] ?? column }];
    });
    if (candidates.length > 0) found.set(field.field, candidates);
  }
  return found;
}

/** Looks a value up in the profile's value map for a field; null when the field has a map without this value, the value itself when it has none. */
export function mapValue(profile: SourceProfile, field: string, raw: string): string | null {
  const map = profile.valueMaps.find((candidate) => candidate.field === field);
  if (!map) return raw;
  const key = raw.trim().toLowerCase();
  const hit = map.values.find(([source]) => source.trim().toLowerCase() === key);
  return hit ? hit[1] : null;
}

function issue(file: string, line: number | null, column: string | null, code: string, message: string, severity: 'error' | 'warning' = 'error'): ImportIssue {
  return { file, line, column, code, message, severity };
}

/** Settles the day order of a file's non-ISO dates: the declared one, or one the values imply; ambiguity blocks (IMP-8). */
function settleDateOrder(table: Table, dateColumns: readonly { index: number; name: string }[], profile: SourceProfile, issues: ImportIssue[]): DateOrder | null | 'blocked' {
  const declared = orderOfFormat(profile.dateFormat);
  if (declared !== null || dateColumns.length === 0) return declared;
  let ambiguous: { line: number; column: string; raw: string } | null = null;
  let ambiguousCount = 0;
  const implied = new Map<DateOrder, { line: number; column: string; raw: string }>();
  for (const row of table.rows) {
    for (const { index, name } of dateColumns) {
      const raw = (row.cells[index] ?? '').trim();
      if (raw === '') continue;
      const parsed = parseSourceDate(raw, null, profile.utcOffsetMinutes);
      if (parsed.kind === 'ambiguous') {
        ambiguousCount += 1;
        ambiguous ??= { line: row.line, column: name, raw };
      }
      else if (parsed.kind === 'date' && parsed.impliedOrder !== null && !implied.has(parsed.impliedOrder)) implied.set(parsed.impliedOrder, { line: row.line, column: name, raw });
    }
  }
  const orders = [...implied.keys()].filter((order) => order !== 'YMD');
  if (orders.length > 1) {
    const dmy = implied.get('DMY');
    const mdy = implied.get('MDY');
    issues.push(issue(table.fileName, dmy?.line ?? null, dmy?.column ?? null, 'mixed-date-formats', `dates are written both day-first ("${dmy?.raw}") and month-first ("${mdy?.raw}", line ${mdy?.line}); fix the export so one format is used`));
    return 'blocked';
  }
  const suggestion = orders[0] ?? null;
  if (ambiguous) {
    const hint = suggestion ? ` "${implied.get(suggestion)?.raw}" on line ${implied.get(suggestion)?.line} suggests ${formatOfOrder(suggestion)}; confirm it in the profile or with --date-format.` : ' Choose DD/MM/YYYY or MM/DD/YYYY in the profile or with --date-format.';
    issues.push(issue(table.fileName, ambiguous.line, ambiguous.column, 'ambiguous-date', `"${ambiguous.raw}" could be read day-first or month-first (${ambiguousCount} such date${ambiguousCount === 1 ? '' : 's'} in this file) and the profile declares no date format, so the file is not imported.${hint}`));
    return 'blocked';
  }
  if (suggestion) {
    const example = implied.get(suggestion);
    issues.push(issue(table.fileName, example?.line ?? null, example?.column ?? null, 'date-format-inferred', `no date format is declared; every date here reads only as ${formatOfOrder(suggestion)} (e.g. "${example?.raw}"), so that format was used`, 'warning'));
  }
  return suggestion;
}

// Machine numbers (XLSX number cells, JSON numbers) are plain decimals whatever the profile's locale.
const PLAIN = { decimal: '.', grouping: '' } as const;

function typeCell(raw: string, field: FieldSpec, profile: SourceProfile, order: DateOrder | null, plain: boolean): { ok: true; value: Typed } | { ok: false; message: string } {
  const number = plain ? PLAIN : { decimal: profile.decimal, grouping: profile.grouping };
  switch (field.type) {
    case 'text':
      return { ok: true, value: raw };
    case 'boolean': {
      const mapped = mapValue(profile, field.field, raw);
      const word = (mapped ?? raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `"${raw}" is not yes/no (true/false)` };
    }
    case 'date': {
      const parsed = parseSourceDate(raw, order, profile.utcOffsetMinutes);
      if (parsed.kind === 'date') return { ok: true, value: parsed.iso };
      return { ok: false, message: parsed.kind === 'error' ? parsed.message : `"${raw}" could be day-first or month-first` };
    }
    case 'duration': {
      const parsed = parseDuration(raw, profile.durationUnit, number);
      return parsed.ok ? { ok: true, value: parsed.hours } : parsed;
    }
    case 'quantity':
    case 'money':
    case 'decimal': {
      const parsed = parseLocaleNumber(raw, number);
      return parsed.ok ? { ok: true, value: parsed.value } : parsed;
    }
  }
}

/** Reads every row of a table as records of one kind; rows with a bad or missing required value are listed, not returned. */
export function readRecords(table: Table, spec: RecordSpec, profile: SourceProfile): RecordRead {
  const issues: ImportIssue[] = [];
  const found = resolveColumns(table.header, spec, profile);
  const columns = new Map([...found].map(([field, candidates]) => [field, candidates[0]!.name]));
  const missing = spec.fields.filter((field) => field.required && !found.has(field.field));
  for (const field of missing) {
    const names = columnsFor(profile, spec.record, field).map((name) => `"${name}"`).join(' or ');
    issues.push(issue(table.fileName, null, null, 'missing-column', `this ${spec.label} file has no ${names} column, which is needed; map it in the profile`));
  }
  if (missing.length > 0) return { rows: [], issues, columns };
  const dateColumns = spec.fields.filter((field) => field.type === 'date').flatMap((field) => found.get(field.field) ?? []);
  const order = settleDateOrder(table, dateColumns, profile, issues);
  if (order === 'blocked') return { rows: [], issues, columns };
  const plain = new Set(table.plainColumns ?? []);
  const rows: SourceRow[] = [];
  for (const row of table.rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const values = new Map<string, Typed>();
    let bad = false;
    const sources = new Map<string, string>();
    for (const field of spec.fields) {
      // Synonymous columns in order of preference: the first with a value in this row (saved JSON leaves null keys out).
      const candidates = found.get(field.field) ?? [];
      const position = candidates.find((candidate) => (row.cells[candidate.index] ?? '').trim() !== '') ?? candidates[0];
      const raw = position === undefined ? '' : (row.cells[position.index] ?? '').trim();
      if (position !== undefined) sources.set(field.field, position.name);
      if (raw === '') {
        if (field.required) {
          bad = true;
          issues.push(issue(table.fileName, row.line, position?.name ?? null, 'missing-value', `the ${spec.label} has no ${field.field} here, which is needed`));
        }
        continue;
      }
      const typed = typeCell(raw, field, profile, order, position !== undefined && plain.has(position.index));
      if (typed.ok) values.set(field.field, typed.value);
      else {
        bad = true;
        issues.push(issue(table.fileName, row.line, position?.name ?? null, `invalid-${field.type}`, typed.message));
      }
    }
    if (!bad) rows.push(new SourceRow(table.fileName, row.line, values, sources));
  }
  return { rows, issues, columns };
}

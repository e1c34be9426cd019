// What a canonical typer returns and how it is fed: header first, then rows,
// either from a whole Table or straight from a streaming CSV reader.
import type { FieldRanges } from '../import/field-ranges';
import type { ImportIssue } from '../import/import-issue';
import type { Table } from '../import/table';
import { CellReader, type Column } from './cell-reader';
import { FirstLines } from './first-lines';

export interface TypedRows<T> {
  readonly records: readonly T[];
  readonly issues: readonly ImportIssue[];
  /** False when the header itself was unusable (no row could be read). */
  readonly complete: boolean;
  /** Ids of rejected rows, so records that refer to them are not called unknown. */
  readonly rejectedIds: ReadonlySet<string>;
}

/** Receives a file's header, then each row's cells (a CSV reader's row sink has this shape). */
export interface RowTyper<T> {
  header(names: readonly string[]): void;
  row(cells: readonly string[], line: number): void;
  /** The same for a row handed over as ranges of a text (a CSV row without doubled quotes). */
  rowRanges(fields: FieldRanges, line: number): void;
  finish(): TypedRows<T>;
}

export interface RowTyperSpec<T> {
  readonly columns: Readonly<Record<string, Column>>;
  readonly required: readonly Column[];
  /** With an id column, ids must be unique within the file (SPEC §10). */
  readonly idColumn: Column | null;
  /** Types the reader's current row; the record is kept only when the row had no issue. */
  readonly typeRow: (reader: CellReader) => T | null;
}

/** A row typer for one canonical file: resolves the header, types every row, reports every bad one. */
export function createRowTyper<T>(fileName: string, spec: RowTyperSpec<T>): RowTyper<T> {
  const reader = new CellReader(fileName, spec.columns);
  // SPEC §10: ids match exactly after trimming.
  const firstLines = new FirstLines();
  const records: T[] = [];
  const rejectedIds = new Set<string>();
  let usable = false;
  return {
    header(names) {
      usable = reader.setHeader(names, spec.required);
    },
    row(cells, line) {
      if (!usable) return;
      reader.begin(cells, line);
      typeCurrentRow(line);
    },
    rowRanges(fields, line) {
      if (!usable) return;
      reader.beginRanges(fields, line);
      typeCurrentRow(line);
    },
    finish() {
      return { records, issues: reader.issues, complete: usable, rejectedIds };
    },
  };

  // The reader holds the row (cells or ranges); type it and keep or reject it.
  function typeCurrentRow(line: number): void {
    // The id is read first, so the typer's own read of it shares this string.
    const id = spec.idColumn === null ? '' : reader.text(spec.idColumn);
    const record = spec.typeRow(reader);
    if (id !== '') {
      const first = firstLines.claim(id, line);
      if (first !== null) reader.fail(spec.idColumn as Column, 'duplicate-id', `duplicate id "${id}": expected each id once, it is already on line ${first}`);
    }
    reader.end();
    if (record !== null && reader.rowOk) records.push(record);
    else if (id !== '') rejectedIds.add(id);
  }
}

/** Feeds a whole Table through a row typer. */
export function typeTable<T>(table: Table, typer: RowTyper<T>): TypedRows<T> {
  if (table.header.length > 0) typer.header(table.header);
  for (const row of table.rows) typer.row(row.cells, row.line);
  return typer.finish();
}

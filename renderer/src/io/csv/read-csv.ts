// CSV bytes to a Table of string cells plus import issues (issue 3 "Readers").
// Values stay strings: typing is the profiles' and the canonical typer's job.
import type { ImportIssue } from '../../core/import/import-issue';
import type { Table, TableRow } from '../../core/import/table';
import { decodeText, type TextEncoding } from './decode-text';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { tokenizeCsv, type CsvProblem } from './tokenize-csv';

/** Receives the header once, then every well-formed data row (cells as long as the header). */
export interface CsvRowSink {
  header(names: readonly string[]): void;
  row(cells: string[], line: number): void;
}

export interface CsvReadSummary {
  /** The encoding used (or, with an `unreadable-encoding` issue, the one the file claimed). */
  readonly encoding: TextEncoding;
  readonly delimiter: Delimiter;
  readonly issues: readonly ImportIssue[];
}

export interface CsvTableResult extends CsvReadSummary {
  readonly table: Table;
}

const PROBLEM_MESSAGES: Record<CsvProblem, string> = {
  'unclosed-quote': 'a quoted value that starts on this line is never closed; this line and the rest of the file were not read',
  'text-after-quote': 'unexpected text after a closing quote; the row was not read',
};

function issue(file: string, line: number | null, code: string, message: string): ImportIssue {
  return { file, line, column: null, code, message, severity: 'error' };
}

/** Reads decoded text row by row into `sink` (no row objects are built); header names are trimmed, a BOM dropped. */
export function readCsvText(input: string, fileName: string, sink: CsvRowSink): { delimiter: Delimiter; issues: ImportIssue[] } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const issues: ImportIssue[] = [];
  let width = -1;
  tokenizeCsv(text, delimiter, {
    record(cells, line) {
      if (width === -1) {
        width = cells.length;
        sink.header(cells.map((name) => name.trim()));
      } else if (cells.length !== width) {
        issues.push(issue(fileName, line, 'ragged-row', `expected ${width} values as in the header, found ${cells.length}; the row was not read`));
      } else {
        sink.row(cells, line);
      }
    },
    problem(kind, line) {
      issues.push(issue(fileName, line, kind, PROBLEM_MESSAGES[kind]));
    },
  });
  if (width === -1 && issues.length === 0) issues.push(issue(fileName, null, 'empty-file', 'the file is empty: expected a header row'));
  return { delimiter, issues };
}

/** Decodes bytes (BOM, strict UTF-8, else Windows-1252) and reads them row by row into `sink`. */
export function readCsvBytes(bytes: Uint8Array, fileName: string, sink: CsvRowSink): CsvReadSummary {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { encoding: decoded.encoding, delimiter: ',', issues: [issue(fileName, null, 'unreadable-encoding', decoded.message)] };
  const { delimiter, issues } = readCsvText(decoded.text, fileName, sink);
  return { encoding: decoded.encoding, delimiter, issues };
}

/** Reads CSV bytes into a Table (header plus well-formed rows) and the issues found. */
export function readCsvTable(bytes: Uint8Array, fileName: string): CsvTableResult {
  let header: readonly string[] = [];
  const rows: TableRow[] = [];
  const summary = readCsvBytes(bytes, fileName, {
    header(names) {
      header = names;
    },
    row(cells, line) {
      rows.push({ line, cells });
    },
  });
  return { ...summary, table: { fileName, header, rows } };
}

// CSV bytes to a Table of string cells plus import issues (issue 3 "Readers").
// Values stay strings: typing is the profiles' and the canonical typer's job.
import type { ImportIssue } from '../../core/import/import-issue';
import { fieldCells, PlainText, type FieldRanges, type ScannedText } from '../../core/import/field-ranges';
import type { Table, TableRow } from '../../core/import/table';
import { decodeText, hasUtf8Bom, type TextEncoding } from './decode-text';
import { detectDelimiter, type Delimiter } from './detect-delimiter';
import { tokenizeCsv, type CsvProblem, type CsvRecordSink } from './tokenize-csv';
import { Utf8ByteText } from './utf8-byte-text';

/** Receives the header once, then every well-formed data row (cells as long as the header). */
export interface CsvRowSink {
  header(names: readonly string[]): void;
  row(cells: string[], line: number): void;
  /** Optional: a data row as ranges of the text (see FieldRanges). */
  rowRanges?(fields: FieldRanges, line: number): void;
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

/** Turns tokenizer records into a header and rows of the header's width; the rest become issues. */
class CsvRecordChecker implements CsvRecordSink {
  readonly issues: ImportIssue[] = [];
  private width = -1;

  constructor(
    private readonly fileName: string,
    private readonly sink: CsvRowSink,
  ) {}

  record(cells: string[], line: number): void {
    if (this.width === -1) {
      this.width = cells.length;
      this.sink.header(cells.map((name) => name.trim()));
    } else if (cells.length !== this.width) {
      this.issues.push(issue(this.fileName, line, 'ragged-row', `expected ${this.width} values as in the header, found ${cells.length}; the row was not read`));
    } else {
      this.sink.row(cells, line);
    }
  }

  ranges(fields: FieldRanges, line: number): void {
    // The header and ragged rows are rare: they go the way of cells.
    if (this.width === fields.count && this.sink.rowRanges) this.sink.rowRanges(fields, line);
    else this.record(fieldCells(fields), line);
  }

  problem(kind: CsvProblem, line: number): void {
    this.issues.push(issue(this.fileName, line, kind, PROBLEM_MESSAGES[kind]));
  }

  /** The issues, with `empty-file` when no header was ever seen. */
  finish(): ImportIssue[] {
    if (this.width === -1 && this.issues.length === 0) this.issues.push(issue(this.fileName, null, 'empty-file', 'the file is empty: expected a header row'));
    return this.issues;
  }
}

/** Drops a BOM that a text (not bytes) input may still carry. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads decoded text row by row into `sink` (no row objects are built); header names are trimmed, a BOM dropped. */
export function readCsvText(input: string, fileName: string, sink: CsvRowSink): { delimiter: Delimiter; issues: ImportIssue[] } {
  const unmarked = withoutBom(input);
  // Classic Mac files end lines with a lone CR: only when no LF exists at all.
  const text = unmarked.indexOf('\n') === -1 && unmarked.indexOf('\r') !== -1 ? unmarked.replace(/\r/g, '\n') : unmarked;
  return readScanned(new PlainText(text), fileName, sink);
}

function readScanned(text: ScannedText, fileName: string, sink: CsvRowSink): { delimiter: Delimiter; issues: ImportIssue[] } {
  const delimiter = detectDelimiter(text.chars);
  const checker = new CsvRecordChecker(fileName, sink);
  tokenizeCsv(text, delimiter, checker);
  return { delimiter, issues: checker.finish() };
}

const LF = 10;

/** Decodes bytes (BOM, strict UTF-8, else Windows-1252) and reads them row by row into `sink`. */
export function readCsvBytes(bytes: Uint8Array, fileName: string, sink: CsvRowSink): CsvReadSummary {
  // UTF-8 with LF line ends, the common case, is read as a byte text (see
  // Utf8ByteText); a file without an LF (one line, or classic Mac) is decoded.
  const marked = hasUtf8Bom(bytes);
  const byteText = bytes.indexOf(LF) === -1 ? null : Utf8ByteText.of(marked ? bytes.subarray(3) : bytes);
  if (byteText !== null) return { encoding: marked ? 'utf-8-bom' : 'utf-8', ...readScanned(byteText, fileName, sink) };
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

// The one entry point the CLI and the UI call to import source files
// (issue 3): read each file (CSV, XLSX or JSON), recognise its profile and
// record kind, map it onto canonical tables, and type those with the
// canonical typer, so SPEC §10 is checked once for every source. Every
// problem comes back as an ImportIssue; nothing is thrown for bad input.
import type { Addition, Contract, Entry } from '../core/model';
import type { ImportIssue } from '../core/import/import-issue';
import type { Table } from '../core/import/table';
import type { Detection } from '../core/import/detect-profile';
import type { CanonicalTables } from '../core/import/canonical-output';
import { mapSourceTables, type SourceOptions } from '../core/import/map-source-tables';
import { contractTyper } from '../core/canonical/type-contracts';
import { additionTyper } from '../core/canonical/type-additions';
import { entryTyper } from '../core/canonical/type-entries';
import { typeTable, type TypedRows } from '../core/canonical/typed-rows';
import { readCsvTable } from './csv/read-csv';
import { readJson } from './json/read-json';
import type { XlsxRead } from './xlsx/sheet-table';

export interface SourceFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface LoadSourceOptions extends SourceOptions {
  /** `stream` (Node only: one inflate pass with node:zlib, parts parsed as they come) or `memory` (browser, ExcelJS); default: stream when running in Node. */
  readonly xlsx?: 'stream' | 'memory';
}

export interface LoadedSources {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
  /** Every problem: reading, mapping (with per-contract notes on approximations) and typing. */
  readonly issues: readonly ImportIssue[];
  /** How each table was recognised (profile, record kind, confidence, reason). */
  readonly detections: readonly Detection[];
  /** The canonical tables the records were typed from (for the preview and the store's row keys). */
  readonly canonical: CanonicalTables;
}

type FileKind = 'xlsx' | 'json' | 'csv';

function kindOf(file: SourceFile): FileKind {
  const { bytes } = file;
  // Zip (xlsx) or OLE2 (xls, encrypted xlsx): the XLSX reader says what it is.
  if ((bytes[0] === 0x50 && bytes[1] === 0x4b) || (bytes[0] === 0xd0 && bytes[1] === 0xcf) || /\.xls[xm]?$/i.test(file.name)) return 'xlsx';
  if (/\.json$/i.test(file.name)) return 'json';
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && (bytes[index] === 0x20 || bytes[index] === 0x0a || bytes[index] === 0x0d || bytes[index] === 0x09)) index += 1;
  return bytes[index] === 0x7b || bytes[index] === 0x5b ? 'json' : 'csv';
}

function runsInNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

async function readXlsx(file: SourceFile, mode: 'stream' | 'memory' | undefined): Promise<XlsxRead> {
  // Each reader is loaded when first needed: the browser's holds ExcelJS, most of the engine worker's code; the stream reader inflates with node:zlib.
  if (mode === 'memory' || (mode === undefined && !runsInNode())) {
    const { readXlsxInMemory } = await import('./xlsx/read-xlsx-memory');
    return readXlsxInMemory(file.bytes, file.name);
  }
  const { readXlsxStream } = await import('./xlsx/read-xlsx-stream');
  return readXlsxStream(file.bytes, file.name);
}

/** Reads one file into tables of text cells. */
export async function readSourceFile(file: SourceFile, options: LoadSourceOptions = {}): Promise<{ tables: readonly Table[]; issues: readonly ImportIssue[] }> {
  switch (kindOf(file)) {
    case 'xlsx':
      return readXlsx(file, options.xlsx);
    case 'json':
      return readJson(file.bytes, file.name);
    case 'csv': {
      const read = readCsvTable(file.bytes, file.name);
      return { tables: read.table.header.length > 0 ? [read.table] : [], issues: read.issues };
    }
  }
}

function merge<T>(parts: readonly TypedRows<T>[]): TypedRows<T> {
  return {
    records: parts.flatMap((part) => part.records),
    issues: parts.flatMap((part) => part.issues),
    complete: parts.length > 0 && parts.every((part) => part.complete),
    rejectedIds: new Set(parts.flatMap((part) => [...part.rejectedIds])),
  };
}

/** Ids must be unique across files too (SPEC §10): the later rows are rejected. */
function uniqueAcrossFiles<T extends { readonly id: string }>(parts: readonly { table: Table; typed: TypedRows<T> }[], what: string, issues: ImportIssue[]): T[] {
  const first = new Map<string, string>();
  const kept: T[] = [];
  for (const { table, typed } of parts) {
    for (const record of typed.records) {
      const earlier = first.get(record.id);
      if (earlier === undefined) {
        first.set(record.id, table.fileName);
        kept.push(record);
      } else if (earlier !== table.fileName) {
        issues.push({ file: table.fileName, line: null, column: 'id', code: 'duplicate-id', message: `the ${what} "${record.id}" is also in ${earlier}; it was kept from there only`, severity: 'error' });
      }
    }
  }
  return kept;
}

/** Reads, recognises, maps and types source files into the engine's records plus every issue found. */
export async function loadSourceFiles(files: readonly SourceFile[], options: LoadSourceOptions = {}): Promise<LoadedSources> {
  const tables: Table[] = [];
  const issues: ImportIssue[] = [];
  for (const file of files) {
    const read = await readSourceFile(file, options);
    tables.push(...read.tables);
    issues.push(...read.issues);
  }
  const mapped = mapSourceTables(tables, options);
  issues.push(...mapped.issues);
  const contractParts = mapped.tables.contracts.map((table) => ({ table, typed: typeTable(table, contractTyper(table.fileName)) }));
  const contractRows = merge(contractParts.map((part) => part.typed));
  const contractFiles = mapped.tables.contracts.map((table) => table.fileName).join(', ') || 'the contracts file';
  const additionRows = merge(mapped.tables.additions.map((table) => typeTable(table, additionTyper(table.fileName, contractRows, contractFiles))));
  const entryParts = mapped.tables.entries.map((table) => ({ table, typed: typeTable(table, entryTyper(table.fileName)) }));
  const entryRows = merge(entryParts.map((part) => part.typed));
  issues.push(...contractRows.issues, ...additionRows.issues, ...entryRows.issues);
  const contracts = uniqueAcrossFiles(contractParts, 'contract', issues);
  const entries = uniqueAcrossFiles(entryParts, 'entry', issues).map((entry) => {
    const entered = mapped.entered.get(entry.id);
    return entered === undefined ? entry : { ...entry, entered };
  });
  return { contracts, additions: additionRows.records, entries, issues, detections: mapped.detections, canonical: mapped.tables };
}

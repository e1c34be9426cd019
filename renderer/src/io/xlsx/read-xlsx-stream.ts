// Reads a guarded .xlsx with ExcelJS's streaming WorkbookReader, sheet by
// sheet and row by row, so a large export never sits in memory as a workbook
// model. Node only (the browser bundle of ExcelJS has no stream reader: use
// readXlsxInMemory there). Bad input is an issue, never a thrown exception.
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { ImportIssue } from '../../core/import/import-issue';
import { guardXlsx, type XlsxLimits, DEFAULT_XLSX_LIMITS } from './xlsx-guard';
import { nameSheets, refusedWorkbook, SheetTableBuilder, sheetFileName, unreadableWorkbook, type SheetCell, type XlsxRead } from './sheet-table';

// The parts of ExcelJS's stream reader we read that its typings omit.
interface StreamInternals {
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}
interface SheetInternals {
  readonly name: string;
}

/** Node's zlib for the guard's inflating, capped so a lying part cannot balloon. */
export function inflateRawNatively(compressed: Uint8Array, maxBytes: number): Uint8Array<ArrayBuffer> | null {
  try {
    const inflated = inflateRawSync(compressed, { maxOutputLength: maxBytes });
    return new Uint8Array(inflated.buffer as ArrayBuffer, inflated.byteOffset, inflated.byteLength);
  } catch {
    return null;
  }
}

/** Reads every worksheet of an .xlsx into Tables of text cells, streaming. */
export async function readXlsxStream(bytes: Uint8Array, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<XlsxRead> {
  const guard = guardXlsx(bytes, limits, inflateRawNatively);
  if (!guard.ok) return refusedWorkbook(fileName, guard.code, guard.message);
  const sheets: { sheet: string; table: ReturnType<SheetTableBuilder['finish']>['table']; issues: ImportIssue[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    const date1904 = (): boolean => (reader as unknown as StreamInternals).properties?.model?.date1904 === true;
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as SheetInternals).name;
      const builder = new SheetTableBuilder(sheetFileName(fileName, name), date1904);
      for await (const row of worksheet) {
        const cells: SheetCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => cells.push({ column, value: cell.value, numFmt: cell.numFmt }));
        builder.addRow(row.number, cells);
      }
      sheets.push({ sheet: name, ...builder.finish() });
    }
  } catch (error) {
    return unreadableWorkbook(fileName, error);
  }
  return nameSheets(fileName, sheets);
}

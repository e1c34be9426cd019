// The product's former Node reader, kept only as the oracle the new reader is
// compared with: the guard, then ExcelJS's streaming WorkbookReader, then the
// same cell text and table building.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportIssue } from '../../../renderer/src/core/import/import-issue';
import type { Table } from '../../../renderer/src/core/import/table';
import { guardXlsx } from '../../../renderer/src/io/xlsx/xlsx-guard';
import { nameSheets, refusedWorkbook, SheetTableBuilder, sheetFileName, unreadableWorkbook, type SheetCell, type XlsxRead } from '../../../renderer/src/io/xlsx/sheet-table';

// The parts of ExcelJS's stream reader we read that its typings omit.
interface StreamInternals {
  readonly properties?: { readonly model?: { readonly date1904?: boolean } };
}
interface SheetInternals {
  readonly name: string;
}

/** Reads every worksheet with ExcelJS's WorkbookReader, as the product did before its own reader. */
export async function readXlsxWithExcelJsStream(bytes: Uint8Array, fileName: string): Promise<XlsxRead> {
  const guard = guardXlsx(bytes);
  if (!guard.ok) return refusedWorkbook(fileName, guard.code, guard.message);
  const sheets: { sheet: string; table: Table | null; issues: ImportIssue[] }[] = [];
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

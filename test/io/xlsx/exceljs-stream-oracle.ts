// The product's former Node reader, kept only as the oracle the new reader is
// compared with: the guard, then ExcelJS's streaming WorkbookReader, then the
// same cell text and table building.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
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

const FIRST_PARTS = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * The same parts with the workbook, styles and shared strings (an empty table
 * if there is none) ahead of the sheets. Otherwise ExcelJS parks the sheets
 * in temp files, and inside the property about one workbook in 450 was then
 * read without its styles or a sheet, and one run of the property timed out, while the same bytes
 * read alone were read right 100 times out of 100. What it reads is the same.
 */
function sheetsLast(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const ordered: Zippable = {};
  parts['xl/sharedStrings.xml'] ??= strToU8('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>');
  for (const name of [...FIRST_PARTS, ...Object.keys(parts)]) if (parts[name] !== undefined && ordered[name] === undefined) ordered[name] = parts[name];
  return zipSync(ordered);
}

/** Reads every worksheet with ExcelJS's WorkbookReader, as the product did before its own reader. */
export async function readXlsxWithExcelJsStream(bytes: Uint8Array, fileName: string): Promise<XlsxRead> {
  const guard = guardXlsx(bytes);
  if (!guard.ok) return refusedWorkbook(fileName, guard.code, guard.message);
  const sheets: { sheet: string; table: Table | null; issues: ImportIssue[] }[] = [];
  try {
    const ordered = sheetsLast(bytes);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(ordered.buffer, ordered.byteOffset, ordered.byteLength)]), {
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

// Reads a guarded .xlsx in memory with ExcelJS's Workbook (the browser bundle
// has no stream reader); meant for modest files. Bad input is an issue, never
// a thrown exception.
import ExcelJS from 'exceljs';
import { guardXlsx, type XlsxLimits, DEFAULT_XLSX_LIMITS } from './xlsx-guard';
import { nameSheets, refusedWorkbook, SheetTableBuilder, sheetFileName, unreadableWorkbook, type SheetCell, type XlsxRead } from './sheet-table';

/** Reads every worksheet of an .xlsx into Tables of text cells. */
export async function readXlsxInMemory(bytes: Uint8Array, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Promise<XlsxRead> {
  const guard = guardXlsx(bytes, limits);
  if (!guard.ok) return refusedWorkbook(fileName, guard.code, guard.message);
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const date1904 = workbook.properties.date1904 === true;
    const sheets = workbook.worksheets.map((worksheet) => {
      const builder = new SheetTableBuilder(sheetFileName(fileName, worksheet.name), () => date1904);
      worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: SheetCell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => cells.push({ column, value: cell.value, numFmt: cell.numFmt }));
        builder.addRow(rowNumber, cells);
      });
      return { sheet: worksheet.name, ...builder.finish() };
    });
    return nameSheets(fileName, sheets);
  } catch (error) {
    return unreadableWorkbook(fileName, error);
  }
}

// Reading our workbooks back the way a reader's program would: ExcelJS for
// cell values (cached formula results included), fflate for the raw XML.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { excelSerial } from '../../../renderer/src/io/workbook/cells';

/** A workbook file read with ExcelJS. */
export async function readWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  const bytes = await readFile(path);
  // ExcelJS declares its own `Buffer` (an ArrayBuffer); a copy of the bytes is one.
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  return book;
}

/** A sheet that must exist. */
export function sheetOf(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** The value a program shows before recalculating: a formula's cached result, a date as its serial. */
export function shown(cell: ExcelJS.Cell): string | number | null {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return excelSerial(value.toISOString().slice(0, 10));
  if (typeof value === 'object' && 'formula' in value) {
    // ExcelJS's reader drops a cached result of 0 (`if (model.value)`); the XML
    // test checks that every formula is written with its cached value.
    const result = value.result ?? 0;
    if (result instanceof Date) return excelSerial(result.toISOString().slice(0, 10));
    return typeof result === 'number' || typeof result === 'string' ? result : null;
  }
  throw new Error(`unexpected cell value at ${cell.address}: ${JSON.stringify(value)}`);
}

/** A shown number as hundredths (the engine's unit), exactly. */
export function hundredths(cell: ExcelJS.Cell): number {
  const value = shown(cell);
  if (typeof value !== 'number') throw new Error(`not a number at ${cell.address}: ${JSON.stringify(value)}`);
  const centi = Math.round(value * 100);
  if (Math.abs(centi - value * 100) > 1e-6) throw new Error(`not a whole number of hundredths at ${cell.address}: ${value}`);
  return centi;
}

/** Data rows of a sheet as arrays of cells (1-based columns), from the row after `headerRow` up to the first blank row. */
export function dataRows(sheet: ExcelJS.Worksheet, headerRow: number): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let number = headerRow + 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    if (row.cellCount === 0 || row.getCell(1).value === null && row.getCell(2).value === null) break;
    rows.push(row);
  }
  return rows;
}

/** Every XML part of an .xlsx, by name. */
export async function xmlParts(path: string): Promise<Map<string, string>> {
  const entries = unzipSync(new Uint8Array(await readFile(path)));
  return new Map(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity] ?? '');
}

/** The text of every `<f>` (cell formula) element of the sheets. */
export function formulasIn(parts: ReadonlyMap<string, string>): string[] {
  const formulas: string[] = [];
  for (const [name, xml] of parts) {
    if (!name.startsWith('xl/worksheets/')) continue;
    for (const match of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) formulas.push(decodeXml(match[1] ?? ''));
  }
  return formulas;
}

// What a sheet looks like, independent of how it is written (streamed in Node,
// or built in memory in the browser), and the ExcelJS calls both writers share:
// frozen header, autofilter, widths, number formats, highlights, print setup.
import type ExcelJS from 'exceljs';
import type { IsoDate } from '../../core/model';
import { type Cell, type NumberFormat, cellFormat, excelValue, numberFormat } from './cells';
import { columnLetter } from './formulas';

export interface ColumnLayout {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** The column's usual format; cells with another format carry their own. */
  readonly format: NumberFormat | null;
}

/** Conditional formatting over a column's data rows: red when negative, amber when positive (overage). */
export interface Highlight {
  readonly column: number;
  readonly when: 'negative' | 'positive';
}

export interface SheetLayout {
  /** At most 31 characters, none of `[]:*?/\` (our own fixed names). */
  readonly name: string;
  /** Lines above the table (customer, as-of…); a blank line separates them from the header. */
  readonly title: readonly (readonly Cell[])[];
  readonly columns: readonly ColumnLayout[];
  readonly highlights: readonly Highlight[];
}

export interface SheetContent {
  readonly layout: SheetLayout;
  readonly rows: Iterable<readonly Cell[]>;
  /** Rows after the data (totals), outside the autofilter. */
  readonly totals?: readonly (readonly Cell[])[];
}

/** Document properties and the page footer; timestamps come from the as-of date, never the clock. */
export interface DocumentInfo {
  readonly title: string;
  readonly subject: string;
  readonly company: string;
  /** Shown in the footer of every page (the customer, or "Month-end pack"). */
  readonly footer: string;
  readonly asOf: IsoDate;
  readonly currencySymbol: string;
}

/** Where sheets go: streamed to a file (Node) or built in memory (browser). */
export interface WorkbookTarget {
  writeSheet(content: SheetContent): Promise<void>;
}

/** Row number of a layout's header row. */
export function headerRowOf(layout: SheetLayout): number {
  return layout.title.length === 0 ? 1 : layout.title.length + 2;
}

/** Row number of a layout's first data row. */
export function firstDataRowOf(layout: SheetLayout): number {
  return headerRowOf(layout) + 1;
}

/** A column of quantities (hundredths of a contract's unit). */
export function quantityColumn(header: string): ColumnLayout {
  return { header, width: 12, format: 'units' };
}

const MAX_WIDTH = 60;

/** A column width that fits the header and the longest of `values` (capped so notes do not push the page). */
export function fitWidth(header: string, values: Iterable<string>, minimum = 8): number {
  let widest = Math.max(header.length, minimum);
  for (const value of values) if (value.length > widest) widest = Math.min(value.length, MAX_WIDTH);
  return widest + 2;
}

/** The as-of date at midnight UTC: the workbook's created/modified time, so that two runs give the same bytes. */
export function documentTime(asOf: IsoDate): Date {
  return new Date(`${asOf}T00:00:00Z`);
}

/** Sets title, subject, company, creator and the fixed timestamps. */
export function applyDocumentInfo(book: ExcelJS.Workbook, info: DocumentInfo): void {
  book.creator = 'Blockledger';
  book.lastModifiedBy = 'Blockledger';
  book.title = info.title;
  book.subject = info.subject;
  book.company = info.company;
  book.created = documentTime(info.asOf);
  book.modified = documentTime(info.asOf);
}

// Header and footer codes use `&` as escape; a literal ampersand is `&&`.
function footerText(text: string): string {
  return text.replaceAll('&', '&&').slice(0, 80);
}

/** Creates a worksheet with its columns, frozen header, print setup and footer (before any row is written). */
export function createSheet(book: ExcelJS.Workbook, layout: SheetLayout, info: DocumentInfo): ExcelJS.Worksheet {
  const header = headerRowOf(layout);
  const sheet = book.addWorksheet(layout.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: header, topLeftCell: `A${header + 1}`, activeCell: `A${header + 1}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${header}:${header}` },
    headerFooter: { oddFooter: `&L${footerText(info.footer)}&Cas of ${info.asOf}&RPage &P of &N` },
  });
  // Widths only: a column style would give every empty cell a style, and the writer then writes each one.
  sheet.columns = layout.columns.map((column) => ({ width: column.width }));
  return sheet;
}

// ExcelJS gives every cell a fresh style object, and its style table caches
// style ids by object identity; one shared object per number format turns a
// per-cell style lookup (the writer's largest cost) into a cache hit.
const sharedStyles = new Map<string, Partial<ExcelJS.Style>>();

function sharedStyle(format: NumberFormat | null, info: DocumentInfo): Partial<ExcelJS.Style> {
  const key = format === null ? '' : numberFormat(format, info.currencySymbol);
  let style = sharedStyles.get(key);
  if (style === undefined) {
    // Frozen: ExcelJS setters such as `cell.font =` change the style object in place, which would change every cell sharing it.
    style = Object.freeze(key === '' ? {} : { numFmt: key });
    sharedStyles.set(key, style);
  }
  return style;
}

/** The style of a row: the shared empty one (style id 0, nothing written). */
export function rowStyle(info: DocumentInfo): Partial<ExcelJS.Style> {
  return sharedStyle(null, info);
}

/** The shared style of the cell in column `index` (0-based): its own format, else its column's; empty cells get the empty style. */
export function cellStyle(layout: SheetLayout, cell: Cell, index: number, info: DocumentInfo): Partial<ExcelJS.Style> {
  return sharedStyle(cell === null ? null : (cellFormat(cell) ?? layout.columns[index]?.format ?? null), info);
}

/** Writes one row of cells, each with its own format or its column's; empty cells stay unwritten. */
export function addCells(sheet: ExcelJS.Worksheet, layout: SheetLayout, cells: readonly Cell[], info: DocumentInfo): ExcelJS.Row {
  const row = sheet.addRow(cells.map(excelValue));
  // The row and its empty cells have style objects too: share the empty one.
  (row as unknown as { style: Partial<ExcelJS.Style> }).style = rowStyle(info);
  for (let index = 0; index < cells.length; index += 1) row.getCell(index + 1).style = cellStyle(layout, cells[index] ?? null, index, info);
  return row;
}

const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 13 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** Writes the title lines, the blank separator and the bold header row. */
export function addHeading(sheet: ExcelJS.Worksheet, layout: SheetLayout, info: DocumentInfo): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  layout.title.forEach((cells, index) => {
    const row = addCells(sheet, layout, cells, info);
    // Per cell and on a copy: `row.font =` would write the font into the row's and cells' style objects, which are
    // the shared ones, and every later text or empty cell of the process would come out bold 13 pt.
    if (index === 0) row.eachCell((cell) => (cell.style = { ...cell.style, font: TITLE_FONT }));
    rows.push(row);
  });
  if (layout.title.length > 0) rows.push(sheet.addRow([]));
  const header = sheet.addRow(layout.columns.map((column) => column.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'top', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.push(header);
  return rows;
}

const NEGATIVE_STYLE: Partial<ExcelJS.Style> = {
  font: { color: { argb: 'FF9C0006' } },
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } },
};
const POSITIVE_STYLE: Partial<ExcelJS.Style> = {
  font: { color: { argb: 'FF9C5700' } },
  fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } },
};

/** Autofilter and highlights over the data rows, once their number is known. */
export function finishSheet(sheet: ExcelJS.Worksheet, layout: SheetLayout, lastDataRow: number): void {
  const header = headerRowOf(layout);
  const last = Math.max(lastDataRow, header);
  sheet.autoFilter = `A${header}:${columnLetter(layout.columns.length)}${last}`;
  if (lastDataRow <= header) return;
  for (const [index, highlight] of layout.highlights.entries()) {
    const letter = columnLetter(highlight.column);
    sheet.addConditionalFormatting({
      ref: `${letter}${header + 1}:${letter}${lastDataRow}`,
      rules: [{
        type: 'cellIs',
        operator: highlight.when === 'negative' ? 'lessThan' : 'greaterThan',
        formulae: ['0'],
        style: highlight.when === 'negative' ? NEGATIVE_STYLE : POSITIVE_STYLE,
        priority: index + 1,
      }],
    });
  }
}

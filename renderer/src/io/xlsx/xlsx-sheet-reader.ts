// Reads a worksheet part's `<sheetData>` row by row into a SheetTableBuilder
// (ECMA-376 Part 1, §18.3.1): each `<c>` becomes the value ExcelJS would give
// it (string, number, Date for date formats, boolean, error or formula
// result), so cell text and table building are shared with the in-memory
// reader. Cells and rows may be sparse: `r` places them, and without `r` a
// cell or row follows the one before.
import { dateOfSerial, formatKind } from './cell-text';
import type { SheetCell, SheetTableBuilder } from './sheet-table';
import type { XmlHandlers } from './xlsx-xml';

/** What the sheet's cells refer to: shared strings, styles' number formats, the date system. */
export interface SheetContext {
  /** null for an empty item: the cell has no value. */
  readonly strings: readonly (string | null)[];
  /** Number format code per cell style index (undefined = General). */
  readonly formats: readonly (string | undefined)[];
  readonly date1904: boolean;
}

/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;

/** The 1-based column of an `A1` reference, or null when it has no column letters. */
function columnOf(reference: string): number | null {
  let column = 0;
  let index = 0;
  for (; index < reference.length; index += 1) {
    const code = reference.charCodeAt(index) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
    if (column > MAX_COLUMN) throw new Error(`the cell ${reference} lies beyond Excel's last column`);
  }
  return index === 0 ? null : column;
}

/** Which of the open cell's texts the XML text goes to. */
type Capture = 'none' | 'value' | 'formula' | 'inline';

/** Handlers that turn a worksheet's XML into rows of `builder`. */
export function sheetReader(builder: SheetTableBuilder, context: SheetContext): XmlHandlers {
  const { strings, formats, date1904 } = context;
  const dateFormat = formats.map((format) => formatKind(format) !== 'number');
  let inSheetData = false;
  let inRow = false;
  let line = 0;
  let rowStyle = 0;
  let cells: SheetCell[] = [];
  let nextColumn = 1;
  // The open cell: column (0 = none open), type, style, and its texts (null = element absent).
  let column = 0;
  let type: string | undefined;
  let style = 0;
  let value: string | null = null;
  let formula: string | null = null;
  let inline: string | null = null;
  let capture: Capture = 'none';
  let phonetic = 0;

  /** A number under the cell's style: a Date when the format shows dates or times, as ExcelJS reads it. */
  const numberValue = (text: string): number | Date => {
    const number = parseFloat(text);
    return dateFormat[style] === true ? dateOfSerial(number, date1904) : number;
  };

  /** The cell's value as ExcelJS would give it; undefined for a cell without one. */
  const cellValue = (): unknown => {
    if (formula !== null) return { formula, result: value === null ? undefined : typedValue(value) };
    if (type === 'inlineStr') return inline ?? value ?? undefined;
    return value === null ? undefined : typedValue(value);
  };

  const typedValue = (text: string): unknown => {
    switch (type) {
      case 's':
        return strings[parseInt(text, 10)];
      case 'str':
      case 'inlineStr':
        return text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return { error: text };
      default:
        // A formula's numeric result stays a number, as in ExcelJS.
        return formula === null ? numberValue(text) : parseFloat(text);
    }
  };

  return {
    open(name, attributes) {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row':
          if (!inSheetData) break;
          inRow = true;
          {
            // A row without a usable number follows the one before.
            const number = attributes.r === undefined ? Number.NaN : parseInt(attributes.r, 10);
            line = Number.isNaN(number) ? line + 1 : number;
          }
          rowStyle = attributes.s === undefined ? 0 : parseInt(attributes.s, 10) || 0;
          cells = [];
          nextColumn = 1;
          break;
        case 'c': {
          if (!inRow) break;
          const reference = attributes.r;
          column = (reference === undefined ? null : columnOf(reference)) ?? nextColumn;
          type = attributes.t;
          // A cell without its own style takes its row's, as in ExcelJS.
          style = attributes.s === undefined ? rowStyle : parseInt(attributes.s, 10) || rowStyle;
          value = formula = inline = null;
          phonetic = 0;
          break;
        }
        case 'v':
          if (column === 0) break;
          value = '';
          capture = 'value';
          break;
        case 'f':
          if (column === 0) break;
          formula = '';
          capture = 'formula';
          break;
        case 'is':
          if (column !== 0) inline = '';
          break;
        case 't':
          if (column !== 0 && inline !== null && phonetic === 0) capture = 'inline';
          break;
        case 'rPh':
          phonetic += 1;
          break;
      }
    },
    text(text) {
      switch (capture) {
        case 'value':
          value += text;
          break;
        case 'formula':
          formula += text;
          break;
        case 'inline':
          inline += text;
          break;
        case 'none':
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 'f':
        case 't':
          capture = 'none';
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'c':
          if (column === 0) break;
          {
            const cell = cellValue();
            if (cell !== undefined && cell !== null) cells.push({ column, value: cell, numFmt: formats[style] });
          }
          nextColumn = column + 1;
          column = 0;
          value = formula = inline = null;
          break;
        case 'row':
          if (!inRow) break;
          builder.addRow(line, cells);
          inRow = false;
          break;
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
  };
}

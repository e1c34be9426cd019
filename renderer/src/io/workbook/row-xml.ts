// The data rows of a streamed sheet as worksheet XML, written without
// ExcelJS's row objects. Going through `addRow().commit()` builds a Row, a
// Cell, a value object and a model per cell, then renders each through an
// XmlStream: about 30 µs a row, most of the time of a million-row History
// sheet. Here each row is one string, byte for byte what ExcelJS 4.4.0
// writes for the same cells (same attributes, order, escaping and style ids:
// the ids come from the workbook's own style table), so the files are
// unchanged; test/io/workbook compares both paths.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { type Cell, excelValue } from './cells';
import { columnLetter } from './formulas';
import { type DocumentInfo, type SheetLayout, cellStyle, rowStyle } from './sheet-layout';

/** ExcelJS's style table: the id of a style (cached per style object), as its row writer asks for it. */
export interface StyleTable {
  addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number;
}

// ExcelJS's value types (doc/enums.js), which its style table takes.
const NULL_TYPE = 0;
const NUMBER_TYPE = 2;
const STRING_TYPE = 3;

const requireFromHere = createRequire(import.meta.url);
// ExcelJS's own escaping (entities, and control characters XML cannot hold dropped), so text comes out as before.
const { xmlEncode } = requireFromHere('exceljs/lib/utils/utils.js') as { xmlEncode(text: string): string };

/** Renders rows of one sheet. */
export class RowXml {
  private readonly letters: string[] = [];
  private readonly escapedParts = new WeakMap<readonly string[], readonly string[]>();

  constructor(private readonly styles: StyleTable, private readonly layout: SheetLayout, private readonly info: DocumentInfo) {}

  /** A formula's escaped text; one filled from a template is escaped once per template (escaping is per character, so the parts escape alike). */
  private formulaXml(cell: Cell, formula: string): string {
    const filled = cell?.kind === 'formula' ? cell.formula.filled : null;
    if (filled === null) return xmlEncode(formula);
    let escaped = this.escapedParts.get(filled.parts);
    if (escaped === undefined) {
      escaped = filled.parts.map(xmlEncode);
      this.escapedParts.set(filled.parts, escaped);
    }
    return escaped.join(String(filled.row));
  }

  /** The `<row>` element of `cells` at sheet row `number`; '' for a row of empty cells (ExcelJS skips it too). */
  render(number: number, cells: readonly Cell[]): string {
    // ExcelJS asks for the row's style before its cells' (the order fixes new style ids).
    const rowStyleId = this.styles.addStyleModel(rowStyle(this.info));
    let body = '';
    let hasValues = false;
    for (let index = 0; index < cells.length; index += 1) {
      const cell = cells[index] ?? null;
      const value = excelValue(cell);
      const type = value === null ? NULL_TYPE : typeof value === 'number' ? NUMBER_TYPE : typeof value === 'string' ? STRING_TYPE : typeof value.result === 'number' ? NUMBER_TYPE : STRING_TYPE;
      const styleId = this.styles.addStyleModel(cellStyle(this.layout, cell, index, this.info), type);
      const open = `<c r="${(this.letters[index] ??= columnLetter(index + 1))}${number}"${styleId === 0 ? '' : ` s="${styleId}"`}`;
      if (value === null) {
        if (styleId !== 0) body += `${open}/>`;
        continue;
      }
      hasValues = true;
      if (typeof value === 'number') body += `${open}><v>${value}</v></c>`;
      else if (typeof value === 'string') body += `${open} t="str"><v>${xmlEncode(value)}</v></c>`;
      else if (typeof value.result === 'number') body += `${open}><f>${this.formulaXml(cell, value.formula)}</f><v>${value.result}</v></c>`;
      else body += `${open} t="str"><f>${this.formulaXml(cell, value.formula)}</f><v>${xmlEncode(value.result)}</v></c>`;
    }
    if (!hasValues) return '';
    // Every cell, empty ones included, counts for the span (ExcelJS creates a cell for each).
    const style = rowStyleId === 0 ? '' : ` s="${rowStyleId}" customFormat="1"`;
    return `<row r="${number}" spans="1:${cells.length}"${style} x14ac:dyDescent="0.25">${body}</row>`;
  }
}

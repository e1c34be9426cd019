// Builds a workbook in memory: the path for the browser (ExcelJS's browser
// bundle has no streaming writer) and for modest sizes. Same layout code as
// StreamWorkbook; only where the rows go differs.
import ExcelJS from 'exceljs';
import { bytesAccess, stampZipEntries } from './zip-dates';
import { type DocumentInfo, type SheetContent, type WorkbookTarget, addCells, addHeading, applyDocumentInfo, createSheet, finishSheet } from './sheet-layout';

/** A workbook built in memory; write its sheets in tab order, then take `toBytes`. */
export class MemoryWorkbook implements WorkbookTarget {
  private readonly book = new ExcelJS.Workbook();

  constructor(private readonly info: DocumentInfo) {
    applyDocumentInfo(this.book, info);
  }

  /** Adds one sheet. */
  async writeSheet(content: SheetContent): Promise<void> {
    const { layout } = content;
    const sheet = createSheet(this.book, layout, this.info);
    addHeading(sheet, layout, this.info);
    let lastDataRow = 0;
    for (const cells of content.rows) lastDataRow = addCells(sheet, layout, cells, this.info).number;
    for (const cells of content.totals ?? []) addCells(sheet, layout, cells, this.info);
    finishSheet(sheet, layout, lastDataRow);
    return Promise.resolve();
  }

  /** The finished .xlsx bytes, identical for identical content and as-of. */
  async toBytes(): Promise<Uint8Array> {
    const bytes = new Uint8Array(await this.book.xlsx.writeBuffer());
    await stampZipEntries(bytesAccess(bytes), this.info.asOf);
    return bytes;
  }
}

// Streams a workbook to a Node writable (a file) with ExcelJS's
// WorkbookWriter, so that a sheet of a million rows never sits in memory.
// Node only: the browser bundle of ExcelJS has no streaming writer (use
// MemoryWorkbook there). Pinned to exceljs 4.4.0: the backpressure fix and the
// row writer reach into private fields (research/performance.md §4) and
// test/io/workbook covers them.
import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { type DocumentInfo, type SheetContent, type WorkbookTarget, addCells, addHeading, applyDocumentInfo, createSheet, finishSheet } from './sheet-layout';
import { RowXml, type StyleTable } from './row-xml';
import { stampZipEntries } from './zip-dates';

/** Rows between two backpressure checks. */
const CHECK_EVERY_ROWS = 1_000;
/** Bytes the compressor may have queued before we wait for it. */
const MAX_QUEUED_BYTES = 4 * 1024 * 1024;
/** Characters of row XML collected before one write to the sheet stream. */
const WRITE_CHARS = 64 * 1024;

// The private parts of ExcelJS 4.4.0 the streaming fixes touch.
interface QueuedWritable {
  // archiver's entry streams come from readable-stream 2, which has no `writableLength`.
  readonly _writableState: { readonly length: number };
  once(event: 'drain', listener: () => void): unknown;
}
interface WorksheetWriterInternals {
  /** The next row number addRow gives (rows before it are committed). */
  _rowZero: number;
  readonly _workbook: { readonly styles: StyleTable };
  readonly stream: { readonly pipes: readonly QueuedWritable[]; write(xml: string): unknown };
}
interface WorkbookWriterInternals {
  readonly zip: { append(source: string, data: { name: string }): unknown };
  readonly _worksheets: readonly unknown[];
  addApp(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);
// ExcelJS's own app.xml writer; the streaming writer calls it without the company, so we call it ourselves.
const AppXform = requireFromHere('exceljs/lib/xlsx/xform/core/app-xform.js') as new () => { toXml(model: object): string };

/** The sheet XML waits for the compressor when the compressor is behind. */
async function honourBackpressure(sheet: ExcelJS.Worksheet): Promise<void> {
  // StreamBuf.write ignores pipe.write's return value, so a fast producer
  // would queue the whole sheet in front of zlib (exceljs#1894, #2916). We
  // wait for 'drain' ourselves; yielding alone does not help. The queue is
  // read from the writable state: Node's `writableLength` is undefined on
  // these streams, which once made this check never wait (1.2 GB for a pack).
  const pipe = (sheet as unknown as WorksheetWriterInternals).stream.pipes[0];
  // Until the zip reaches this sheet (earlier parts still compressing), let it run.
  if (pipe === undefined) await new Promise<void>((resolve) => setImmediate(resolve));
  else if (pipe._writableState.length > MAX_QUEUED_BYTES) await new Promise<void>((resolve) => pipe.once('drain', resolve));
}

/** A workbook streamed to the file `path`; write its sheets in tab order, then `finish`. */
export class StreamWorkbook implements WorkbookTarget {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(private readonly path: string, private readonly info: DocumentInfo) {
    const output = createWriteStream(path);
    // Without shared strings ExcelJS writes text inline; a shared-string table
    // would hold every distinct note of a million entries in memory.
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    applyDocumentInfo(this.writer, info);
    const internals = this.writer as unknown as WorkbookWriterInternals;
    const zip = internals.zip;
    internals.addApp = () => {
      const xml = new AppXform().toXml({ worksheets: internals._worksheets.filter(Boolean), company: info.company });
      zip.append(xml, { name: 'docProps/app.xml' });
      return Promise.resolve();
    };
  }

  /** Streams one sheet completely (sheets are zipped one after the other, so one must end before the next). */
  async writeSheet(content: SheetContent): Promise<void> {
    const { layout } = content;
    const sheet = createSheet(this.writer, layout, this.info);
    for (const row of addHeading(sheet, layout, this.info)) row.commit();
    // Data rows bypass ExcelJS's row objects (row-xml.ts); heading and totals, a few rows with fonts and fills, do not.
    // This also ends the second known leak: WorksheetWriter keeps every formula cell it renders in `_formulae`.
    const internals = sheet as unknown as WorksheetWriterInternals;
    const rows = new RowXml(internals._workbook.styles, layout, this.info);
    const firstDataRow = internals._rowZero;
    let number = firstDataRow;
    let xml = '';
    for (const cells of content.rows) {
      xml += rows.render(number, cells);
      number += 1;
      if (xml.length > WRITE_CHARS) {
        internals.stream.write(xml);
        xml = '';
      }
      if ((number - firstDataRow) % CHECK_EVERY_ROWS === 0) await honourBackpressure(sheet);
    }
    if (xml !== '') internals.stream.write(xml);
    internals._rowZero = number;
    for (const cells of content.totals ?? []) addCells(sheet, layout, cells, this.info).commit();
    finishSheet(sheet, layout, number > firstDataRow ? number - 1 : 0);
    sheet.commit();
  }

  /** Writes the workbook parts, closes the file and dates its zip entries at the as-of date. */
  async finish(): Promise<void> {
    await this.writer.commit();
    const file = await open(this.path, 'r+');
    try {
      const { size } = await file.stat();
      await stampZipEntries({
        size,
        read: async (offset, length) => {
          const bytes = new Uint8Array(length);
          await file.read(bytes, 0, length, offset);
          return bytes;
        },
        write: async (offset, bytes) => {
          await file.write(bytes, 0, bytes.length, offset);
        },
      }, this.info.asOf);
    } finally {
      await file.close();
    }
  }
}

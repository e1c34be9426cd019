import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { customerDocument, writeCustomerWorkbook } from '../../../renderer/src/io/workbook/customer-workbook';
import { packDocument, writeMonthEndPack } from '../../../renderer/src/io/workbook/month-end-pack';
import {
  type DocumentInfo, type SheetContent, type WorkbookTarget, addCells, addHeading, applyDocumentInfo, createSheet, finishSheet,
} from '../../../renderer/src/io/workbook/sheet-layout';
import { StreamWorkbook } from '../../../renderer/src/io/workbook/stream-workbook';
import { customerGroups, workbookContext } from '../../../renderer/src/io/workbook/workbook-context';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';
import { xmlParts } from './workbook-reading';

// The streaming writer renders data rows itself (row-xml.ts). The reference
// here writes the same sheets through ExcelJS's own rows (`addRow().commit()`),
// as the writer did before: every part of the two files must be the same XML.
class ExcelJsRowsWorkbook implements WorkbookTarget {
  private readonly writer: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(path: string, private readonly info: DocumentInfo) {
    this.writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    applyDocumentInfo(this.writer, info);
  }

  writeSheet(content: SheetContent): Promise<void> {
    const sheet = createSheet(this.writer, content.layout, this.info);
    for (const row of addHeading(sheet, content.layout, this.info)) row.commit();
    let lastDataRow = 0;
    for (const cells of content.rows) {
      const row = addCells(sheet, content.layout, cells, this.info);
      lastDataRow = row.number;
      row.commit();
    }
    for (const cells of content.totals ?? []) addCells(sheet, content.layout, cells, this.info).commit();
    finishSheet(sheet, content.layout, lastDataRow);
    sheet.commit();
    return Promise.resolve();
  }

  finish(): Promise<void> {
    return this.writer.commit();
  }
}

const result = reconcile(TRICKY_PORTFOLIO);
const context = workbookContext(TRICKY_PORTFOLIO, result);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockledger-row-xml-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The sheet, style and content parts (app.xml differs on purpose: the streaming writer adds the company). */
async function partsOf(path: string): Promise<Map<string, string>> {
  const parts = await xmlParts(path);
  parts.delete('docProps/app.xml');
  return parts;
}

async function bothWays(name: string, info: DocumentInfo, write: (target: WorkbookTarget) => Promise<void>): Promise<[Map<string, string>, Map<string, string>]> {
  const streamed = new StreamWorkbook(join(dir, `${name}-streamed.xlsx`), info);
  await write(streamed);
  await streamed.finish();
  const reference = new ExcelJsRowsWorkbook(join(dir, `${name}-exceljs.xlsx`), info);
  await write(reference);
  await reference.finish();
  return [await partsOf(join(dir, `${name}-streamed.xlsx`)), await partsOf(join(dir, `${name}-exceljs.xlsx`))];
}

describe('data rows rendered without ExcelJS row objects', () => {
  it('give the same XML as ExcelJS rows for every customer workbook (injected notes, formulas, formats, empty cells)', async () => {
    for (const [index, group] of customerGroups(result).entries()) {
      const [streamed, reference] = await bothWays(`customer-${index}`, customerDocument(context, group.customer), (target) => writeCustomerWorkbook(target, context, group));
      expect([...streamed.keys()].sort()).toEqual([...reference.keys()].sort());
      expect(streamed.get('xl/worksheets/sheet3.xml')).toContain('<row r="2" spans="1:26"');
      for (const [part, xml] of reference) expect(streamed.get(part), `${group.customer}: ${part}`).toBe(xml);
    }
  });

  it('give the same XML as ExcelJS rows for the month-end pack', async () => {
    const [streamed, reference] = await bothWays('pack', packDocument(context), (target) => writeMonthEndPack(target, context));
    expect([...streamed.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [part, xml] of reference) expect(streamed.get(part), part).toBe(xml);
  });
});

// The audit workbook read back with ExcelJS: the sheets hold the audit of the
// migrated portfolio figure for figure, and text from the exports that looks
// like a formula stays text (research/reliability.md §1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { runAudit } from '../../../renderer/src/core/audit/run-audit';
import type { AuditInput } from '../../../renderer/src/core/audit/audit-types';
import { AUDIT_SHEETS, auditDocument, writeAuditWorkbook } from '../../../renderer/src/io/workbook/audit-workbook';
import { MemoryWorkbook } from '../../../renderer/src/io/workbook/memory-workbook';
import { excelSerial } from '../../../renderer/src/io/workbook/cells';
import { loadMigration } from '../../core/audit/migration-fixture';
import { dataRows, formulasIn, readWorkbook, sheetOf, shown, xmlParts } from './workbook-reading';

const HEADER_ROW = 4;
const INJECTED = '=HYPERLINK("http://evil.example","Acme")';
let dir = '';

async function written(input: AuditInput, name: string): Promise<string> {
  const result = runAudit(input);
  const book = new MemoryWorkbook(auditDocument(result));
  await writeAuditWorkbook(book, result);
  const path = join(dir, name);
  await writeFile(path, await book.toBytes());
  return path;
}

const values = (row: ExcelJS.Row, columns: number): (string | number | null)[] => Array.from({ length: columns }, (_, index) => shown(row.getCell(index + 1)));

let book: ExcelJS.Workbook;
let plainPath = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockledger-audit-'));
  plainPath = await written((await loadMigration()).input, 'audit.xlsx');
  book = await readWorkbook(plainPath);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('audit workbook', () => {
  it('has the pairs, findings, what-if by month, totals and variance sheets in that order', () => {
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(AUDIT_SHEETS));
  });

  it('lists the pairs and the unpaired with the reason', () => {
    const rows = dataRows(sheetOf(book, AUDIT_SHEETS.pairs), HEADER_ROW).map((row) => values(row, 5));
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual(['Acme Dental', '1001', 'EA-1001', 'name', null]);
    expect(rows[6]).toEqual(['Dune Labs', '1005', null, 'unpaired', 'no e-automate contract of "Dune Labs" has its name "Dune Projects" or number 1005; pair it in a mapping file']);
    expect(rows[7]).toEqual(['Dune Labs', null, 'EA-9001', 'unpaired', 'no ConnectWise agreement was paired with it']);
  });

  it('writes every finding with severity and sentence', () => {
    const rows = dataRows(sheetOf(book, AUDIT_SHEETS.findings), HEADER_ROW).map((row) => values(row, 6));
    expect(rows).toHaveLength(18);
    expect(rows[0]).toEqual(['Acme Dental', '1001', 'EA-1001', 'high', 'carryover', 'ConnectWise agreement 1001 ("Acme Monthly 10h") carries unused hours over for 30 days; e-automate has no carryover ("use it or lose it"), so unused hours of e-automate contract EA-1001 expire at the end of each period.']);
  });

  it('puts both term sets side by side per month, money as currency', () => {
    const rows = dataRows(sheetOf(book, AUDIT_SHEETS.whatIf), HEADER_ROW).map((row) => values(row, 15));
    expect(rows[2]).toEqual(['Acme Dental', '1001', 'EA-1001', excelSerial('2026-03-01'), 'hours', 8, 0, 0, 0, 0, 6, 3, 450, 450, 'T104']);
    // Incidents cannot be valued: the money cells stay empty rather than 0.
    const cedar = rows.find((row) => row[1] === '1003');
    expect(cedar?.[8]).toBeNull();
    expect(cedar?.[13]).toBeNull();
  });

  it('totals per customer and for the portfolio', () => {
    const sheet = sheetOf(book, AUDIT_SHEETS.totals);
    const rows = dataRows(sheet, HEADER_ROW).map((row) => values(row, 7));
    expect(rows[0]).toEqual(['Acme Dental', 0, 450, 0, 1500, 450, 0]);
    // Six customers, then the portfolio line.
    expect(rows.map((row) => row[0])).toEqual(['Acme Dental', 'Birch Law', 'Cedar Clinic', 'Dune Labs', 'Elm Accounting', 'Fig Partners', 'Portfolio']);
    expect(rows[6]).toEqual(['Portfolio', 390, 980, 1200, 2700, 590, 1]);
  });

  it('explains each variance largest first and always shows what is unexplained', () => {
    const rows = dataRows(sheetOf(book, AUDIT_SHEETS.variance), HEADER_ROW).map((row) => values(row, 11));
    const elm = rows.filter((row) => row[2] === '1006').map((row) => [row[7], row[8], row[10]]);
    expect(elm).toEqual([
      ['Applied in entered order', 2, 'T602, T603'],
      ['No charge / do not bill', 0.5, 'T604'],
      ['Unexplained', 0.25, null],
    ]);
    expect(rows.filter((row) => row[2] === 'EA-1002').map((row) => [row[7], row[8], row[9]])).toEqual([['Unexplained', 0, 'Nothing is left unexplained.']]);
  });

  it('gives the same bytes for the same audit (timestamps from the as-of date)', async () => {
    const input = (await loadMigration()).input;
    const first = await written(input, 'again-1.xlsx');
    const second = await written(input, 'again-2.xlsx');
    expect(Buffer.compare(await readFile(first), await readFile(second))).toBe(0);
  });

  it('keeps text that looks like a formula as text, and holds no formula or hyperlink at all', async () => {
    const input = (await loadMigration()).input;
    const rename = <T extends { customer: string }>(item: T): T => (item.customer === 'Acme Dental' ? { ...item, customer: INJECTED } : item);
    const tricky: AuditInput = { ...input, source: { ...input.source, contracts: input.source.contracts.map(rename) }, target: input.target.map(rename), entries: input.entries.map(rename) };
    const path = await written(tricky, 'tricky.xlsx');
    const customers = dataRows(sheetOf(await readWorkbook(path), AUDIT_SHEETS.findings), HEADER_ROW).map((row) => shown(row.getCell(1)));
    expect(customers).toContain(`'${INJECTED}`);
    for (const file of [path, plainPath]) {
      const parts = await xmlParts(file);
      expect(formulasIn(parts)).toEqual([]);
      expect([...parts.keys()].some((name) => name.includes('hyperlink') || name.endsWith('.rels') && (parts.get(name) ?? '').includes('hyperlink'))).toBe(false);
    }
  });
});

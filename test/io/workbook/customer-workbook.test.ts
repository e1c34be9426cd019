import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { reconcile } from '../../../renderer/src/core/reconcile';
import type { ContractResult, MonthRow } from '../../../renderer/src/core/result';
import { excelSerial } from '../../../renderer/src/io/workbook/cells';
import { statusWords, unitWord } from '../../../renderer/src/io/workbook/contract-words';
import { STATEMENT, SUMMARY } from '../../../renderer/src/io/workbook/customer-workbook';
import { HISTORY } from '../../../renderer/src/io/workbook/history-sheet';
import { customerGroups } from '../../../renderer/src/io/workbook/workbook-context';
import { type WrittenWorkbooks, writeReconciliationWorkbooks } from '../../../main/cli/xlsx-output';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';
import { dataRows, hundredths, readWorkbook, sheetOf, shown, xmlParts } from './workbook-reading';

const result = reconcile(TRICKY_PORTFOLIO);
const groups = customerGroups(result);
let dir = '';
let written: WrittenWorkbooks;
const progress: [number, number, string][] = [];
const books = new Map<string, ExcelJS.Workbook>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockledger-customer-'));
  written = await writeReconciliationWorkbooks(result, TRICKY_PORTFOLIO, dir, (done, total, file) => progress.push([done, total, file]));
  for (const [index, group] of groups.entries()) books.set(group.customer, await readWorkbook(join(dir, written.customerFiles[index] as string)));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sum(months: readonly MonthRow[], key: keyof Omit<MonthRow, 'start' | 'end'>): number {
  return months.reduce((total, row) => total + row[key], 0);
}

function bookOf(customer: string): ExcelJS.Workbook {
  const book = books.get(customer);
  if (!book) throw new Error(`no workbook for ${customer}`);
  return book;
}

describe('customer reconciliation workbooks', () => {
  it('writes one workbook per customer with safe, unique file names, then the month-end pack, reporting progress', async () => {
    expect(written.customerFiles).toEqual([
      '=Calc Consulting 2026-03-31.xlsx',
      "O'Brien & Sons, LLC 2026-03-31.xlsx",
      'Smith_Jones 2026-03-31.xlsx',
      'Smith_Jones 2026-03-31 (2).xlsx',
    ]);
    expect(written.packFile).toBe('Month-end pack 2026-03-31.xlsx');
    expect((await readdir(dir)).sort()).toEqual([...written.customerFiles, written.packFile].sort());
    expect(progress.map(([done, total]) => `${done}/${total}`)).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });

  it('has the six sheets in order, with title and company in the document properties', () => {
    for (const group of groups) {
      const book = bookOf(group.customer);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Monthly statement', 'History detail', 'Overage to bill', 'How to read this', 'Checks']);
      expect(book.title).toBe(`Reconciliation for ${group.customer} as of 2026-03-31`);
      expect(book.company).toBe('Blockledger');
      expect(book.created.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    }
  });

  it('Summary: every figure of every contract equals the engine result, with totals per unit', () => {
    for (const group of groups) {
      const sheet = sheetOf(bookOf(group.customer), 'Summary');
      expect(shown(sheet.getCell('A1'))).toBe(`Reconciliation: ${group.customer}`);
      expect(shown(sheet.getCell('B2'))).toBe(excelSerial('2026-03-31'));
      const rows = dataRows(sheet, 4);
      const units = [...new Set(group.contracts.map((c) => c.unit))].sort();
      expect(rows).toHaveLength(group.contracts.length + units.length);
      group.contracts.forEach((contract: ContractResult, index) => {
        const row = rows[index] as ExcelJS.Row;
        const months = contract.months;
        expect(shown(row.getCell(SUMMARY.contract))).toBe(contract.id);
        expect(shown(row.getCell(SUMMARY.unit))).toBe(unitWord(contract.unit));
        const figures = [SUMMARY.opening, SUMMARY.granted, SUMMARY.purchased, SUMMARY.used, SUMMARY.expired, SUMMARY.settled, SUMMARY.overage, SUMMARY.closing].map((column) => hundredths(row.getCell(column)));
        expect(figures).toEqual([0, sum(months, 'granted'), sum(months, 'purchased'), sum(months, 'used'), sum(months, 'expired'), sum(months, 'settled'), sum(months, 'overage'), contract.balance]);
        expect(shown(row.getCell(SUMMARY.usedPct))).toBe(contract.usedPctTenths === null ? null : contract.usedPctTenths / 10);
        expect(shown(row.getCell(SUMMARY.status))).toBe(statusWords(contract.status));
      });
      units.forEach((unit, index) => {
        const row = rows[group.contracts.length + index] as ExcelJS.Row;
        const ofUnit = group.contracts.filter((c) => c.unit === unit);
        expect(shown(row.getCell(SUMMARY.unit))).toBe(unitWord(unit));
        expect(hundredths(row.getCell(SUMMARY.granted))).toBe(ofUnit.reduce((s, c) => s + sum(c.months, 'granted'), 0));
        expect(hundredths(row.getCell(SUMMARY.closing))).toBe(ofUnit.reduce((s, c) => s + c.balance, 0));
      });
    }
  });

  it('Monthly statement: every SPEC §6 column of every month equals the engine result', () => {
    for (const group of groups) {
      const rows = dataRows(sheetOf(bookOf(group.customer), 'Monthly statement'), 1);
      const months = group.contracts.flatMap((contract) => contract.months.map((month) => ({ contract, month })));
      expect(rows).toHaveLength(months.length);
      months.forEach(({ contract, month }, index) => {
        const row = rows[index] as ExcelJS.Row;
        expect(shown(row.getCell(STATEMENT.contract))).toBe(contract.id);
        expect(shown(row.getCell(STATEMENT.from))).toBe(excelSerial(month.start));
        expect(shown(row.getCell(STATEMENT.to))).toBe(excelSerial(month.end));
        const columns = ['opening', 'granted', 'purchased', 'used', 'expired', 'settled', 'closing', 'overage', 'held'] as const;
        expect(columns.map((key) => hundredths(row.getCell(STATEMENT[key])))).toEqual(columns.map((key) => month[key]));
      });
    }
  });

  it('History detail: every ledger event with the balance after it, and every entry of the customer exactly once', () => {
    for (const group of groups) {
      const rows = dataRows(sheetOf(bookOf(group.customer), 'History detail'), 1);
      const ledger = group.contracts.flatMap((contract) => contract.ledger.map((event) => ({ contract, event })));
      const ledgerRows = rows.filter((row) => !String(shown(row.getCell(HISTORY.detail))).startsWith('not counted'));
      expect(ledgerRows).toHaveLength(ledger.length);
      ledger.forEach(({ contract, event }, index) => {
        const row = ledgerRows[index] as ExcelJS.Row;
        expect(shown(row.getCell(HISTORY.contract))).toBe(contract.id);
        expect(shown(row.getCell(HISTORY.date))).toBe(excelSerial(event.date));
        expect(hundredths(row.getCell(HISTORY.balance))).toBe(event.balanceAfter);
        if (event.kind === 'entry') {
          expect(shown(row.getCell(HISTORY.entry))).toBe(event.entryId);
          expect([HISTORY.units, HISTORY.used, HISTORY.overage, HISTORY.held].map((c) => hundredths(row.getCell(c)))).toEqual([event.units, event.applied, event.overage, event.held]);
        }
      });
      const ids = rows.map((row) => shown(row.getCell(HISTORY.entry))).filter((id) => id !== null);
      const expected = result.entries.filter((entry) => group.contracts.some((c) => c.id === entry.contractId)).map((entry) => entry.id);
      expect([...ids].sort()).toEqual([...expected].sort());
    }
  });

  it('keeps ticket numbers and PO references as text, exactly', () => {
    const rows = dataRows(sheetOf(bookOf('=Calc Consulting'), 'History detail'), 1);
    const tickets = rows.map((row) => shown(row.getCell(HISTORY.ticket))).filter((ticket) => ticket !== null);
    expect(tickets).toContain('00123');
    expect(rows.some((row) => shown(row.getCell(HISTORY.reference)) === 'PO-0042' && hundredths(row.getCell(HISTORY.price)) === 60000)).toBe(true);
  });

  it('Overage to bill: each overage at the contract rate, with a total', () => {
    const sheet = sheetOf(bookOf('=Calc Consulting'), 'Overage to bill');
    const rows = dataRows(sheet, 4).filter((row) => shown(row.getCell(1)) !== 'Total');
    const onceRows = rows.filter((row) => shown(row.getCell(1)) === 'H-ONCE');
    expect(onceRows.map((row) => [shown(row.getCell(4)), hundredths(row.getCell(7)), shown(row.getCell(8)), hundredths(row.getCell(9))])).toEqual([
      ['T002', 150, 125, 18750],
      ['T004', 200, 125, 25000],
    ]);
    const engineOverage = groups[0]?.contracts.reduce((s, c) => s + sum(c.months, 'overage'), 0);
    expect(rows.reduce((s, row) => s + hundredths(row.getCell(7)), 0)).toBe(engineOverage);
    const totalRow = sheet.getRow(4 + rows.length + 1);
    expect(shown(totalRow.getCell(1))).toBe('Total');
    expect(hundredths(totalRow.getCell(9))).toBe(rows.reduce((s, row) => s + hundredths(row.getCell(9)), 0));
  });

  it('How to read this: plain-language notes from each contract\'s terms', () => {
    const rows = dataRows(sheetOf(bookOf('=Calc Consulting'), 'How to read this'), 4).map((row) => `${shown(row.getCell(1))}: ${shown(row.getCell(2))}`);
    expect(rows).toContain('H-MONTH Monthly care: Allowance: 5 hours granted every calendar month.');
    expect(rows).toContain('H-MONTH Monthly care: Unused allowance expires at the end of its period.');
    expect(rows).toContain('H-MONTH Monthly care: The balance may go at most 3 hours below zero; work beyond that is held, not applied.');
    expect(rows).toContain('H-MONTH Monthly care: Not covered: work types travel.');
  });

  it('Checks: one row per contract and month plus the entry count, all OK', () => {
    for (const group of groups) {
      const sheet = sheetOf(bookOf(group.customer), 'Checks');
      const months = group.contracts.reduce((s, c) => s + c.months.length, 0);
      const results: unknown[] = [];
      sheet.eachRow((row, number) => {
        if (number > 4 && shown(row.getCell(7)) !== null) results.push(shown(row.getCell(7)));
      });
      expect(results).toEqual(Array(months + 2).fill('OK'));
    }
  });

  it('is set up for reading and printing: frozen header, autofilter, highlights, landscape fit to width, footer', () => {
    const book = bookOf("O'Brien & Sons, LLC");
    const sheet = sheetOf(book, 'Monthly statement');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe(`A1:O${1 + dataRows(sheet, 1).length}`);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.headerFooter.oddFooter).toBe("&LO'Brien && Sons, LLC&Cas of 2026-03-31&RPage &P of &N");
    const summary = sheetOf(book, 'Summary');
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(summary.pageSetup.printTitlesRow).toBe('4:4');
    expect(summary.getCell(`N5`).numFmt).toBe('"$"#,##0.00;[Red]-"$"#,##0.00');
  });

  it('sets only the title in large bold type: data text stays plain in every workbook of the run, and empty cells are not written', async () => {
    for (const group of groups) {
      const summary = sheetOf(bookOf(group.customer), 'Summary');
      expect(summary.getCell('A1').font).toMatchObject({ bold: true, size: 13 });
      expect(summary.getCell('A4').font).toMatchObject({ bold: true });
      const history = sheetOf(bookOf(group.customer), 'History detail');
      for (const row of dataRows(history, 1)) {
        expect(row.getCell(HISTORY.customer).font?.bold, `${group.customer} row ${row.number}`).toBeFalsy();
        expect(row.getCell(HISTORY.customer).font?.size).not.toBe(13);
      }
    }
    const parts = await xmlParts(join(dir, written.customerFiles.at(-1) as string));
    expect(parts.get('xl/worksheets/sheet3.xml')).not.toMatch(/<c r="[A-Z]+[0-9]+"( s="[0-9]+")?\/>/);
  });
});

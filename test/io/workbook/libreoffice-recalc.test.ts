// Needs LibreOffice (`soffice`, Debian libreoffice-calc-nogui): it opens our
// workbooks, recalculates every formula and saves them again; the recalculated
// Summary and Monthly statement must be exactly the engine's figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';
import { reconcile } from '../../../renderer/src/core/reconcile';
import type { MonthRow } from '../../../renderer/src/core/result';
import { countFormula } from '../../../renderer/src/io/workbook/cells';
import { STATEMENT, SUMMARY } from '../../../renderer/src/io/workbook/customer-workbook';
import { AppFormula } from '../../../renderer/src/io/workbook/formulas';
import { MemoryWorkbook } from '../../../renderer/src/io/workbook/memory-workbook';
import { customerGroups } from '../../../renderer/src/io/workbook/workbook-context';
import { type WrittenWorkbooks, writeReconciliationWorkbooks } from '../../../main/cli/xlsx-output';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';
import { dataRows, hundredths, readWorkbook, sheetOf, shown } from './workbook-reading';

const hasSoffice = (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, 'soffice')));
const result = reconcile(TRICKY_PORTFOLIO);
const groups = customerGroups(result);
let dir = '';
let written: WrittenWorkbooks;
const recalculated = new Map<string, ExcelJS.Workbook>();
let control: ExcelJS.Workbook;

// LibreOffice keeps an Excel file's cached results unless told to recalculate on load.
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

beforeAll(async () => {
  if (!hasSoffice) return;
  dir = await mkdtemp(join(tmpdir(), 'blockledger-libreoffice-'));
  const source = join(dir, 'source');
  const profile = join(dir, 'profile');
  const out = join(dir, 'out');
  await mkdir(join(profile, 'user'), { recursive: true });
  await writeFile(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  written = await writeReconciliationWorkbooks(result, TRICKY_PORTFOLIO, source, () => undefined);
  // A control whose cached value is wrong on purpose: LibreOffice must replace 3 by 2.
  const probe = new MemoryWorkbook({ title: 'probe', subject: '', company: '', footer: '', asOf: '2026-03-31', currencySymbol: '$' });
  await probe.writeSheet({ layout: { name: 'Probe', title: [], columns: [{ header: 'Sum', width: 8, format: 'count' }], highlights: [] }, rows: [[countFormula(AppFormula.of('1+1'), 3)]] });
  await writeFile(join(source, 'probe.xlsx'), await probe.toBytes());
  const files = [...written.customerFiles, 'probe.xlsx'].map((name) => join(source, name));
  await promisify(execFile)('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, ...files], { timeout: 240_000 });
  for (const [index, group] of groups.entries()) recalculated.set(group.customer, await readWorkbook(join(out, written.customerFiles[index] as string)));
  control = await readWorkbook(join(out, 'probe.xlsx'));
}, 300_000);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

function sum(months: readonly MonthRow[], key: keyof Omit<MonthRow, 'start' | 'end'>): number {
  return months.reduce((total, row) => total + row[key], 0);
}

function bookOf(customer: string): ExcelJS.Workbook {
  const book = recalculated.get(customer);
  if (!book) throw new Error(`no recalculated workbook for ${customer}`);
  return book;
}

describe.skipIf(!hasSoffice)('recalculated in LibreOffice (needs LibreOffice: soffice on PATH; skipped only when it is not installed)', () => {
  it('LibreOffice really recalculates (a wrong cached value is replaced)', () => {
    expect(shown(sheetOf(control, 'Probe').getCell('A2'))).toBe(2);
  });

  it('the recalculated Summary equals the engine figures', () => {
    for (const group of groups) {
      const rows = dataRows(sheetOf(bookOf(group.customer), 'Summary'), 4);
      group.contracts.forEach((contract, index) => {
        const row = rows[index] as ExcelJS.Row;
        expect(shown(row.getCell(SUMMARY.contract))).toBe(contract.id);
        const m = contract.months;
        const columns = [SUMMARY.opening, SUMMARY.granted, SUMMARY.purchased, SUMMARY.used, SUMMARY.expired, SUMMARY.settled, SUMMARY.overage, SUMMARY.closing];
        expect(columns.map((c) => hundredths(row.getCell(c))), contract.id).toEqual([
          0, sum(m, 'granted'), sum(m, 'purchased'), sum(m, 'used'), sum(m, 'expired'), sum(m, 'settled'), sum(m, 'overage'), contract.balance,
        ]);
      });
    }
  });

  it('the recalculated Monthly statement equals the engine figures, month by month', () => {
    const keys = ['opening', 'granted', 'purchased', 'used', 'expired', 'settled', 'closing', 'overage', 'held'] as const;
    for (const group of groups) {
      const rows = dataRows(sheetOf(bookOf(group.customer), 'Monthly statement'), 1);
      const months = group.contracts.flatMap((contract) => contract.months);
      expect(rows).toHaveLength(months.length);
      months.forEach((month, index) => {
        const row = rows[index] as ExcelJS.Row;
        expect(keys.map((key) => hundredths(row.getCell(STATEMENT[key])))).toEqual(keys.map((key) => month[key]));
      });
    }
  });

  it('every recalculated check reads OK', () => {
    for (const group of groups) {
      const results: unknown[] = [];
      sheetOf(bookOf(group.customer), 'Checks').eachRow((row, number) => {
        if (number > 4 && shown(row.getCell(7)) !== null) results.push(shown(row.getCell(7)));
      });
      expect(results.length).toBeGreaterThan(2);
      expect(new Set(results)).toEqual(new Set(['OK']));
    }
  });
});

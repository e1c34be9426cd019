import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { excelSerial } from '../../../renderer/src/io/workbook/cells';
import { statusWords } from '../../../renderer/src/io/workbook/contract-words';
import { HISTORY } from '../../../renderer/src/io/workbook/history-sheet';
import { MemoryWorkbook } from '../../../renderer/src/io/workbook/memory-workbook';
import { packDocument, writeMonthEndPack } from '../../../renderer/src/io/workbook/month-end-pack';
import { workbookContext } from '../../../renderer/src/io/workbook/workbook-context';
import { writeReconciliationWorkbooks } from '../../../main/cli/xlsx-output';
import { TRICKY_PORTFOLIO } from '../../fixtures/workbook/tricky-portfolio';
import { dataRows, hundredths, readWorkbook, sheetOf, shown } from './workbook-reading';

const result = reconcile(TRICKY_PORTFOLIO);
let dir = '';
let pack: ExcelJS.Workbook;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'blockledger-pack-'));
  const written = await writeReconciliationWorkbooks(result, TRICKY_PORTFOLIO, dir, () => undefined);
  pack = await readWorkbook(join(dir, written.packFile));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rowsOf = (name: string) => dataRows(sheetOf(pack, name), 4).filter((row) => !String(shown(row.getCell(1))).startsWith('Total'));
const contractOf = (id: string) => {
  const contract = result.contracts.find((c) => c.id === id);
  if (!contract) throw new Error(id);
  return contract;
};

describe('month-end pack', () => {
  it('has its sheets in order, History detail last', () => {
    expect(pack.worksheets.map((sheet) => sheet.name)).toEqual(['Contracts', 'To invoice', 'Alerts', 'Exceptions', 'Variance', 'History detail']);
    expect(pack.title).toBe('Month-end pack as of 2026-03-31');
  });

  it('Contracts: every contract with balance, status and prepaid value (billed = consumed + expired + deferred)', () => {
    const rows = rowsOf('Contracts');
    expect(rows.map((row) => shown(row.getCell(2)))).toEqual(result.contracts.map((c) => c.id));
    rows.forEach((row, index) => {
      const contract = result.contracts[index];
      if (!contract) throw new Error('row without contract');
      expect(hundredths(row.getCell(8))).toBe(contract.balance);
      expect(shown(row.getCell(10))).toBe(statusWords(contract.status));
      if (shown(row.getCell(11)) !== null) {
        const [billed, consumed, expired, deferred] = [11, 12, 13, 14].map((c) => hundredths(row.getCell(c)));
        expect(billed).toBe((consumed ?? 0) + (expired ?? 0) + (deferred ?? 0));
      }
    });
    const once = rows.find((row) => shown(row.getCell(2)) === 'H-ONCE') as ExcelJS.Row;
    // 10 h at $1,200 plus 5 h bought for $600, all used: nothing deferred.
    expect([11, 12, 13, 14].map((c) => hundredths(once.getCell(c)))).toEqual([180000, 180000, 0, 0]);
    const incidents = rows.find((row) => shown(row.getCell(2)) === 'I-INC') as ExcelJS.Row;
    expect(shown(incidents.getCell(11))).toBeNull();
  });

  it('To invoice: the as-of month\'s overage, settlements, grants and purchases with amounts', () => {
    const items = rowsOf('To invoice').map((row) => [shown(row.getCell(2)), shown(row.getCell(4)), shown(row.getCell(9)) === null ? null : hundredths(row.getCell(9)), shown(row.getCell(3))]);
    expect(items).toContainEqual(['H-ONCE', 'Overage', 25000, excelSerial('2026-03-02')]);
    expect(items).toContainEqual(['H-MONTH', 'Allowance grant', 50000, excelSerial('2026-03-01')]);
    expect(items).toContainEqual(['I-INC', 'Purchase', null, excelSerial('2026-03-05')]);
    for (const item of items) expect(item[3] as number).toBeGreaterThanOrEqual(excelSerial('2026-03-01'));
  });

  it('Alerts: a row for every warning, low, overrun, on-hold and used-up status', () => {
    const alerts = rowsOf('Alerts').map((row) => `${shown(row.getCell(2))} ${shown(row.getCell(3))}`);
    const words = { warning: 'Warning', low: 'Low balance', overrun: 'Overrun', on_hold: 'On hold', exhausted: 'Used up' } as const;
    let expected = 0;
    for (const contract of result.contracts) {
      for (const status of contract.status) {
        if (status in words) {
          expect(alerts).toContain(`${contract.id} ${words[status as keyof typeof words]}`);
          expected += 1;
        }
      }
    }
    expect(expected).toBeGreaterThanOrEqual(2);
  });

  it('Exceptions: unmatched and not-covered entries with reasons, and held entries', () => {
    const rows = rowsOf('Exceptions');
    const expected = result.entries.filter((e) => e.status === 'unmatched' || e.status === 'not_covered' || e.held > 0).map((e) => e.id);
    expect(rows.map((row) => shown(row.getCell(1)))).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['T012', 'T013', 'T014', 'T041', 'T060', 'T061']));
    const reasons = new Map(rows.map((row) => [shown(row.getCell(1)), shown(row.getCell(9))]));
    expect(reasons.get('T013')).toBe('work type excluded');
    expect(reasons.get('T014')).toBe('billable option is no_charge');
    const held = rows.find((row) => shown(row.getCell(1)) === 'T012') as ExcelJS.Row;
    expect(hundredths(held.getCell(10))).toBe(result.entries.find((e) => e.id === 'T012')?.held);
  });

  it('Variance: recomputed against reported balance per contract', () => {
    const rows = rowsOf('Variance');
    expect(rows.map((row) => shown(row.getCell(2)))).toEqual(['E-TWO', 'H-ONCE']);
    for (const row of rows) {
      const contract = contractOf(String(shown(row.getCell(2))));
      expect(hundredths(row.getCell(6))).toBe(contract.variance);
      expect(hundredths(row.getCell(5)) - hundredths(row.getCell(4))).toBe(contract.variance);
    }
  });

  it('History detail: every contract\'s ledger with its running balance', () => {
    const rows = dataRows(sheetOf(pack, 'History detail'), 1);
    const notCovered = result.entries.filter((e) => e.status === 'not_covered').length;
    expect(rows).toHaveLength(result.contracts.reduce((s, c) => s + c.ledger.length, 0) + notCovered);
    const balances = rows.filter((row) => !String(shown(row.getCell(HISTORY.detail))).startsWith('not counted')).map((row) => hundredths(row.getCell(HISTORY.balance)));
    expect(balances).toEqual(result.contracts.flatMap((c) => c.ledger.map((e) => e.balanceAfter)));
  });

  it('the in-memory (browser) path writes the same sheets from the same layout code', async () => {
    const context = workbookContext(TRICKY_PORTFOLIO, result);
    const workbook = new MemoryWorkbook(packDocument(context));
    await writeMonthEndPack(workbook, context);
    const path = join(dir, 'memory-pack.xlsx');
    await import('node:fs/promises').then((fs) => workbook.toBytes().then((bytes) => fs.writeFile(path, bytes)));
    const memory = await readWorkbook(path);
    for (const sheet of pack.worksheets) {
      const other = sheetOf(memory, sheet.name);
      expect(other.rowCount, sheet.name).toBe(sheet.rowCount);
      sheet.eachRow((row, number) => {
        row.eachCell((cell, column) => expect(shown(other.getRow(number).getCell(column)), `${sheet.name}!${cell.address}`).toEqual(shown(cell)));
      });
    }
  });
});

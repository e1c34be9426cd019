// Issue 3 benchmark: a 100,000-row entries workbook read with the streaming
// XLSX reader (one inflate pass through the guard, saxes, our cell text), as an import
// of a PSA export saved from Excel would be.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { BENCHMARK_PORTFOLIO, generateSamplePortfolio } from '../../../renderer/src/core/sample/sample-portfolio';
import { readXlsxStream } from '../../../renderer/src/io/xlsx/read-xlsx-stream';
import { dayOf } from '../../../renderer/src/core/dates';
import { report, timed } from '../measure';

const ROWS = 100_000;
const dir = process.env.BENCH_DIR ?? '.bench/xlsx';
const path = join(dir, 'entries-100k.xlsx');

// Written once and reused: shared strings (as Excel saves them, and stored
// after the sheet, the streaming reader's worst case), real date cells and
// number cells, so every path of our cell reading is exercised.
async function writeWorkbook(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const entries = generateSamplePortfolio(BENCHMARK_PORTFOLIO).entries.slice(0, ROWS);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('Entries');
  sheet.columns = ['id', 'date', 'contract_id', 'customer', 'ticket', 'member', 'work_role', 'work_type', 'hours', 'billable', 'amount', 'notes'].map((header) => ({ header, key: header }));
  sheet.getColumn('date').numFmt = 'yyyy-mm-dd';
  for (const e of entries) {
    sheet
      .addRow([e.id, new Date(dayOf(e.date) * 86_400_000), e.contractId ?? '', e.customer, e.ticket, e.member, e.workRole, e.workType, e.hours / 100, e.billable, e.amount === null ? null : e.amount / 100, e.notes])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

if (!existsSync(path)) await writeWorkbook();
const bytes = new Uint8Array(readFileSync(path));
const read = await timed(() => readXlsxStream(bytes, 'entries-100k.xlsx'));
const rows = read.value.tables.reduce((sum, table) => sum + table.rows.length, 0);
if (rows !== ROWS || read.value.issues.length > 0) throw new Error(`benchmark workbook read ${rows} rows with ${read.value.issues.length} issues`);
report({
  case: 'xlsx-read',
  what: `read ${rows.toLocaleString('en')}-row XLSX (${(bytes.length / 1e6).toFixed(1)} MB) into text tables`,
  seconds: read.seconds,
  cpuSeconds: read.cpuSeconds,
  rate: `${Math.round(rows / read.seconds).toLocaleString('en')} rows/s`,
  target: '≥ 35,000 rows/s, < 300 MB',
  met: rows / read.seconds >= 35_000,
});

// `reconcile` on what the PSAs export (issue 3 "The command"): repeatable
// file options, profile detection or choice, a saved profile file, format
// overrides, and the same bad-input contract as canonical files.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { filesIn, fixture, run, tempFolder } from './cli-fixtures';

const source = (folder: string, name: string): string => fileURLToPath(new URL(`../../fixtures/${folder}/${name}`, import.meta.url));
const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
const problemsOf = (stderr: string): string[] => lines(stderr).filter((line) => !line.startsWith('note: '));

const AUTOTASK = ['contracts.json', 'contract-blocks.json', 'contract-retainers.json', 'contract-ticket-purchases.json', 'block-hour-factors.json', 'contract-rates.json']
  .flatMap((name) => ['--contracts', source('autotask', name)]);
const CONNECTWISE = [
  '--contracts', source('connectwise', 'agreements.json'), '--contracts', source('connectwise', 'recap.json'),
  '--additions', source('connectwise', 'additions.json'), '--additions', source('connectwise', 'adjustments.json'),
  '--entries', source('connectwise', 'time-entries.json'), '--entries', source('connectwise', 'time-entries-list.csv'),
];
const EAUTOMATE = ['--contracts', source('eautomate', 'contracts.csv'), '--entries', source('eautomate', 'labor.csv')];

describe('reconcile reads PSA exports directly', () => {
  it('Autotask REST JSON, several --contracts files: each recognised, reconciled to the balances Autotask reports', async () => {
    const out = join(tempFolder(), 'result.json');
    const { status, stdout, stderr } = await run([...AUTOTASK, '--entries', source('autotask', 'time-entries.json'), '--as-of', '2026-03-31', '--json', out]);
    expect(status).toBe(0);
    expect(stdout).toBe([
      'contract  customer  unit       balance  used %  statuses',
      '29684101  174       hours          2.5      75',
      '29684102  175       amount        4649       7',
      '29684103  176       incidents        9      10',
      '',
      'Total: 3 contracts, 6 entries, overage 0, 1 exception (unmatched, not covered or held)',
      '',
    ].join('\n'));
    // How each file was read is said, and what Autotask does differently is a note, not an error.
    expect(stderr).toContain(`note: ${source('autotask', 'contract-blocks.json')}: detected as Autotask`);
    expect(stderr).toContain('1 inactive block on contract 29684101 was left out');
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.contracts.map((c: { id: string; variance: number | null }) => [c.id, c.variance])).toEqual([['29684101', 0], ['29684102', 0], ['29684103', 0]]);
  });

  it('e-automate CSVs with US dates are refused until --date-format declares them, then reconcile', async () => {
    const folder = tempFolder();
    const refused = await run([...EAUTOMATE, '--as-of', '2026-01-31', '--json', join(folder, 'r.json')]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(problemsOf(refused.stderr)).toEqual([
      `${source('eautomate', 'contracts.csv')}, line 2, column "Start Date": "01/05/2026" could be read day-first or month-first (1 such date in this file) and the profile declares no date format, so the file is not imported. "01/31/2026" on line 2 suggests MM/DD/YYYY; confirm it in the profile or with --date-format.`,
      `${source('eautomate', 'labor.csv')}, line 2, column "Labor Date": "01/12/2026" could be read day-first or month-first (2 such dates in this file) and the profile declares no date format, so the file is not imported. "01/13/2026" on line 3 suggests MM/DD/YYYY; confirm it in the profile or with --date-format.`,
      '2 problems found in the input; nothing was reconciled or written.',
    ]);
    expect(filesIn(folder)).toEqual([]);

    const declared = await run([...EAUTOMATE, '--as-of', '2026-01-31', '--date-format', 'MM/DD/YYYY']);
    expect(declared.status).toBe(0);
    expect(lines(declared.stdout).slice(1, 4)).toEqual([
      'CYC-3001  Adatum Corp         hours         0      75',
      'DEP-1001  Woodgrove Bank      amount     1375    31.3',
      'TB-2001   Lucerne Publishing  hours      14.5    27.5',
    ]);
  });

  it('--profile with a saved ConnectWise profile: its unit products count, and an agreement it cannot represent stops the run', async () => {
    const folder = tempFolder();
    const { status, stdout, stderr } = await run([...CONNECTWISE, '--profile', source('connectwise', 'acme-profile.json'), '--as-of', '2026-04-30', '--json', join(folder, 'r.json')]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(problemsOf(stderr)).toEqual([
      `${source('connectwise', 'agreements.json')}, line 3, column "applicationCycle": agreement 104 grants its limit per week ("CalendarWeek"); Blockledger reconciles monthly, quarterly or yearly allowances, so this agreement is not imported`,
      '1 problem found in the input; nothing was reconciled or written.',
    ]);
    // BLOCK-10HR is mapped by the saved profile; only AV-LICENSE is left out.
    expect(stderr).not.toContain('"BLOCK-10HR"');
    expect(stderr).toContain('2 additions of product "AV-LICENSE" on agreement 101 were not counted as units');
    expect(filesIn(folder)).toEqual([]);
  });

  it('a saved profile that cannot be read or is not valid is a problem of that file, exit 2', async () => {
    const folder = tempFolder();
    const notJson = join(folder, 'broken.json');
    writeFileSync(notJson, '{ "id": ');
    const invalid = join(folder, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ id: 'x', label: 'X', system: 'halo', version: 2 }));
    for (const [profile, expected] of [
      [notJson, `${notJson}: the saved profile could not be read: it is not a JSON file`],
      [invalid, `${invalid}: the saved profile is not valid: system must be one of`],
      [join(folder, 'missing.json'), `${join(folder, 'missing.json')}: the saved profile could not be read: Could not read the file: it was moved or deleted.`],
    ] as const) {
      const { status, stderr } = await run([...EAUTOMATE, '--as-of', '2026-01-31', '--profile', profile]);
      expect(status).toBe(2);
      expect(problemsOf(stderr)[0]).toContain(expected);
    }
  });

  it('--profile canonical reads canonical files through the profile path with the same result as the streamed path', async () => {
    const args = ['--contracts', fixture('contracts.csv'), '--entries', fixture('entries.csv'), '--additions', fixture('additions.csv'), '--as-of', '2026-02-15'];
    const streamed = join(tempFolder(), 'streamed.json');
    const profiled = join(tempFolder(), 'profiled.json');
    expect((await run([...args, '--json', streamed])).status).toBe(0);
    // A second entries file (here an empty one) takes the profile path.
    const empty = join(tempFolder(), 'no-entries.csv');
    writeFileSync(empty, 'id,date,contract_id,hours\n');
    const viaProfile = await run([...args, '--entries', empty, '--profile', 'canonical', '--json', profiled]);
    expect(viaProfile.status).toBe(0);
    expect(readFileSync(profiled, 'utf8')).toBe(readFileSync(streamed, 'utf8'));
  });

  it('canonical records saved as an .xlsx (dates as date cells, hours as numbers) reconcile exactly like the CSV', async () => {
    const folder = tempFolder();
    const workbook = new ExcelJS.Workbook();
    const contracts = workbook.addWorksheet('Contracts');
    contracts.addRow(['id', 'customer', 'unit', 'start', 'allowance', 'period', 'overage', 'warning_pct', 'overrun_limit_pct']);
    contracts.addRow(['C1', 'Acme', 'hours', new Date(Date.UTC(2026, 0, 1)), 30, 'once', 'bill']);
    contracts.addRow(['C3', 'Initech, Inc.', 'hours', new Date(Date.UTC(2026, 0, 1)), 10, 'once', 'carry', 80, 20]);
    const entries = workbook.addWorksheet('Entries');
    entries.addRow(['id', 'date', 'contract_id', 'ticket', 'hours', 'billable']);
    entries.addRow(['E01', new Date(Date.UTC(2026, 0, 10)), 'C1', '00123', 12.25, 'billable']);
    entries.addRow(['E04', new Date(Date.UTC(2026, 0, 5)), 'C3', 'T-300', 8, 'billable']);
    entries.addRow(['E05', new Date(Date.UTC(2026, 0, 6)), 'C3', 'T-301', 4, 'billable']);
    const xlsx = join(folder, 'portfolio.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const csvContracts = join(folder, 'contracts.csv');
    const csvEntries = join(folder, 'entries.csv');
    writeFileSync(csvContracts, 'id,customer,unit,start,allowance,period,overage,warning_pct,overrun_limit_pct\nC1,Acme,hours,2026-01-01,30,once,bill,,\nC3,"Initech, Inc.",hours,2026-01-01,10,once,carry,80,20\n');
    writeFileSync(csvEntries, 'id,date,contract_id,ticket,hours,billable\nE01,2026-01-10,C1,00123,12.25,billable\nE04,2026-01-05,C3,T-300,8,billable\nE05,2026-01-06,C3,T-301,4,billable\n');
    const fromXlsx = join(folder, 'xlsx.json');
    const fromCsv = join(folder, 'csv.json');
    // One workbook holds both sheets: given once as contracts, once as entries, read once.
    const viaXlsx = await run(['--contracts', xlsx, '--entries', xlsx, '--as-of', '2026-01-31', '--json', fromXlsx]);
    expect(problemsOf(viaXlsx.stderr)).toEqual([]);
    expect(viaXlsx.status).toBe(0);
    expect((await run(['--contracts', csvContracts, '--entries', csvEntries, '--as-of', '2026-01-31', '--json', fromCsv])).status).toBe(0);
    expect(readFileSync(fromXlsx, 'utf8')).toBe(readFileSync(fromCsv, 'utf8'));
    expect(JSON.parse(readFileSync(fromXlsx, 'utf8')).entries[0]).toMatchObject({ id: 'E01', units: 12.25 });
  });

  it('--allocation-order entered replays the order entries were entered in (ConnectWise), worked is the default', async () => {
    const folder = tempFolder();
    const contracts = join(folder, 'contracts.csv');
    const entries = join(folder, 'entries.csv');
    writeFileSync(contracts, 'id,customer,start,allowance,period,overage\nK1,Kite,2026-03-01,2,once,bill\n');
    // Worked 3 March then 4 March; the later one was typed in first.
    writeFileSync(entries, 'id,date,contract_id,hours,entered\nW1,2026-03-03,K1,2,2026-03-06 17:30\nW2,2026-03-04,K1,1,2026-03-04T09:15\n');
    const statusOf = async (order: string[]) => {
      const out = join(folder, `r${order.length}.json`);
      expect((await run(['--contracts', contracts, '--entries', entries, '--as-of', '2026-03-31', '--json', out, ...order])).status).toBe(0);
      return JSON.parse(readFileSync(out, 'utf8')).entries.map((e: { id: string; applied: number; overage: number }) => [e.id, e.applied, e.overage]);
    };
    expect(await statusOf([])).toEqual([['W1', 2, 0], ['W2', 0, 1]]);
    expect(await statusOf(['--allocation-order', 'entered'])).toEqual([['W1', 1, 1], ['W2', 1, 0]]);
  });

  it('an entered time that is not a date-time is named with line and column', async () => {
    const folder = tempFolder();
    const entries = join(folder, 'entries.csv');
    writeFileSync(entries, 'id,date,contract_id,hours,entered\nW1,2026-03-03,C1,2,yesterday\n');
    const { status, stderr } = await run(['--contracts', fixture('contracts.csv'), '--entries', entries, '--as-of', '2026-03-31']);
    expect(status).toBe(2);
    expect(problemsOf(stderr)[0]).toBe(`${entries}, line 2, column "entered": expected a date-time as YYYY-MM-DDTHH:MM or a date as YYYY-MM-DD, got "yesterday"`);
  });
});

import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadSourceFiles } from '../../../renderer/src/io/load-source-files';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { validateProfile } from '../../../renderer/src/core/import/profiles/validate-profile';
import type { SourceProfile } from '../../../renderer/src/core/import/profiles/profile-types';
import { balances, fixtureFiles, fixtureJson, sorted } from './fixture-files';

const FILES = ['contracts-de.csv', 'entries-de.csv'];

function savedProfile(): SourceProfile {
  const check = validateProfile(fixtureJson('generic', 'saved-profile.json'));
  if (!check.ok) throw new Error(check.problems.join('; '));
  return check.profile;
}

/** The same spreadsheet as the German CSV, as a workbook with real date and number cells. */
async function germanWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const contracts = workbook.addWorksheet('Verträge');
  contracts.addRow(['Vertrag', 'Kunde', 'Bezeichnung', 'Einheit', 'Beginn', 'Ende', 'Kontingent', 'Zeitraum', 'Preis', 'Saldo laut System', 'Stand']);
  contracts.addRow(['V-100', 'Müller & Söhne GmbH', 'Stundenpaket 2026', 'Stunden', new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 11, 31)), 40, 'einmalig', 4800, 35.5, new Date(Date.UTC(2026, 1, 28))]);
  contracts.addRow(['V-200', 'Bäckerei Schmidt', 'Guthaben', 'Betrag', new Date(Date.UTC(2026, 0, 15)), null, 1500, 'einmalig', 1500, null, null]);
  const entries = workbook.addWorksheet('Zeiten');
  entries.addRow(['Nr', 'Datum', 'Vertrag', 'Techniker', 'Rolle', 'Stunden', 'Abrechnung', 'Betrag', 'Notiz']);
  entries.addRow(['T-1', new Date(Date.UTC(2026, 0, 5)), 'V-100', 'A. Weber', 'Techniker', 1.5, 'abrechenbar', null, 'Drucker']);
  entries.addRow(['T-2', new Date(Date.UTC(2026, 1, 13)), 'V-100', 'A. Weber', 'Techniker', 3, 'abrechenbar', null, 'Server']);
  entries.addRow(['T-3', new Date(Date.UTC(2026, 1, 14)), 'V-100', 'B. Kurz', 'Techniker', 0.25, 'kostenlos', null, 'Rückfrage']);
  entries.addRow(['T-4', new Date(Date.UTC(2026, 0, 20)), 'V-200', 'B. Kurz', 'Techniker', null, 'abrechenbar', -120.5, 'Gutschrift falsch gebucht']);
  for (const sheet of [contracts, entries]) sheet.eachRow((row) => row.eachCell((cell) => (cell.value instanceof Date ? (cell.numFmt = 'dd.mm.yyyy') : undefined)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('a generic spreadsheet with a saved mapping', () => {
  it('loads the saved profile through validation, dropping its prototype-named key', () => {
    const profile = savedProfile();
    expect(Object.keys(profile)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(profile).toMatchObject({ id: 'mueller-spreadsheet', system: 'generic', decimal: ',', grouping: '.', dateFormat: 'DD.MM.YYYY' });
  });

  it('reads German dates and numbers (1.234,56, (120,50)) and rejects what SPEC forbids, naming the line', async () => {
    const result = await loadSourceFiles(fixtureFiles('generic', FILES), { profiles: [savedProfile()] });
    const { contracts, entries } = sorted(result);
    expect(contracts).toMatchObject([
      { id: 'V-100', customer: 'Müller & Söhne GmbH', unit: 'hours', start: '2026-01-01', end: '2026-12-31', allowance: 4000, period: 'once', price: 480000, reportedBalance: 3550, reportedAsOf: '2026-02-28' },
      { id: 'V-200', customer: 'Bäckerei Schmidt', unit: 'amount', start: '2026-01-15', end: null, allowance: 150000, price: 150000 },
    ]);
    expect(entries.map((e) => [e.id, e.date, e.hours, e.billable])).toEqual([
      ['T-1', '2026-01-05', 150, 'billable'],
      ['T-2', '2026-02-13', 300, 'billable'],
      ['T-3', '2026-02-14', 25, 'no_charge'],
    ]);
    expect(result.issues).toMatchObject([{ file: 'entries-de.csv', line: 5, code: 'negative-number', severity: 'error' }]);
  });

  it('gives the same records from the workbook version of the spreadsheet, and reconciles to the reported balance', async () => {
    const fromCsv = await loadSourceFiles(fixtureFiles('generic', FILES), { profiles: [savedProfile()] });
    const fromXlsx = await loadSourceFiles([{ name: 'vertraege.xlsx', bytes: await germanWorkbook() }], { profiles: [savedProfile()] });
    expect(sorted(fromXlsx)).toEqual(sorted(fromCsv));
    expect(fromXlsx.detections.map((d) => [d.file, d.record])).toEqual([
      ['vertraege.xlsx [Verträge]', 'contracts'],
      ['vertraege.xlsx [Zeiten]', 'entries'],
    ]);
    const reconciled = reconcile({ contracts: fromXlsx.contracts, additions: fromXlsx.additions, entries: fromXlsx.entries, asOf: '2026-02-28' });
    expect(balances(reconciled)).toEqual({ 'V-100': { balance: 3550, variance: 0 }, 'V-200': { balance: 150000, variance: null } });
  });

  it('says when no profile recognises a file, and lets the clerk choose one', async () => {
    const csv = new TextEncoder().encode('Alpha,Beta\n1,2\n');
    const unknown = await loadSourceFiles([{ name: 'mystery.csv', bytes: csv }]);
    expect(unknown.detections[0]).toMatchObject({ profileId: null, confidence: 0 });
    expect(unknown.issues).toMatchObject([{ code: 'unrecognised-file', file: 'mystery.csv' }]);
    const chosen = await loadSourceFiles([{ name: 'mystery.csv', bytes: csv }], { profile: 'generic' });
    expect(chosen.detections[0]).toMatchObject({ profileId: 'generic', overridden: true });
  });
});

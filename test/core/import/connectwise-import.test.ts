import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadSourceFiles } from '../../../renderer/src/io/load-source-files';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { CONNECTWISE_PROFILE } from '../../../renderer/src/core/import/profiles/connectwise';
import type { SourceProfile } from '../../../renderer/src/core/import/profiles/profile-types';
import { balances, fixtureFiles, sorted } from './fixture-files';

// The clerk's saved ConnectWise profile: BLOCK-10HR additions add 10 hours each; list exports are US dates.
const SAVED: SourceProfile = { ...CONNECTWISE_PROFILE, id: 'acme-connectwise', label: 'Acme ConnectWise', dateFormat: 'MM/DD/YYYY', unitProducts: [{ product: 'BLOCK-10HR', unitsPerQuantity: '10' }] };
const AS_OF = '2026-04-30';

// Named, so a fixture someone adds to the folder for another test does not change these expectations.
const FILES = ['additions.json', 'adjustments.json', 'agreements.json', 'recap.json', 'time-entries-list.csv', 'time-entries.json'];

async function load(files = fixtureFiles('connectwise', FILES), profiles: readonly SourceProfile[] = [SAVED]) {
  return loadSourceFiles(files, { profiles, asOf: AS_OF });
}

describe('ConnectWise REST JSON and list export', () => {
  it('recognises every file with its record kind', async () => {
    const { detections } = await load();
    expect(detections.map((d) => [d.file, d.profileId, d.record, d.confidence])).toEqual([
      ['additions.json', 'acme-connectwise', 'addition', 1],
      ['adjustments.json', 'acme-connectwise', 'adjustment', 1],
      ['agreements.json', 'acme-connectwise', 'agreement', 1],
      ['recap.json', 'acme-connectwise', 'recap', 1],
      ['time-entries-list.csv', 'acme-connectwise', 'timeEntry', 1],
      ['time-entries.json', 'acme-connectwise', 'timeEntry', 1],
    ]);
  });

  it('maps agreements, additions, adjustments, time entries and the recap onto canonical records', async () => {
    const result = await load();
    const { contracts, additions, entries } = sorted(result);
    expect(contracts).toMatchObject([
      { id: '101', customer: 'Acme Dental', unit: 'hours', start: '2026-01-01', end: '2026-12-31', allowance: 3000, period: 'once', overage: 'bill', price: 360000, reportedBalance: 1300, reportedAsOf: AS_OF },
      { id: '102', customer: 'Globex Ltd', unit: 'hours', end: null, allowance: 500, period: 'month', carryover: true, carryoverDays: 30, overage: 'carry', overrunLimit: 200, price: 50000, reportedBalance: null },
    ]);
    expect(additions).toEqual([
      { contractId: '101', date: '2026-02-15', quantity: 200, price: null, reference: 'Goodwill credit', expires: null },
      { contractId: '101', date: '2026-03-01', quantity: 1000, price: 120000, reference: 'BLOCK-10HR, addition 9001', expires: null },
    ]);
    expect(entries.map((e) => [e.id, e.date, e.contractId, e.hours, e.billable, e.ticket, e.member])).toEqual([
      ['70001', '2026-01-05', '101', 250, 'billable', '4411', 'jsmith'],
      ['70002', '2026-02-10', '101', 1200, 'billable', '4412', 'jsmith'],
      ['70003', '2026-02-11', '101', 0, 'no_charge', '4413', 'bwong'],
      ['70004', '2026-03-02', '101', 300, 'billable', '5001', 'bwong'],
      ['70005', '2026-03-03', '101', 75, 'do_not_bill', '4414', 'jsmith'],
      ['70006', '2026-01-20', '102', 300, 'billable', '4501', 'jsmith'],
      ['80001', '2026-02-03', '102', 150, 'billable', '', 'jsmith'],
      ['80002', '2026-02-14', '102', 75, 'no_charge', '', 'bwong'],
      ['adjustment-3002', '2026-04-01', '101', 150, 'billable', '', ''],
    ]);
    expect(entries.find((e) => e.id === '70001')?.entered).toBe('2026-01-05T18:00:00');
  });

  it('says per agreement what it approximated or left out, and never drops a row silently', async () => {
    const { issues } = await load();
    expect(issues.map((issue) => [issue.severity, issue.code, issue.file, issue.line])).toEqual([
      ['warning', 'forbidden-key', 'agreements.json', null],
      ['error', 'unsupported-cycle', 'agreements.json', 3],
      ['warning', 'overrun-carried', 'agreements.json', 2],
      ['warning', 'addition-not-units', 'additions.json', 2],
      ['warning', 'negative-adjustment-entry', 'adjustments.json', 2],
      ['warning', 'billable-nodefault', 'time-entries.json', 4],
    ]);
    expect(issues.find((issue) => issue.code === 'addition-not-units')?.message).toMatch(/2 additions of product "AV-LICENSE" on agreement 101 were not counted/);
  });

  it('reconciles: the recap differs by exactly the BLOCK-10HR addition the clerk mapped as hours', async () => {
    const result = await load();
    const reconciled = reconcile({ contracts: result.contracts, additions: result.additions, entries: result.entries, asOf: AS_OF });
    // 30 + 2 (adjustment) + 10 (addition) − 17.5 h used − 1.5 h negative adjustment; ConnectWise's recap: 30 + 0.5 − 17.5.
    expect(balances(reconciled)).toEqual({ '101': { balance: 2300, variance: 1000 }, '102': { balance: 500, variance: null } });
  });

  it('counts no addition as units until the profile maps its product', async () => {
    const result = await load(undefined, []);
    expect(result.additions.map((addition) => addition.reference)).toEqual(['Goodwill credit']);
    expect(result.issues.filter((issue) => issue.code === 'addition-not-units')).toHaveLength(2);
  });

  it('blocks a list export with ambiguous dates until the date format is declared', async () => {
    const result = await loadSourceFiles(fixtureFiles('connectwise', ['time-entries-list.csv']));
    expect(result.entries).toEqual([]);
    expect(result.issues).toMatchObject([{ code: 'ambiguous-date', line: 2, column: 'Date', severity: 'error' }]);
    expect(result.issues[0]?.message).toMatch(/"02\/14\/2026" on line 3 suggests MM\/DD\/YYYY/);
    const declared = await loadSourceFiles(fixtureFiles('connectwise', ['time-entries-list.csv']), { dateFormat: 'MM/DD/YYYY' });
    expect(declared.entries.map((entry) => entry.date)).toEqual(['2026-02-03', '2026-02-14']);
  });

  it('gives the same records whatever the order of the time entries in the export', async () => {
    const files = fixtureFiles('connectwise', FILES);
    const entriesFile = files.find((file) => file.name === 'time-entries.json')!;
    const items = JSON.parse(new TextDecoder().decode(entriesFile.bytes)) as unknown[];
    const expected = sorted(await load(files));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }), async (shuffled) => {
        const reordered = files.map((file) => (file === entriesFile ? { name: file.name, bytes: new TextEncoder().encode(JSON.stringify(shuffled)) } : file));
        expect(sorted(await load(reordered))).toEqual(expected);
      }),
      { numRuns: 20 },
    );
  });
});

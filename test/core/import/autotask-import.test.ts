import { describe, expect, it } from 'vitest';
import { loadSourceFiles } from '../../../renderer/src/io/load-source-files';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { balances, fixtureFiles, sorted } from './fixture-files';

const FILES = ['contracts.json', 'contract-blocks.json', 'block-hour-factors.json', 'contract-rates.json', 'contract-retainers.json', 'contract-ticket-purchases.json', 'time-entries.json'];

const AS_OF = '2026-03-31';

describe('Autotask REST entities', () => {
  it('maps blocks, retainers and ticket purchases to lots with start and end dates, factors and rates to the contract', async () => {
    const result = await loadSourceFiles(fixtureFiles('autotask', FILES), { asOf: AS_OF });
    const { contracts, additions, entries } = sorted(result);
    expect(contracts).toMatchObject([
      { id: '29684101', customer: '174', unit: 'hours', end: '2026-12-31', allowance: null, period: 'once', overage: 'bill', roleFactors: [{ role: '29683', value: { units: 15, scale: 1 } }], reportedBalance: 250, reportedAsOf: AS_OF },
      { id: '29684102', unit: 'amount', roleRates: [{ role: '29682', value: { units: 150, scale: 0 } }, { role: '29683', value: { units: 1755, scale: 1 } }], reportedBalance: 464900 },
      { id: '29684103', unit: 'incidents', reportedBalance: 900 },
    ]);
    expect(additions).toEqual([
      { contractId: '29684101', date: '2026-01-01', quantity: 1000, price: 120000, reference: 'INV-1001', expires: '2026-06-30' },
      { contractId: '29684101', date: '2026-04-01', quantity: 2000, price: 221000, reference: 'block 502', expires: '2026-12-31' },
      { contractId: '29684102', date: '2026-01-01', quantity: 500000, price: 500000, reference: 'INV-2001', expires: '2026-12-31' },
      { contractId: '29684103', date: '2026-01-01', quantity: 1000, price: 95000, reference: 'ticket purchase 701', expires: '2026-12-31' },
    ]);
    expect(entries.map((e) => [e.id, e.date, e.contractId, e.workRole, e.hours, e.billable])).toEqual([
      ['880001', '2026-01-12', '29684101', '29682', 300, 'billable'],
      ['880002', '2026-02-03', '29684101', '29683', 300, 'billable'],
      ['880003', '2026-02-05', '29684101', '29682', 100, 'no_charge'],
      ['880004', '2026-04-02', '29684101', '29682', 200, 'billable'],
      ['880005', '2026-01-15', '29684102', '29683', 200, 'billable'],
      ['880006', '2026-01-20', '29684103', '29682', 50, 'billable'],
      ['880007', '2026-01-22', '29684103', '29682', 100, 'billable'],
    ]);
    expect(result.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['inactive-purchase', 3],
      ['end-extended', 1],
      ['customer-is-company-id', 1],
      ['no-purchases', 4],
      ['not-posted', 4],
    ]);
  });

  it('reconciles to the balances Autotask reports (purchased − approved and posted)', async () => {
    const result = await loadSourceFiles(fixtureFiles('autotask', FILES), { asOf: AS_OF });
    const reconciled = reconcile({ contracts: result.contracts, additions: result.additions, entries: result.entries, asOf: AS_OF });
    // 10 h − 3 h − 3 h × 1.5 (senior role factor); $5000 − 2 h × $175.50; 10 tickets − 1 ticket (two entries on one ticket).
    expect(balances(reconciled)).toEqual({ '29684101': { balance: 250, variance: 0 }, '29684102': { balance: 464900, variance: 0 }, '29684103': { balance: 900, variance: 0 } });
  });

  it('names each customer from the Companies entity when it is imported too, and keeps the company id when it is not', async () => {
    const named = await loadSourceFiles(fixtureFiles('autotask', [...FILES, 'companies.json']), { asOf: AS_OF });
    expect(named.detections.find((detection) => detection.file.endsWith('companies.json'))).toMatchObject({ profileId: 'autotask', record: 'company' });
    expect(sorted(named).contracts.map((contract) => [contract.id, contract.customer])).toEqual([['29684101', 'Contoso Dental'], ['29684102', 'Fabrikam Legal'], ['29684103', 'Northwind Traders']]);
    // The companies file adds names, nothing else: the same lots and balances, and no word about ids.
    const unnamed = await loadSourceFiles(fixtureFiles('autotask', FILES), { asOf: AS_OF });
    expect(sorted(named).additions).toEqual(sorted(unnamed).additions);
    expect(sorted(unnamed).contracts.map((contract) => contract.customer)).toEqual(['174', '175', '176']);
    const idNote = unnamed.issues.filter((issue) => issue.code === 'customer-is-company-id');
    expect(idNote).toEqual([
      {
        file: 'contracts.json',
        line: 1,
        column: null,
        code: 'customer-is-company-id',
        severity: 'warning',
        message: "3 contracts name their customers only by Autotask company id (174, …), so those ids are the customer's name here; import the Companies export together with the contracts to show the names",
      },
    ]);
    expect(named.issues).toEqual(unnamed.issues.filter((issue) => issue.code !== 'customer-is-company-id'));
  });

  it('says so when a Companies export comes without the contracts it would name, instead of ignoring it silently', async () => {
    const alone = await loadSourceFiles(fixtureFiles('autotask', ['companies.json']), { asOf: AS_OF });
    expect(alone.contracts).toEqual([]);
    expect(alone.issues).toMatchObject([{ file: 'companies.json', code: 'companies-without-contracts', severity: 'warning', message: expect.stringContaining('import it again together with the Contracts export') }]);
  });

  it('names no company id when the export gives the customer by name (an Autotask CSV list)', async () => {
    const header = 'Contract ID,Contract Name,Account,Contract Type,Start Date\n';
    const contracts = new TextEncoder().encode(`${header}7,Solo,Contoso Dental,Block Hours,2026-01-01\n`);
    const blocks = new TextEncoder().encode(JSON.stringify({ items: [{ id: 2, contractID: 7, datePurchased: '2026-01-01T00:00:00Z', startDate: '2026-01-01T00:00:00Z', hours: 4, hourlyRate: 100 }] }));
    const result = await loadSourceFiles([{ name: 'contracts.csv', bytes: contracts }, { name: 'blocks.json', bytes: blocks }]);
    expect(result.contracts.map((contract) => [contract.id, contract.customer])).toEqual([['7', 'Contoso Dental']]);
    expect(result.issues.map((issue) => issue.code)).not.toContain('customer-is-company-id');
  });

  it('reads the REST {items: [...]} wrapper and a single {item: {...}}', async () => {
    const single = new TextEncoder().encode(JSON.stringify({ item: { id: 1, contractName: 'Solo', companyID: 9, contractType: 6, startDate: '2026-01-01T00:00:00Z' } }));
    const block = new TextEncoder().encode(JSON.stringify({ items: [{ id: 2, contractID: 1, datePurchased: '2026-01-01T00:00:00Z', startDate: '2026-01-01T00:00:00Z', hours: 4, hourlyRate: 100 }] }));
    const result = await loadSourceFiles([{ name: 'contract.json', bytes: single }, { name: 'blocks.json', bytes: block }]);
    expect(result.contracts.map((c) => [c.id, c.unit])).toEqual([['1', 'hours']]);
    expect(result.additions.map((a) => [a.quantity, a.expires])).toEqual([[400, null]]);
  });
});

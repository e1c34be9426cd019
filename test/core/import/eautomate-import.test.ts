import { describe, expect, it } from 'vitest';
import { loadSourceFiles } from '../../../renderer/src/io/load-source-files';
import { reconcile } from '../../../renderer/src/core/reconcile';
import { EAUTOMATE_PROFILE } from '../../../renderer/src/core/import/profiles/eautomate';
import { balances, fixtureFiles, sorted } from './fixture-files';

const FILES = ['contracts.csv', 'labor.csv'];

const AS_OF = '2026-01-31';

describe('e-automate contract list and service-call labor', () => {
  it('blocks US dates until the format is declared, then maps deposit and time-block contracts', async () => {
    const blocked = await loadSourceFiles(fixtureFiles('eautomate', FILES));
    expect(blocked.contracts).toEqual([]);
    expect(blocked.issues.map((issue) => issue.code)).toEqual(['ambiguous-date', 'ambiguous-date']);

    const result = await loadSourceFiles(fixtureFiles('eautomate', FILES), { dateFormat: 'MM/DD/YYYY' });
    const { contracts, entries } = sorted(result);
    expect(contracts).toMatchObject([
      // Re-bill on cycle: a fresh 8 h every month, use it or lose it.
      { id: 'CYC-3001', unit: 'hours', allowance: 800, period: 'month', carryover: false, overage: 'bill_next', rate: { units: 95, scale: 0 } },
      // A dollar deposit valued at the bill-code labor rate, re-billed below $444 (seed 004).
      { id: 'DEP-1001', unit: 'amount', allowance: 200000, period: 'once', overage: 'bill_next', rebillBelow: 44400, rebillQuantity: 200000, rate: { units: 125, scale: 0 }, price: 200000, reportedBalance: 137500, reportedAsOf: '2026-01-31' },
      // A time block: hours, valued at 20 h × $110.
      { id: 'TB-2001', unit: 'hours', allowance: 2000, period: 'once', price: 220000, reportedBalance: 1450 },
    ]);
    expect(entries.map((e) => [e.id, e.contractId, e.ticket, e.hours])).toEqual([
      ['SC-5001-1', 'DEP-1001', 'SC-5001', 200],
      ['SC-5001-2', 'DEP-1001', 'SC-5001', 300],
      ['SC-5002-1', 'TB-2001', 'SC-5002', 550],
      ['SC-5003-1', 'CYC-3001', 'SC-5003', 600],
      ['SC-5004-1', 'CYC-3001', 'SC-5004', 150],
    ]);
    expect(result.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['not-deposit', 5],
      ['labor-amount-differs', 3],
    ]);
  });

  it('reconciles to e-automate balances; unused cycle hours are lost at month end', async () => {
    const result = await loadSourceFiles(fixtureFiles('eautomate', FILES), { dateFormat: 'MM/DD/YYYY' });
    const reconciled = reconcile({ contracts: result.contracts, additions: result.additions, entries: result.entries, asOf: AS_OF });
    expect(balances(reconciled)).toEqual({
      'CYC-3001': { balance: 0, variance: null },
      'DEP-1001': { balance: 137500, variance: 0 },
      'TB-2001': { balance: 1450, variance: 0 },
    });
  });

  it('follows an edited column mapping for a differently laid-out report', async () => {
    const profile = {
      ...EAUTOMATE_PROFILE,
      id: 'eauto-ceo-juice',
      label: 'ID835 snapshot',
      dateFormat: 'YYYY-MM-DD' as const,
      records: [{ record: 'contract', columns: [{ field: 'contract', columns: ['Contract No'] }, { field: 'laborRate', columns: ['Rate'] }, { field: 'balance', columns: ['Unearned'] }] }],
    };
    const csv = 'Contract No,Customer,Start Date,Billing Method,Rate,Re-bill Option,Initial Amount,Unearned\nD-9,Fourth Coffee,2026-01-01,Deposit,100,Do not re-bill,500,420\n';
    const result = await loadSourceFiles([{ name: 'snapshot.csv', bytes: new TextEncoder().encode(csv) }], { profiles: [profile] });
    expect(result.detections[0]).toMatchObject({ profileId: 'eauto-ceo-juice', record: 'contract' });
    expect(result.contracts).toMatchObject([{ id: 'D-9', customer: 'Fourth Coffee', unit: 'amount', allowance: 50000, reportedBalance: 42000 }]);
  });
});

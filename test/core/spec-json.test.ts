import { describe, expect, it } from 'vitest';
import { toSpecJson } from '../../renderer/src/core/spec-json';
import type { ContractResult, ReconcileResult } from '../../renderer/src/core/result';

const contract: ContractResult = {
  id: 'C1', customer: 'Acme', unit: 'hours', balance: -105, usedPctTenths: 667, status: ['warning', 'exhausted', 'overrun'],
  variance: 250, cap: 200,
  months: [{ start: '2026-10-01', end: '2026-10-31', opening: 0, granted: 1000, purchased: 7, used: 1112, expired: 0, settled: 0, closing: -105, overage: 3, held: 50 }],
  lots: [{ index: 0, kind: 'allowance', date: '2026-10-01', size: 1000, expires: null, left: 0, reference: null, price: null }],
  ledger: [],
};
const result: ReconcileResult = {
  asOf: '2026-10-31',
  contracts: [contract, { ...contract, id: 'C2', usedPctTenths: null, status: [], variance: null, months: [] }],
  entries: [
    { id: 'E1', contractId: 'C1', units: 150, applied: 100, overage: 0, held: 50, status: 'partial', reason: null },
    { id: 'E2', contractId: null, units: 0, applied: 0, overage: 0, held: 0, status: 'unmatched', reason: 'unknown contract id' },
  ],
};

describe('toSpecJson (SPEC §8)', () => {
  it('writes hundredths as decimals, used % with one decimal, statuses sorted, and only the §8 fields', () => {
    expect(JSON.parse(JSON.stringify(toSpecJson(result)))).toEqual({
      asOf: '2026-10-31',
      contracts: [
        {
          id: 'C1', customer: 'Acme', unit: 'hours', balance: -1.05, usedPct: 66.7, status: ['exhausted', 'overrun', 'warning'], variance: 2.5,
          months: [{ start: '2026-10-01', end: '2026-10-31', opening: 0, granted: 10, purchased: 0.07, used: 11.12, expired: 0, settled: 0, closing: -1.05, overage: 0.03, held: 0.5 }],
        },
        { id: 'C2', customer: 'Acme', unit: 'hours', balance: -1.05, usedPct: null, status: [], variance: null, months: [] },
      ],
      entries: [
        { id: 'E1', contractId: 'C1', units: 1.5, applied: 1, overage: 0, held: 0.5, status: 'partial', reason: null },
        { id: 'E2', contractId: null, units: 0, applied: 0, overage: 0, held: 0, status: 'unmatched', reason: 'unknown contract id' },
      ],
    });
  });

  it('prints numbers with the fewest decimals needed', () => {
    const text = JSON.stringify(toSpecJson(result));
    expect(text).toContain('"balance":-1.05,"usedPct":66.7,');
    expect(text).toContain('"granted":10,"purchased":0.07,');
  });

  it('writes every hundredth exactly, with at most two decimals', () => {
    for (let centi = -100_000; centi <= 100_000; centi += 7) {
      const text = JSON.stringify(toSpecJson({ ...result, contracts: [{ ...contract, balance: centi }], entries: [] }).contracts[0]?.balance);
      expect(text).toMatch(/^-?\d+(\.\d{1,2})?$/);
      expect(Math.round(Number(text) * 100)).toBe(centi);
    }
  });

  it('writes contracts and entries in id order by code point (E10 before E2)', () => {
    const shuffled = { ...result, contracts: [{ ...contract, id: 'C2' }, { ...contract, id: 'C10' }], entries: [{ ...result.entries[0]!, id: 'E2' }, { ...result.entries[0]!, id: 'E10' }] };
    const json = toSpecJson(shuffled);
    expect(json.contracts.map((c) => c.id)).toEqual(['C10', 'C2']);
    expect(json.entries.map((e) => e.id)).toEqual(['E10', 'E2']);
  });

  it('leaves the engine’s input untouched (statuses are sorted on a copy)', () => {
    toSpecJson(result);
    expect(contract.status).toEqual(['warning', 'exhausted', 'overrun']);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { typeCanonical } from './canonical-helpers';
import type { Table } from '../../../renderer/src/core/import/table';

const CONTRACT_COLUMNS = ['id', 'customer', 'start', 'end', 'unit', 'allowance', 'period', 'overage', 'prorate', 'carryover_days', 'role_rates', 'rebill_below', 'rebill_quantity', '__proto__'];
const ADDITION_COLUMNS = ['contract_id', 'date', 'quantity', 'expires', 'constructor'];
const ENTRY_COLUMNS = ['id', 'date', 'contract_id', 'hours', 'billable', 'amount', 'prototype'];

// Cells drawn from valid values, near misses and arbitrary text.
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'C1', 'C2', 'E1', '2026-01-01', '2026-12-31', '2025-12-01', '2026-13-01', '1.5', '1,5', '-2', '10', '0', '1.005', 'hours', 'amount', 'month', 'once', 'bill', 'carry', 'yes', 'No', 'billable', 'no_charge', 'A=1;B=2', 'A', '{"polluted":1}'),
  fc.string({ maxLength: 12 }),
);
const table = (fileName: string, header: readonly string[]) =>
  fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 12 }).map(
    (rows): Table => ({ fileName, header, rows: rows.map((cells, index) => ({ line: index + 2, cells })) }),
  );

describe('typeCanonical properties', () => {
  it('never throws, and every row is either a record or named in an issue (nothing dropped silently)', () => {
    fc.assert(
      fc.property(table('contracts.csv', CONTRACT_COLUMNS), table('additions.csv', ADDITION_COLUMNS), table('entries.csv', ENTRY_COLUMNS), (contracts, additions, entries) => {
        const result = typeCanonical({ contracts, additions, entries });
        const linesWithIssues = (file: string) => new Set(result.issues.filter((issue) => issue.file === file).map((issue) => issue.line));
        expect(result.contracts.length + linesWithIssues('contracts.csv').size).toBeGreaterThanOrEqual(contracts.rows.length);
        expect(result.additions.length + linesWithIssues('additions.csv').size).toBeGreaterThanOrEqual(additions.rows.length);
        expect(result.entries.length + linesWithIssues('entries.csv').size).toBeGreaterThanOrEqual(entries.rows.length);
        // Every issue names a line of its file and, for a cell problem, a known column.
        for (const issue of result.issues) {
          expect(issue.line).not.toBeNull();
          expect(issue.message.length).toBeGreaterThan(0);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('typed records satisfy the §10 rules the engine relies on', () => {
    fc.assert(
      fc.property(table('contracts.csv', CONTRACT_COLUMNS), table('additions.csv', ADDITION_COLUMNS), table('entries.csv', ENTRY_COLUMNS), (contracts, additions, entries) => {
        const result = typeCanonical({ contracts, additions, entries });
        const ids = result.contracts.map((contract) => contract.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const contract of result.contracts) {
          if (contract.end !== null) expect(contract.end >= contract.start).toBe(true);
          expect(contract.rebillBelow === null).toBe(contract.rebillQuantity === null);
          expect(contract.allowance === null || contract.allowance >= 0).toBe(true);
        }
        const byId = new Map(result.contracts.map((contract) => [contract.id, contract]));
        for (const addition of result.additions) {
          const contract = byId.get(addition.contractId);
          expect(contract).toBeDefined();
          expect(addition.quantity).toBeGreaterThan(0);
          expect(addition.date >= (contract?.start ?? '')).toBe(true);
          if (contract?.end) expect(addition.date <= contract.end).toBe(true);
          if (addition.expires !== null) expect(addition.expires >= addition.date).toBe(true);
        }
        const entryIds = result.entries.map((entry) => entry.id);
        expect(new Set(entryIds).size).toBe(entryIds.length);
        for (const entry of result.entries) expect(entry.hours).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

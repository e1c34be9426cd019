import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../renderer/src/core/import/import-issue';
import { CONTRACTS_HEADER, issueKeys, typeFiles } from './canonical-helpers';

const HEADER = 'contract_id,date,quantity,price,reference,expires';
const additions = (...rows: string[]) => typeFiles({ additions: [HEADER, ...rows] });

describe('additions.csv typing (SPEC §2, §10)', () => {
  it('types a purchase with its price, reference and expiry', () => {
    const { additions: records, issues } = additions(' C1 ,2026-03-01,10,1500.00,PO-7781,2026-06-30');
    expect(issues).toEqual([]);
    expect(records).toEqual([{ contractId: 'C1', date: '2026-03-01', quantity: 1000, price: 150000, reference: 'PO-7781', expires: '2026-06-30' }]);
  });

  it('optional columns may be absent or empty', () => {
    expect(typeFiles({ additions: ['contract_id,date,quantity', 'C1,2026-03-01,2.5'] }).additions).toEqual([
      { contractId: 'C1', date: '2026-03-01', quantity: 250, price: null, reference: '', expires: null },
    ]);
  });

  it('an addition dated before the contract start takes effect on the start', () => {
    expect(additions('C1,2025-12-15,10,,,2026-03-31').additions).toMatchObject([{ date: '2026-01-01', expires: '2026-03-31' }]);
    expect(additions('C1,2025-12-15,10,,,').additions).toMatchObject([{ date: '2026-01-01', expires: null }]);
  });

  it('an addition on the contract end day is accepted', () => {
    expect(additions('C1,2026-12-31,10,,,').issues).toEqual([]);
  });

  it.each<[string, string, string, string]>([
    ['C9,2026-03-01,10,,,', 'contract_id', 'unknown-contract', 'expected the id of a contract in contracts.csv, got "C9"'],
    ['c1,2026-03-01,10,,,', 'contract_id', 'unknown-contract', 'expected the id of a contract in contracts.csv, got "c1"'],
    [',2026-03-01,10,,,', 'contract_id', 'missing-value', 'expected a contract id, got an empty cell'],
    ['C1,2027-01-05,10,,,', 'date', 'after-contract-end', 'expected a date on or before the contract\'s end 2026-12-31, got "2027-01-05"'],
    ['C1,2026-03-01,10,,,2026-02-28', 'expires', 'expires-before-date', 'expected an expiry on or after the date 2026-03-01, got "2026-02-28"'],
    ['C1,2025-11-01,10,,,2025-12-31', 'expires', 'expires-before-start', 'the addition takes effect on the contract\'s start 2026-01-01; expected it to expire on or after that day, got "2025-12-31"'],
    ['C1,2026-03-01,0,,,', 'quantity', 'not-positive', 'expected a number greater than 0, got "0"'],
    ['C1,2026-03-01,-10,,,', 'quantity', 'negative-number', 'expected a number that is not negative, got "-10"'],
    ['C1,2026-03-01,,,,', 'quantity', 'missing-value', 'expected a quantity like 10 or 2.5, got an empty cell'],
    ['C1,2026-03-01,10.005,,,', 'quantity', 'too-many-decimals', 'expected at most two decimals, got "10.005"'],
    ['C1,2026-03-01,10,-5,,', 'price', 'negative-number', 'expected a number that is not negative, got "-5"'],
    ['C1,2026-02-30,10,,,', 'date', 'invalid-date', 'expected a date as YYYY-MM-DD, got "2026-02-30"'],
    ['C1,,10,,,', 'date', 'missing-value', 'expected a date as YYYY-MM-DD, got an empty cell'],
  ])('%s → %s %s', (row, column, code, message) => {
    const records = additions(row);
    expect(records.additions).toEqual([]);
    expect(records.issues).toEqual([{ file: 'additions.csv', line: 2, column, code, message, severity: 'error' }]);
  });

  it('an addition for a contract rejected in contracts.csv says so instead of calling it unknown', () => {
    const records = typeFiles({ contracts: [CONTRACTS_HEADER, 'C1,Acme,2026-13-01,'], additions: [HEADER, 'C1,2026-03-01,10,,,'] });
    expect(records.issues.map(describeIssue)).toEqual([
      'contracts.csv, line 2, column "start": expected a date as YYYY-MM-DD, got "2026-13-01"',
      'additions.csv, line 2, column "contract_id": the contract "C1" has errors in contracts.csv, so this addition cannot be checked',
    ]);
  });

  it('without a usable contracts file only the additions’ own cells are checked', () => {
    const records = typeFiles({ contracts: ['id,customer', 'C1,Acme'], additions: [HEADER, 'C1,2026-03-01,10,,,'] });
    expect(issueKeys(records)).toEqual([[1, 'start', 'missing-column']]);
  });

  it('reports every bad row and a missing required column', () => {
    expect(issueKeys(additions('C9,2026-03-01,10,,,', 'C1,2026-03-01,10,,,', 'C1,2026-03-01,x,,,'))).toEqual([
      [2, 'contract_id', 'unknown-contract'],
      [4, 'quantity', 'invalid-number'],
    ]);
    expect(issueKeys(typeFiles({ additions: ['contract_id,date', 'C1,2026-03-01'] }))).toEqual([[1, 'quantity', 'missing-column']]);
  });
});

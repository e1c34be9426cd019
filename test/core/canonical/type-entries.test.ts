import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../renderer/src/core/import/import-issue';
import type { Entry } from '../../../renderer/src/core/model';
import { issueKeys, typeFiles } from './canonical-helpers';

const HEADER = 'id,date,contract_id,customer,ticket,member,work_role,work_type,hours,billable,amount,notes';
const entries = (...rows: string[]) => typeFiles({ entries: [HEADER, ...rows] });

describe('entries.csv typing (SPEC §2, §10)', () => {
  it('types every column, keeping ticket numbers and notes as written', () => {
    const { entries: records, issues } = entries('E1,2026-03-02, C1 ,Acme,00123,Dana,Senior,Remote,1.50,No_Charge,12.5,"  two spaces, kept "');
    expect(issues).toEqual([]);
    expect(records).toEqual<Entry[]>([{
      id: 'E1', date: '2026-03-02', contractId: 'C1', customer: 'Acme', ticket: '00123', member: 'Dana', workRole: 'Senior',
      workType: 'Remote', hours: 150, billable: 'no_charge', amount: 1250, notes: '  two spaces, kept ',
    }]);
  });

  it('defaults: no contract id is null, no hours is 0 (a part or expense), billable is billable', () => {
    const { entries: records } = typeFiles({ entries: ['id,date', 'E1,2026-03-02'] });
    expect(records).toMatchObject([{ contractId: null, hours: 0, billable: 'billable', amount: null, ticket: '', notes: '' }]);
  });

  it.each([['BILLABLE', 'billable'], ['do_not_bill', 'do_not_bill'], [' No_Charge ', 'no_charge']])('billable %j is %s', (value, expected) => {
    expect(entries(`E1,2026-03-02,C1,,,,,,1,${value},,`).entries[0]?.billable).toBe(expected);
  });

  it.each<[string, string, string, string]>([
    ['hours', '1,5', 'invalid-number', 'expected hours as a decimal like 1.5, got "1,5"'],
    ['hours', '-1', 'negative-number', 'expected a number that is not negative, got "-1"'],
    ['hours', '1.005', 'too-many-decimals', 'expected at most two decimals, got "1.005"'],
    ['hours', '1:30', 'invalid-number', 'expected hours as a decimal like 1.5, got "1:30"'],
    ['amount', '€12', 'invalid-number', 'expected an amount like 125.50, got "€12"'],
    ['billable', 'DoNotBill', 'unknown-value', 'expected one of billable, no_charge, do_not_bill, got "DoNotBill"'],
    ['date', '2026-13-01', 'invalid-date', 'expected a date as YYYY-MM-DD, got "2026-13-01"'],
    ['date', '', 'missing-value', 'expected a date as YYYY-MM-DD, got an empty cell'],
    ['id', '', 'missing-value', 'expected an entry id, got an empty cell'],
  ])('%s = %j is %s', (column, value, code, message) => {
    const cells = new Map([['id', 'E1'], ['date', '2026-03-02'], ['hours', '1'], [column, value]]);
    const records = typeFiles({ entries: [[...cells.keys()].join(','), [...cells.values()].map((cell) => `"${cell}"`).join(',')] });
    expect(records.entries).toEqual([]);
    expect(records.issues).toEqual([{ file: 'entries.csv', line: 2, column, code, message, severity: 'error' }]);
  });

  it('names the file, the line (header = line 1, blank lines counted) and the column', () => {
    const records = entries('E1,2026-03-02,C1,,,,,,1,,,', '', 'E2,2026-03-02,C1,,,,,,1,,,', 'E3,2026-03-02,C1,,,,,,1,,,', 'E4,2026-03-02,C1,,,,,,1,,,', 'E5,2026-03-02,C1,,,,,,"1,5",,,');
    expect(records.issues.map(describeIssue)).toEqual(['entries.csv, line 7, column "hours": expected hours as a decimal like 1.5, got "1,5"']);
    expect(records.entries).toHaveLength(4);
  });

  it('a duplicate id is an error on every later row', () => {
    expect(issueKeys(entries('E1,2026-03-02,,,,,,,1,,,', 'E2,2026-03-02,,,,,,,1,,,', 'E1 ,2026-03-03,,,,,,,1,,,', 'E1,2026-03-04,,,,,,,1,,,'))).toEqual([
      [4, 'id', 'duplicate-id'],
      [5, 'id', 'duplicate-id'],
    ]);
  });

  it('repeated values (shared between rows to save memory) stay right whatever the row order', () => {
    const records = entries('E1,2026-03-02,C1,Acme ,,Dana,Senior,Remote,1,,,', 'E2,2026-03-02,C1, Acme,,Dana,Senior,Remote,1,,,', 'E3,2026-03-03,C2,Globex,,Lee,,Onsite,1,,,', 'E4,2026-03-02,,Acme,,Dana,senior,Remote,1,,,');
    expect(records.entries.map((e) => [e.date, e.contractId, e.customer, e.member, e.workRole, e.workType])).toEqual([
      ['2026-03-02', 'C1', 'Acme', 'Dana', 'Senior', 'Remote'],
      ['2026-03-02', 'C1', 'Acme', 'Dana', 'Senior', 'Remote'],
      ['2026-03-03', 'C2', 'Globex', 'Lee', '', 'Onsite'],
      ['2026-03-02', null, 'Acme', 'Dana', 'senior', 'Remote'],
    ]);
  });

  it('entries for unknown contracts are the engine’s business (unmatched), not input errors', () => {
    expect(entries('E1,2026-03-02,C9,,,,,,1,,,').issues).toEqual([]);
  });

  it('requires the id and date columns', () => {
    expect(issueKeys(typeFiles({ entries: ['contract_id,hours', 'C1,1'] }))).toEqual([[1, 'id', 'missing-column'], [1, 'date', 'missing-column']]);
  });
});

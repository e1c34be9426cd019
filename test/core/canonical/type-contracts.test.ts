import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../renderer/src/core/import/import-issue';
import type { Contract } from '../../../renderer/src/core/model';
import { issueKeys, typeFiles } from './canonical-helpers';

/** Types one contract row with `column` set to `value` (beside the required columns). */
function typeWith(column: string, value: string, extra: Record<string, string> = {}) {
  const cells = new Map<string, string>([['id', 'C1'], ['customer', 'Acme'], ['start', '2026-01-01'], ...Object.entries(extra), [column, value]]);
  const quoted = [...cells.values()].map((cell) => `"${cell.replace(/"/g, '""')}"`);
  return typeFiles({ contracts: [[...cells.keys()].join(','), quoted.join(',')] });
}

describe('contracts.csv typing (SPEC §2 defaults)', () => {
  it('fills every default from the required columns alone', () => {
    const { contracts, issues } = typeFiles({ contracts: ['id,customer,start', 'C1,Acme,2026-01-01'] });
    expect(issues).toEqual([]);
    expect(contracts).toEqual<Contract[]>([{
      id: 'C1', customer: 'Acme', name: 'C1', unit: 'hours', start: '2026-01-01', end: null, allowance: null, period: 'once',
      anchor: 'calendar', prorate: false, carryover: false, carryoverDays: null, overage: 'bill', overrunLimitPct: null,
      overrunLimit: null, warningPct: null, lowBalance: null, rebillBelow: null, rebillQuantity: null, rate: null, roleRates: [],
      roleFactors: [], excludedWorkTypes: [], roundMinutes: null, minimumMinutes: null, coversExpenses: false, price: null,
      reportedBalance: null, reportedAsOf: null,
    }]);
  });

  it.each<[string, string, Partial<Contract>]>([
    ['name', 'Support block', { name: 'Support block' }],
    ['unit', 'amount', { unit: 'amount' }],
    ['unit', 'incidents', { unit: 'incidents' }],
    ['end', '2026-12-31', { end: '2026-12-31' }],
    ['end', '2026-01-01', { end: '2026-01-01' }],
    ['allowance', '1.500', { allowance: 150 }],
    ['allowance', '12', { allowance: 1200 }],
    ['allowance', '0.05', { allowance: 5 }],
    ['period', 'quarter', { period: 'quarter' }],
    ['anchor', 'contract', { anchor: 'contract' }],
    ['prorate', 'YES', { prorate: true }],
    ['prorate', 'True', { prorate: true }],
    ['carryover', 'no', { carryover: false }],
    ['carryover', 'FALSE', { carryover: false }],
    ['carryover_days', '30', { carryoverDays: 30 }],
    ['carryover_days', '0', { carryoverDays: 0 }],
    ['overage', 'bill_month_end', { overage: 'bill_month_end' }],
    ['overrun_limit_pct', '20', { overrunLimitPct: { units: 20, scale: 0 } }],
    ['overrun_limit', '2.5', { overrunLimit: 250 }],
    ['warning_pct', '80.50', { warningPct: { units: 805, scale: 1 } }],
    ['low_balance', '1', { lowBalance: 100 }],
    ['rate', '125.50', { rate: { units: 1255, scale: 1 } }],
    ['role_rates', ' Role A=150; Role B = 95.5;', { roleRates: [{ role: 'role a', value: { units: 150, scale: 0 } }, { role: 'role b', value: { units: 955, scale: 1 } }] }],
    ['role_factors', 'Senior=1.5', { roleFactors: [{ role: 'senior', value: { units: 15, scale: 1 } }] }],
    ['excluded_work_types', ' Travel ; Onsite;;travel', { excludedWorkTypes: ['travel', 'onsite'] }],
    ['round_minutes', '7.5', { roundMinutes: { units: 75, scale: 1 } }],
    ['minimum_minutes', '0', { minimumMinutes: { units: 0, scale: 0 } }],
    ['covers_expenses', 'Yes', { coversExpenses: true }],
    ['price', '500.00', { price: 50000 }],
    ['reported_balance', '-3.25', { reportedBalance: -325 }],
    ['reported_as_of', '2026-10-31', { reportedAsOf: '2026-10-31' }],
    ['id', '  C7  ', { id: 'C7', name: 'C7' }],
    ['customer', ' Initech, Inc. ', { customer: 'Initech, Inc.' }],
  ])('%s = %j', (column, value, expected) => {
    const { contracts, issues } = typeWith(column, value);
    expect(issues).toEqual([]);
    expect(contracts[0]).toMatchObject(expected);
  });

  it('takes rebill_below and rebill_quantity together', () => {
    const { contracts, issues } = typeWith('rebill_quantity', '2000', { rebill_below: '444' });
    expect(issues).toEqual([]);
    expect(contracts[0]).toMatchObject({ rebillBelow: 44400, rebillQuantity: 200000 });
  });
});

describe('contracts.csv input errors (SPEC §10)', () => {
  it.each<[string, string, string, string]>([
    ['start', '2026-13-01', 'invalid-date', 'expected a date as YYYY-MM-DD, got "2026-13-01"'],
    ['start', '2026-02-29', 'invalid-date', 'expected a date as YYYY-MM-DD, got "2026-02-29"'],
    ['start', '2026-1-05', 'invalid-date', 'expected a date as YYYY-MM-DD, got "2026-1-05"'],
    ['start', '01/02/2026', 'invalid-date', 'expected a date as YYYY-MM-DD, got "01/02/2026"'],
    ['start', '', 'missing-value', 'expected a date as YYYY-MM-DD, got an empty cell'],
    ['id', ' ', 'missing-value', 'expected a contract id, got an empty cell'],
    ['customer', '', 'missing-value', 'expected a customer name, got an empty cell'],
    ['unit', 'days', 'unknown-value', 'expected one of hours, amount, incidents, got "days"'],
    ['unit', 'Hours', 'unknown-value', 'expected one of hours, amount, incidents, got "Hours"'],
    ['period', 'week', 'unknown-value', 'expected one of month, quarter, year, once, got "week"'],
    ['anchor', 'fiscal', 'unknown-value', 'expected one of calendar, contract, got "fiscal"'],
    ['overage', 'bill_later', 'unknown-value', 'expected one of bill, carry, bill_next, bill_month_end, got "bill_later"'],
    ['prorate', 'maybe', 'invalid-boolean', 'expected yes or no, got "maybe"'],
    ['allowance', '1,5', 'invalid-number', 'expected a number of units like 10 or 7.5, got "1,5"'],
    ['allowance', '1.234', 'too-many-decimals', 'expected at most two decimals, got "1.234"'],
    ['allowance', '-5', 'negative-number', 'expected a number that is not negative, got "-5"'],
    ['low_balance', '-1', 'negative-number', 'expected a number that is not negative, got "-1"'],
    ['overrun_limit', '1e3', 'invalid-number', 'expected a number of units like 10 or 7.5, got "1e3"'],
    ['price', '$500', 'invalid-number', 'expected an amount like 500 or 500.00, got "$500"'],
    ['reported_balance', '1.001', 'too-many-decimals', 'expected at most two decimals, got "1.001"'],
    ['carryover_days', '1.5', 'invalid-days', 'expected a whole number of days like 30, got "1.5"'],
    ['carryover_days', '-1', 'invalid-days', 'expected a whole number of days like 30, got "-1"'],
    ['warning_pct', '80%', 'invalid-number', 'expected a percentage like 80, got "80%"'],
    ['overrun_limit_pct', '-20', 'negative-number', 'expected a number that is not negative, got "-20"'],
    ['rate', 'abc', 'invalid-number', 'expected a rate per hour like 125 or 95.50, got "abc"'],
    ['round_minutes', '0', 'not-positive', 'expected a number greater than 0, got "0"'],
    ['minimum_minutes', '-15', 'negative-number', 'expected a number that is not negative, got "-15"'],
    ['role_rates', 'Senior', 'invalid-role-values', 'expected role=value pairs separated by ";" like "Senior=150;Junior=95", got "Senior"'],
    ['role_rates', '=150', 'invalid-role-values', 'expected role=value pairs separated by ";" like "Senior=150;Junior=95", got "=150"'],
    ['role_rates', 'Senior=150;senior =95', 'duplicate-role', 'the role "senior" is listed twice in "Senior=150;senior =95"'],
    ['role_factors', 'Senior=x', 'invalid-number', 'expected a number after "Senior=", got "x"'],
    ['role_factors', 'Senior=-1.5', 'negative-number', 'expected a number that is not negative, got "-1.5"'],
    ['reported_as_of', '2026-10-32', 'invalid-date', 'expected a date as YYYY-MM-DD, got "2026-10-32"'],
  ])('%s = %j is %s', (column, value, code, message) => {
    const { contracts, issues } = typeWith(column, value);
    expect(contracts).toEqual([]);
    expect(issues).toEqual([{ file: 'contracts.csv', line: 2, column, code, message, severity: 'error' }]);
  });

  it('an end before the start', () => {
    const records = typeWith('end', '2026-02-01', { start: '2026-03-01' });
    expect(records.issues.map(describeIssue)).toEqual(['contracts.csv, line 2, column "end": expected an end on or after the start 2026-03-01, got "2026-02-01"']);
  });

  it.each([
    ['rebill_below', '444', 'rebill_quantity', 'expected a rebill_quantity because rebill_below is set, got an empty cell'],
    ['rebill_quantity', '2000', 'rebill_below', 'expected a rebill_below because rebill_quantity is set, got an empty cell'],
  ])('%s without the other', (column, value, missing, message) => {
    const records = typeWith(column, value);
    expect(records.issues).toMatchObject([{ line: 2, column: missing, code: 'rebill-incomplete', message }]);
  });

  it('reports every bad cell of a row (in column order) and every bad row, with the line of each', () => {
    const records = typeFiles({
      contracts: [
        'id,customer,start,unit,allowance',
        'C1,Acme,2026-13-01,days,1,5',
        'C2,Globex,2026-01-01,hours,10',
        '',
        'C3,,2026-01-01,hours,-2',
      ].map((line, index) => (index === 1 ? 'C1,Acme,2026-13-01,days,"1,5"' : line)),
    });
    expect(records.contracts.map((contract) => contract.id)).toEqual(['C2']);
    expect(issueKeys(records)).toEqual([
      [2, 'start', 'invalid-date'],
      [2, 'unit', 'unknown-value'],
      [2, 'allowance', 'invalid-number'],
      [5, 'customer', 'missing-value'],
      [5, 'allowance', 'negative-number'],
    ]);
  });

  it('a duplicate id (after trimming) is reported on the later row and only the first row is kept', () => {
    const records = typeFiles({ contracts: ['id,customer,start', 'C1,Acme,2026-01-01', ' C1 ,Globex,2026-02-01'] });
    expect(records.contracts.map((contract) => contract.customer)).toEqual(['Acme']);
    expect(records.issues.map(describeIssue)).toEqual(['contracts.csv, line 3, column "id": duplicate id "C1": expected each id once, it is already on line 2']);
  });
});

describe('contracts.csv header (SPEC §10)', () => {
  it('ignores unknown columns, including prototype-named ones, without making them object keys', () => {
    const records = typeFiles({ contracts: ['__proto__,id,constructor,customer,prototype,start,Notes', '{"polluted":1},C1,x,Acme,y,2026-01-01,hello'] });
    expect(records.issues).toEqual([]);
    expect(records.contracts).toHaveLength(1);
    expect(Object.keys(records.contracts[0] as object)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names each missing required column, hinting at a column that differs only in case', () => {
    const records = typeFiles({ contracts: ['ID,customer', 'C1,Acme'] });
    expect(records.contracts).toEqual([]);
    expect(records.issues.map(describeIssue)).toEqual([
      'contracts.csv, line 1, column "id": the required column "id" is missing (found "ID": column names are case-sensitive)',
      'contracts.csv, line 1, column "start": the required column "start" is missing',
    ]);
  });

  it('a known column given twice is an error, since either value could be meant', () => {
    const records = typeFiles({ contracts: ['id,customer,start,unit,unit', 'C1,Acme,2026-01-01,hours,amount'] });
    expect(records.contracts).toEqual([]);
    expect(issueKeys(records)).toEqual([[1, 'unit', 'duplicate-column']]);
  });
});

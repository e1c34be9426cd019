// SPEC §4 "An entry is matched to a contract by contract_id; if that is empty,
// to the customer's only contract active on the entry's date", the unmatched
// reasons, and §10 "unmatched entries have contractId null" and zero figures.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../renderer/src/core/model';
import { c, contract, entry } from '../builders';
import { run } from './harness';

const portfolio = [
  contract({ id: 'C1', customer: 'Acme Corp', allowance: 10, start: '2026-01-01', end: '2026-03-31' }),
  contract({ id: 'C2', customer: 'Acme Corp', allowance: 10, start: '2026-04-01' }),
  contract({ id: 'C3', customer: 'Globex', allowance: 10, start: '2026-01-01' }),
  contract({ id: 'C4', customer: 'Globex', allowance: 10, start: '2026-02-01' }),
];

const matchOf = (item: Entry) => {
  const result = run({ contracts: portfolio, entries: [item], asOf: '2026-12-31' }).entry(item.id);
  return [result.contractId, result.status, result.reason];
};

describe('SPEC §4 matching an entry to a contract', () => {
  it.each([
    ['by contract_id, whatever the customer says', entry('2026-02-01', 1, { id: 'E1', contractId: 'C3', customer: 'Acme Corp' }), ['C3', 'applied', null]],
    ['by contract_id after trimming', entry('2026-02-01', 1, { id: 'E1', contractId: ' C3 ' }), ['C3', 'applied', null]],
    ['a contract_id is matched exactly, not case-insensitively', entry('2026-02-01', 1, { id: 'E1', contractId: 'c3' }), [null, 'unmatched', 'unknown contract id']],
    ['an unknown contract id', entry('2026-02-01', 1, { id: 'E1', contractId: 'C9' }), [null, 'unmatched', 'unknown contract id']],
    ['without contract_id, the customer’s only contract active that day', entry('2026-02-01', 1, { id: 'E1', contractId: null, customer: 'Acme Corp' }), ['C1', 'applied', null]],
    ['a blank contract_id counts as none', entry('2026-02-01', 1, { id: 'E1', contractId: '   ', customer: 'Acme Corp' }), ['C1', 'applied', null]],
    ['an empty contract_id counts as none', entry('2026-02-01', 1, { id: 'E1', contractId: '', customer: 'Acme Corp' }), ['C1', 'applied', null]],
    ['a contract that has ended is no candidate: the successor takes it', entry('2026-04-01', 1, { id: 'E1', contractId: null, customer: 'Acme Corp' }), ['C2', 'applied', null]],
    ['a contract on its last day is still a candidate', entry('2026-03-31', 1, { id: 'E1', contractId: null, customer: 'Acme Corp' }), ['C1', 'applied', null]],
    ['customers match case-insensitively, trimmed', entry('2026-02-01', 1, { id: 'E1', contractId: null, customer: '  ACME corp ' }), ['C1', 'applied', null]],
    ['a customer with no contract active that day', entry('2025-12-31', 1, { id: 'E1', contractId: null, customer: 'Acme Corp' }), [null, 'unmatched', 'no contract']],
    ['an unknown customer', entry('2026-02-01', 1, { id: 'E1', contractId: null, customer: 'Initech' }), [null, 'unmatched', 'no contract']],
    ['a customer with two contracts active that day', entry('2026-02-01', 1, { id: 'E1', contractId: null, customer: 'Globex' }), [null, 'unmatched', 'more than one candidate contract']],
    ['the same customer before its second contract starts has one candidate', entry('2026-01-31', 1, { id: 'E1', contractId: null, customer: 'Globex' }), ['C3', 'applied', null]],
  ] as const)('%s', (_rule, item, expected) => {
    expect(matchOf(item)).toEqual(expected);
  });

  it('an entry matched by id but dated outside that contract is not_covered, not re-matched by customer', () => {
    expect(matchOf(entry('2026-04-02', 1, { id: 'E1', contractId: 'C1', customer: 'Acme Corp' }))).toEqual(['C1', 'not_covered', 'date outside the contract']);
  });

  it('an unmatched entry has zero units, applied, overage and held, and touches no balance (SPEC §10)', () => {
    const at = run({ contracts: portfolio, entries: [entry('2026-02-01', 3, { id: 'E1', contractId: 'C9' })], asOf: '2026-02-28' });
    expect(at.entry('E1')).toEqual({ id: 'E1', contractId: null, units: 0, applied: 0, overage: 0, held: 0, status: 'unmatched', reason: 'unknown contract id' });
    expect(at.result.contracts.map((result) => result.balance)).toEqual([c(10), 0, c(10), c(10)]);
  });
});

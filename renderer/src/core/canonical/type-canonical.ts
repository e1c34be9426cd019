// The three canonical tables (SPEC §2) to the engine's records, every bad row
// reported (§10 "Input"). Additions are checked against the typed contracts.
import type { ImportIssue } from '../import/import-issue';
import type { Table } from '../import/table';
import type { Addition, Contract, Entry } from '../model';
import { additionTyper } from './type-additions';
import { contractTyper } from './type-contracts';
import { entryTyper } from './type-entries';
import { typeTable } from './typed-rows';

export interface CanonicalTables {
  readonly contracts: Table;
  readonly additions: Table | null;
  readonly entries: Table;
}

export interface CanonicalRecords {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
  /** Every problem found, file by file; the records exclude the rejected rows. */
  readonly issues: readonly ImportIssue[];
}

/** Types canonical contracts, additions and entries tables into engine records plus issues. */
export function typeCanonical(tables: CanonicalTables): CanonicalRecords {
  const contractTable = tables.contracts;
  const contracts = typeTable(contractTable, contractTyper(contractTable.fileName));
  const additions = tables.additions === null
    ? { records: [], issues: [] }
    : typeTable(tables.additions, additionTyper(tables.additions.fileName, contracts, contractTable.fileName));
  const entries = typeTable(tables.entries, entryTyper(tables.entries.fileName));
  return {
    contracts: contracts.records,
    additions: additions.records,
    entries: entries.records,
    issues: [...contracts.issues, ...additions.issues, ...entries.issues],
  };
}

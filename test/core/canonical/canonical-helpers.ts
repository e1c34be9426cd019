// Builds canonical tables from CSV text and types them, for the typer tests.
import type { Table } from '../../../renderer/src/core/import/table';
import { describeIssue } from '../../../renderer/src/core/import/import-issue';
import type { CanonicalRecords } from '../../../renderer/src/core/canonical/type-canonical';
import { additionTyper } from '../../../renderer/src/core/canonical/type-additions';
import { contractTyper } from '../../../renderer/src/core/canonical/type-contracts';
import { entryTyper } from '../../../renderer/src/core/canonical/type-entries';
import { typeTable } from '../../../renderer/src/core/canonical/typed-rows';
import { readCsvTable } from '../../../renderer/src/io/csv/read-csv';

export function csvTable(fileName: string, lines: readonly string[]): Table {
  const result = readCsvTable(new TextEncoder().encode(lines.join('\n') + '\n'), fileName);
  if (result.issues.length > 0) throw new Error(`fixture is not well-formed CSV: ${result.issues.map(describeIssue).join('; ')}`);
  return result.table;
}

/** Types whole canonical tables as the typers see them (additions checked against the typed contracts). */
export function typeCanonical(tables: { contracts: Table; additions: Table | null; entries: Table }): CanonicalRecords {
  const contracts = typeTable(tables.contracts, contractTyper(tables.contracts.fileName));
  const additions = tables.additions === null ? null : typeTable(tables.additions, additionTyper(tables.additions.fileName, contracts, tables.contracts.fileName));
  const entries = typeTable(tables.entries, entryTyper(tables.entries.fileName));
  return {
    contracts: contracts.records,
    additions: additions?.records ?? [],
    entries: entries.records,
    issues: [...contracts.issues, ...(additions?.issues ?? []), ...entries.issues],
  };
}

export const CONTRACTS_HEADER = 'id,customer,start,end';
export const ENTRIES_HEADER = 'id,date,contract_id,hours';

/** Types the given files; contracts default to one open-ended contract C1 from 2026-01-01 to 2026-12-31. */
export function typeFiles(files: { contracts?: readonly string[]; additions?: readonly string[]; entries?: readonly string[] }): CanonicalRecords {
  return typeCanonical({
    contracts: csvTable('contracts.csv', files.contracts ?? [CONTRACTS_HEADER, 'C1,Acme,2026-01-01,2026-12-31']),
    additions: files.additions === undefined ? null : csvTable('additions.csv', files.additions),
    entries: csvTable('entries.csv', files.entries ?? [ENTRIES_HEADER]),
  });
}

/** Issues as `[line, column, code]` triples, the shape most tests compare. */
export function issueKeys(records: CanonicalRecords): (string | number | null)[][] {
  return records.issues.map((issue) => [issue.line, issue.column, issue.code]);
}

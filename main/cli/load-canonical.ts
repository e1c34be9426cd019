// Reads the canonical CSV files of a reconcile run and types them (SPEC §2,
// §10). Rows stream from the CSV reader straight into the typers, so a
// million entries never exist as a table of cells.
import type { ImportIssue } from '../../renderer/src/core/import/import-issue';
import type { CanonicalRecords } from '../../renderer/src/core/canonical/type-canonical';
import { additionTyper } from '../../renderer/src/core/canonical/type-additions';
import { contractTyper } from '../../renderer/src/core/canonical/type-contracts';
import { entryTyper } from '../../renderer/src/core/canonical/type-entries';
import type { RowTyper, TypedRows } from '../../renderer/src/core/canonical/typed-rows';
import { readCsvBytes } from '../../renderer/src/io/csv/read-csv';
import { describeFileError } from '../atomic-files';
import type { CliIo } from './cli-io';

export interface CanonicalPaths {
  readonly contracts: string;
  readonly additions: string | null;
  readonly entries: string;
}

export interface LoadedCanonical extends CanonicalRecords {
  /** Things worth saying that are not errors (a file read as Windows-1252). */
  readonly notes: readonly string[];
}

async function loadFile<T>(io: CliIo, path: string, typer: RowTyper<T>, notes: string[]): Promise<{ rows: TypedRows<T>; readIssues: ImportIssue[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    const issue: ImportIssue = { file: path, line: null, column: null, code: 'unreadable-file', message: describeFileError(error, 'the file', 'read'), severity: 'error' };
    return { rows: typer.finish(), readIssues: [issue] };
  }
  const summary = readCsvBytes(bytes, path, typer);
  if (summary.encoding === 'windows-1252') notes.push(`${path} is not UTF-8; it was read as Windows-1252 (check accented names and € signs)`);
  return { rows: typer.finish(), readIssues: [...summary.issues] };
}

/** Reads and types the contracts, additions and entries files; every problem is collected, none thrown. */
export async function loadCanonical(io: CliIo, paths: CanonicalPaths): Promise<LoadedCanonical> {
  const notes: string[] = [];
  const contracts = await loadFile(io, paths.contracts, contractTyper(paths.contracts), notes);
  const additions = paths.additions === null ? null : await loadFile(io, paths.additions, additionTyper(paths.additions, contracts.rows, paths.contracts), notes);
  const entries = await loadFile(io, paths.entries, entryTyper(paths.entries), notes);
  const issues: ImportIssue[] = [];
  for (const loaded of [contracts, additions, entries]) {
    if (loaded === null) continue;
    // Reader issues (ragged rows) and typer issues, in line order per file.
    const fileIssues = [...loaded.readIssues, ...loaded.rows.issues];
    fileIssues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    issues.push(...fileIssues);
  }
  return {
    contracts: contracts.rows.records,
    additions: additions?.rows.records ?? [],
    entries: entries.rows.records,
    issues,
    notes,
  };
}

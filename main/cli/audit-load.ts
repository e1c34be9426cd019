// Reads the files of an audit run through the one import entry point
// (loadSourceFiles): ConnectWise files with the ConnectWise profile,
// e-automate files with the e-automate profile, time entries recognised by
// their columns; then the audit's extra ConnectWise settings and the pairs
// file. Every problem is collected, none thrown.
import type { ImportIssue } from '../../renderer/src/core/import/import-issue';
import type { Table } from '../../renderer/src/core/import/table';
import type { UnitProduct } from '../../renderer/src/core/import/profiles/profile-types';
import { CONNECTWISE_PROFILE } from '../../renderer/src/core/import/profiles/connectwise';
import { readSourceExtras } from '../../renderer/src/core/audit/source-features';
import { assembleAuditInput, type LoadedAudit } from '../../renderer/src/core/audit/load-audit-input';
import { loadSourceFiles, readSourceFile, type SourceFile } from '../../renderer/src/io/load-source-files';
import { describeFileError } from '../atomic-files';
import type { CliIo } from './cli-io';

export interface AuditPaths {
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly entries: readonly string[];
  readonly pairs: string | null;
}

export interface AuditFileOptions {
  readonly asOf: string;
  /** ConnectWise addition products that add units (psa-exports.md §1.4). */
  readonly unitProducts: readonly UnitProduct[];
}

async function readAll(io: Pick<CliIo, 'readFile'>, paths: readonly string[], issues: ImportIssue[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const path of paths) {
    try {
      files.push({ name: path, bytes: await io.readFile(path) });
    } catch (error) {
      issues.push({ file: path, line: null, column: null, code: 'unreadable-file', message: describeFileError(error, 'the file', 'read'), severity: 'error' });
    }
  }
  return files;
}

async function tablesOf(files: readonly SourceFile[], issues: ImportIssue[] | null): Promise<Table[]> {
  const tables: Table[] = [];
  for (const file of files) {
    const read = await readSourceFile(file);
    tables.push(...read.tables);
    issues?.push(...read.issues);
  }
  return tables;
}

/** Loads both sides, the history and the pairs file into the audit's input plus every issue found. */
export async function loadAuditFiles(io: Pick<CliIo, 'readFile'>, paths: AuditPaths, options: AuditFileOptions): Promise<LoadedAudit> {
  const readIssues: ImportIssue[] = [];
  const profile = { ...CONNECTWISE_PROFILE, unitProducts: options.unitProducts };
  const sourceFiles = await readAll(io, paths.source, readIssues);
  const targetFiles = await readAll(io, paths.target, readIssues);
  const entryFiles = await readAll(io, paths.entries, readIssues);
  const pairFiles = await readAll(io, paths.pairs === null ? [] : [paths.pairs], readIssues);
  const source = await loadSourceFiles(sourceFiles, { profile: 'connectwise', profiles: [profile], asOf: options.asOf });
  const target = await loadSourceFiles(targetFiles, { profile: 'eautomate', asOf: options.asOf });
  const history = await loadSourceFiles(entryFiles, { profiles: [profile], asOf: options.asOf });
  // The source files are agreements, additions and recaps: small enough to read a second time for the audit's extra fields.
  const extras = readSourceExtras(await tablesOf(sourceFiles, null), source.detections, profile);
  const pairTables = await tablesOf(pairFiles, readIssues);
  const assembled = assembleAuditInput({ source, features: extras.features, target, history, pairs: paths.pairs === null ? null : (pairTables[0] ?? { fileName: paths.pairs, header: [], rows: [] }), asOf: options.asOf });
  return { input: assembled.input, issues: [...readIssues, ...extras.issues, ...assembled.issues] };
}

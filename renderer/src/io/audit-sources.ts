// The files of a migration audit, already in memory (the CLI read them, or the
// clerk picked them in the Audit screen), to the audit's input: ConnectWise
// files through the ConnectWise profile, e-automate files through the
// e-automate profile, time entries recognised by their columns (all through
// the one import entry point, loadSourceFiles), then the audit's extra
// ConnectWise settings and the pairs file. Every problem is collected, none thrown.
import type { ImportIssue } from '../core/import/import-issue';
import type { Table } from '../core/import/table';
import type { UnitProduct } from '../core/import/profiles/profile-types';
import { CONNECTWISE_PROFILE } from '../core/import/profiles/connectwise';
import { readSourceExtras } from '../core/audit/source-features';
import { assembleAuditInput, type LoadedAudit } from '../core/audit/load-audit-input';
import { loadSourceFiles, readSourceFile, type LoadSourceOptions, type SourceFile } from './load-source-files';

export interface AuditSourceFiles {
  readonly source: readonly SourceFile[];
  readonly target: readonly SourceFile[];
  readonly entries: readonly SourceFile[];
  readonly pairs: SourceFile | null;
}

export interface AuditSourceOptions {
  readonly asOf: string;
  /** ConnectWise addition products that add units (psa-exports.md §1.4). */
  readonly unitProducts: readonly UnitProduct[];
  /** How XLSX files are read (the browser worker has no streams). */
  readonly xlsx?: LoadSourceOptions['xlsx'];
}

async function tablesOf(files: readonly SourceFile[], options: LoadSourceOptions, issues: ImportIssue[] | null): Promise<Table[]> {
  const tables: Table[] = [];
  for (const file of files) {
    const read = await readSourceFile(file, options);
    tables.push(...read.tables);
    issues?.push(...read.issues);
  }
  return tables;
}

/** Loads both sides, the history and the pairs file into the audit's input plus every issue found. */
export async function loadAuditSources(files: AuditSourceFiles, options: AuditSourceOptions): Promise<LoadedAudit> {
  const profile = { ...CONNECTWISE_PROFILE, unitProducts: options.unitProducts };
  const read: LoadSourceOptions = options.xlsx === undefined ? {} : { xlsx: options.xlsx };
  const source = await loadSourceFiles(files.source, { ...read, profile: 'connectwise', profiles: [profile], asOf: options.asOf });
  const target = await loadSourceFiles(files.target, { ...read, profile: 'eautomate', asOf: options.asOf });
  const history = await loadSourceFiles(files.entries, { ...read, profiles: [profile], asOf: options.asOf });
  // The source files are agreements, additions and recaps: small enough to read a second time for the audit's extra fields.
  const extras = readSourceExtras(await tablesOf(files.source, read, null), source.detections, profile);
  const pairIssues: ImportIssue[] = [];
  const pairs = files.pairs === null ? null : ((await tablesOf([files.pairs], read, pairIssues))[0] ?? { fileName: files.pairs.name, header: [], rows: [] });
  const assembled = assembleAuditInput({ source, features: extras.features, target, history, pairs, asOf: options.asOf });
  return { input: assembled.input, issues: [...pairIssues, ...extras.issues, ...assembled.issues] };
}

// Reads the files of an audit run from disk (every unreadable file is an
// issue, none thrown), then hands the bytes to the shared audit loader the
// Audit screen's worker uses too.
import type { ImportIssue } from '../../renderer/src/core/import/import-issue';
import type { LoadedAudit } from '../../renderer/src/core/audit/load-audit-input';
import type { SourceFile } from '../../renderer/src/io/load-source-files';
import { loadAuditSources, type AuditSourceOptions } from '../../renderer/src/io/audit-sources';
import { describeFileError } from '../atomic-files';
import type { CliIo } from './cli-io';

export interface AuditPaths {
  readonly source: readonly string[];
  readonly target: readonly string[];
  readonly entries: readonly string[];
  readonly pairs: string | null;
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

/** Loads both sides, the history and the pairs file into the audit's input plus every issue found. */
export async function loadAuditFiles(io: Pick<CliIo, 'readFile'>, paths: AuditPaths, options: AuditSourceOptions): Promise<LoadedAudit> {
  const readIssues: ImportIssue[] = [];
  const source = await readAll(io, paths.source, readIssues);
  const target = await readAll(io, paths.target, readIssues);
  const entries = await readAll(io, paths.entries, readIssues);
  const pairs = paths.pairs === null ? [] : await readAll(io, [paths.pairs], readIssues);
  const loaded = await loadAuditSources({ source, target, entries, pairs: pairs[0] ?? null }, options);
  return { input: loaded.input, issues: [...readIssues, ...loaded.issues] };
}

// Reads the files of a reconcile run. One canonical CSV per kind streams
// straight into the typers (loadCanonical), so a million entries never become
// a table of cells; anything else (several files per kind, a PSA's CSV, XLSX
// or JSON, a saved profile, format overrides) goes through the one import
// entry point, loadSourceFiles, which recognises each file by its columns.
// Both paths type rows with the same canonical typers (SPEC §10).
import { describeIssue, type ImportIssue } from '../../renderer/src/core/import/import-issue';
import type { SourceProfile } from '../../renderer/src/core/import/profiles/profile-types';
import { BUILTIN_PROFILES } from '../../renderer/src/core/import/profiles/registry';
import { detectProfile } from '../../renderer/src/core/import/detect-profile';
import { validateProfile } from '../../renderer/src/core/import/profiles/validate-profile';
import { readCsvTable } from '../../renderer/src/io/csv/read-csv';
import { loadSourceFiles, type LoadedSources, type SourceFile } from '../../renderer/src/io/load-source-files';
import { describeFileError } from '../atomic-files';
import type { CliIo } from './cli-io';
import { loadCanonical } from './load-canonical';
import type { ReconcileOptions } from './reconcile-args';

export interface LoadedInputs extends Pick<LoadedSources, 'contracts' | 'additions' | 'entries'> {
  /** Problems that stop the run (exit 2). */
  readonly errors: readonly ImportIssue[];
  /** Things worth saying that do not stop it: an encoding guess, an approximation a profile made. */
  readonly notes: readonly string[];
}

type FileOptions = Pick<ReconcileOptions, 'contracts' | 'entries' | 'additions' | 'profile' | 'dateFormat' | 'decimal' | 'asOf'>;

// A header fits in this much of a file; a longer first line is simply not taken as canonical.
const HEADER_PEEK_BYTES = 64 * 1024;

function fileIssue(file: string, code: string, message: string): ImportIssue {
  return { file, line: null, column: null, code, message, severity: 'error' };
}

/** Whether a file's header row is the canonical CSV of the expected kind. */
function isCanonicalCsv(file: SourceFile, kind: 'contracts' | 'additions' | 'entries'): boolean {
  if (!/\.csv$/i.test(file.name)) return false;
  const head = file.bytes.subarray(0, HEADER_PEEK_BYTES);
  const lineEnd = head.indexOf(0x0a);
  if (lineEnd < 0) return false;
  const header = readCsvTable(head.subarray(0, lineEnd + 1), file.name).table.header;
  const detection = detectProfile({ fileName: file.name, header, rows: [] }, BUILTIN_PROFILES);
  return detection.profileId === 'canonical' && detection.record === kind;
}

async function readSavedProfile(io: CliIo, path: string): Promise<SourceProfile | ImportIssue[]> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(path)));
  } catch (error) {
    const why = error instanceof SyntaxError || error instanceof TypeError ? 'it is not a JSON file' : describeFileError(error, 'the file', 'read');
    return [fileIssue(path, 'unreadable-profile', `the saved profile could not be read: ${why}`)];
  }
  const check = validateProfile(value);
  return check.ok ? check.profile : check.problems.map((problem) => fileIssue(path, 'invalid-profile', `the saved profile is not valid: ${problem}`));
}

/** Reads every file of the run into engine records; every problem is collected, none thrown. */
export async function loadInputs(io: CliIo, options: FileOptions): Promise<LoadedInputs> {
  const errors: ImportIssue[] = [];
  const cache = new Map<string, Uint8Array>();
  const files: SourceFile[] = [];
  for (const path of [...options.contracts, ...options.additions, ...options.entries]) {
    if (cache.has(path)) continue;
    try {
      const bytes = await io.readFile(path);
      cache.set(path, bytes);
      files.push({ name: path, bytes });
    } catch (error) {
      errors.push(fileIssue(path, 'unreadable-file', describeFileError(error, 'the file', 'read')));
    }
  }
  if (errors.length > 0) return { contracts: [], additions: [], entries: [], errors, notes: [] };

  const byPath = (path: string): SourceFile => ({ name: path, bytes: cache.get(path)! });
  const single = options.contracts.length === 1 && options.entries.length === 1 && options.additions.length <= 1;
  const streamable = single && (options.profile === 'auto' || options.profile === 'canonical') && options.dateFormat === null && options.decimal === null
    && isCanonicalCsv(byPath(options.contracts[0]!), 'contracts') && isCanonicalCsv(byPath(options.entries[0]!), 'entries')
    && options.additions.every((path) => isCanonicalCsv(byPath(path), 'additions'));
  if (streamable) {
    const cached: CliIo = { ...io, readFile: async (path) => cache.get(path) ?? io.readFile(path) };
    const loaded = await loadCanonical(cached, { contracts: options.contracts[0]!, entries: options.entries[0]!, additions: options.additions[0] ?? null });
    return { contracts: loaded.contracts, additions: loaded.additions, entries: loaded.entries, errors: loaded.issues, notes: loaded.notes };
  }

  let profile = options.profile;
  const profiles: SourceProfile[] = [];
  if (/\.json$/i.test(profile)) {
    const saved = await readSavedProfile(io, profile);
    if (Array.isArray(saved)) return { contracts: [], additions: [], entries: [], errors: saved, notes: [] };
    profiles.push(saved);
    profile = saved.id;
  }
  const loaded = await loadSourceFiles(files, {
    profile,
    profiles,
    asOf: options.asOf,
    ...(options.dateFormat === null ? {} : { dateFormat: options.dateFormat }),
    ...(options.decimal === null ? {} : { decimal: options.decimal }),
  });
  const notes = loaded.issues.filter((issue) => issue.severity === 'warning').map(describeIssue);
  notes.push(...loaded.detections.filter((detection) => detection.profileId !== null).map((detection) => `${detection.file}: ${detection.reason}`));
  return {
    contracts: loaded.contracts,
    additions: loaded.additions,
    entries: loaded.entries,
    errors: loaded.issues.filter((issue) => issue.severity === 'error'),
    notes,
  };
}

// From the files a clerk dropped to a draft the store can preview: the shared
// loader (io/load-source-files.ts) recognises, maps and types them with the
// clerk's profile choices and column edits; this adds the preview (every issue
// next to the source row it belongs to) and the store's draft.
import type { ImportIssue } from '../core/import/import-issue';
import type { Table } from '../core/import/table';
import type { SourceProfile } from '../core/import/profiles/profile-types';
import { describeIssue } from '../core/import/import-issue';
import { BUILTIN_PROFILES, specsOf } from '../core/import/profiles/registry';
import { resolveColumns } from '../core/import/record-reader';
import { loadSourceFiles, readSourceFile } from '../io/load-source-files';
import type { ImportDraft } from '../db';
import type { FieldMapping, FilePreview, ImportChoices, NamedFile } from './engine-protocol';

/** Rows shown per file in the preview grid; issues beyond them are still listed. */
export const PREVIEW_ROWS = 2000;

/** The clerk's column edits as a profile derived from `base` (same id, so it replaces the built-in for this run). */
export function profileWithColumns(base: SourceProfile, record: string, columns: readonly { field: string; column: string }[]): SourceProfile {
  if (columns.length === 0) return base;
  const chosen = new Map(columns.map((edit) => [edit.field, edit.column]));
  const records = base.records.map((mapping) =>
    mapping.record !== record ? mapping : { record, columns: mapping.columns.map((column) => (chosen.has(column.field) ? { field: column.field, columns: [chosen.get(column.field) as string] } : column)) });
  return { ...base, records };
}

export interface PipelineResult {
  readonly previews: FilePreview[];
  readonly issues: ImportIssue[];
  readonly draft: ImportDraft | null;
}

/** Runs detection, mapping and typing over the files; `draft` is null when nothing usable was found. */
export async function runImportPipeline(files: readonly NamedFile[], choices: ImportChoices, saved: readonly SourceProfile[]): Promise<PipelineResult> {
  const known = new Map<string, SourceProfile>();
  for (const profile of [...BUILTIN_PROFILES, ...saved]) known.set(profile.id, profile);
  // The source tables themselves, for the preview grid (loadSourceFiles returns only canonical ones).
  const tables: Table[] = [];
  for (const file of files) tables.push(...(await readSourceFile(file, { xlsx: 'memory' })).tables);
  const options = { xlsx: 'memory' as const, profiles: [...known.values()], choices: pinned(choices, tables, known) };
  let loaded = await loadSourceFiles(files, options);
  // Column edits apply to the record kind detection found in each file.
  const edited: SourceProfile[] = [];
  for (const choice of choices.files) {
    const detection = loaded.detections.find((candidate) => candidate.file === choice.file);
    const profile = detection?.profileId ? known.get(detection.profileId) : undefined;
    if (profile && detection?.record && choice.columns.length > 0) edited.push(profileWithColumns(profile, detection.record, choice.columns));
  }
  if (edited.length > 0) loaded = await loadSourceFiles(files, { ...options, profiles: [...known.values(), ...edited] });
  const profiles = new Map(known);
  for (const profile of edited) profiles.set(profile.id, profile);

  const issues = [...loaded.issues];
  const previews = tables.map((table) => filePreview(table, issues, loaded.detections.find((detection) => detection.file === table.fileName) ?? null, profiles));
  const systems = new Set(loaded.detections.flatMap((detection) => (detection.profileId ? [profiles.get(detection.profileId)?.system ?? detection.profileId] : [])));
  const nothing = loaded.contracts.length + loaded.additions.length + loaded.entries.length === 0;
  const rejectedRows = new Set(issues.filter((issue) => issue.severity === 'error' && issue.line !== null).map((issue) => `${issue.file}\u0000${issue.line}`)).size;
  const draft: ImportDraft | null = nothing
    ? null
    : {
        source: systems.size === 1 ? ([...systems][0] as string) : 'mixed',
        files: files.map((file) => ({ name: file.name, bytes: file.bytes })),
        contracts: loaded.contracts,
        additions: loaded.additions.map((addition) => ({ addition, sourceId: null })),
        entries: loaded.entries,
        rejectedRows,
      };
  return { previews, issues, draft };
}

function pinned(choices: ImportChoices, tables: readonly Table[], known: ReadonlyMap<string, SourceProfile>) {
  // A file the clerk pinned to a profile keeps the record kind detection finds within it.
  return choices.files.flatMap((choice) => {
    const profile = choice.profileId ? known.get(choice.profileId) : undefined;
    const table = tables.find((candidate) => candidate.fileName === choice.file);
    if (!profile || !table) return [];
    const best = specsOf(profile.system)
      .map((spec) => ({ spec, found: resolveColumns(table.header, spec, profile).size }))
      .sort((a, b) => b.found - a.found)[0];
    return best ? [{ file: choice.file, profileId: profile.id, record: best.spec.record }] : [];
  });
}

function filePreview(table: Table, issues: readonly ImportIssue[], detection: FilePreview['detection'], profiles: ReadonlyMap<string, SourceProfile>): FilePreview {
  const byLine = new Map<number, string[]>();
  const fileIssues: string[] = [];
  for (const issue of issues) {
    if (issue.file !== table.fileName) continue;
    const text = issue.column === null ? issue.message : `${issue.column}: ${issue.message}`;
    if (issue.line === null) fileIssues.push(describeIssue(issue));
    else byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), text]);
  }
  // Rows with issues first within the preview window, so none hides past its end.
  const rows = table.rows.map((row) => ({ line: row.line, cells: row.cells, issues: byLine.get(row.line) ?? [] }));
  const withIssues = rows.filter((row) => row.issues.length > 0);
  const shown = rows.length <= PREVIEW_ROWS ? rows : [...withIssues.slice(0, PREVIEW_ROWS), ...rows.filter((row) => row.issues.length === 0)].slice(0, PREVIEW_ROWS).sort((a, b) => a.line - b.line);
  return { file: table.fileName, header: table.header, rows: shown, detection, mapping: mappingOf(table, detection, profiles), fileIssues };
}

function mappingOf(table: Table, detection: FilePreview['detection'], profiles: ReadonlyMap<string, SourceProfile>): FieldMapping[] {
  const profile = detection?.profileId ? profiles.get(detection.profileId) : undefined;
  const spec = profile && specsOf(profile.system).find((candidate) => candidate.record === detection?.record);
  if (!profile || !spec) return [];
  const found = resolveColumns(table.header, spec, profile);
  return spec.fields.map((field) => ({ field: field.field, required: field.required === true, column: found.get(field.field)?.map((column) => column.name).join(' + ') || null }));
}

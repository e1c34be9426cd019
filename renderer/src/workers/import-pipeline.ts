// From the files a clerk dropped to a draft the store can preview: the shared
// loader (io/load-source-files.ts) recognises, maps and types them with the
// clerk's profile choices and column edits; this adds the preview (every issue
// next to the source row it belongs to) and the store's draft.
import type { ImportIssue } from '../core/import/import-issue';
import type { Table } from '../core/import/table';
import type { SourceProfile } from '../core/import/profiles/profile-types';
import { BUILTIN_PROFILES, specsOf } from '../core/import/profiles/registry';
import { resolveColumns } from '../core/import/record-reader';
import { validateProfile } from '../core/import/profiles/validate-profile';
import { loadSourceFiles, readSourceFile } from '../io/load-source-files';
import type { ImportDraft } from '../db';
import type { FieldMapping, FilePreview, ImportChoices, NamedFile, ProfileSettings } from './engine-protocol';

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

/** `base` with the clerk's date format and unit products, where given. */
export function profileWithSettings(base: SourceProfile, settings: ProfileSettings | undefined): SourceProfile {
  if (!settings) return base;
  return { ...base, dateFormat: settings.dateFormat ?? base.dateFormat, unitProducts: settings.unitProducts ?? base.unitProducts };
}

/** The profiles of this run: built-in and saved, with the clerk's settings, then each file's column edits (several files of one profile add up). */
function profilesForRun(saved: readonly SourceProfile[], choices: ImportChoices, recordOf: (file: string, profileId: string) => string | null): Map<string, SourceProfile> {
  const profiles = new Map<string, SourceProfile>();
  for (const profile of [...BUILTIN_PROFILES, ...saved]) profiles.set(profile.id, profileWithSettings(profile, choices.settings?.find((settings) => settings.profileId === profile.id)));
  for (const choice of choices.files) {
    if (choice.columns.length === 0) continue;
    const profileId = choice.profileId;
    const profile = profileId ? profiles.get(profileId) : undefined;
    const record = profile ? recordOf(choice.file, profile.id) : null;
    if (profile && record) profiles.set(profile.id, profileWithColumns(profile, record, choice.columns));
  }
  return profiles;
}

export interface PipelineResult {
  readonly previews: FilePreview[];
  readonly issues: ImportIssue[];
  readonly draft: ImportDraft | null;
  /** The settings in force for each profile the files were read with. */
  readonly settings: ProfileSettings[];
}

/** Runs detection, mapping and typing over the files; `draft` is null when nothing usable was found. `checkpoint` throws when the clerk cancelled. */
export async function runImportPipeline(files: readonly NamedFile[], choices: ImportChoices, saved: readonly SourceProfile[], checkpoint: () => void = () => undefined): Promise<PipelineResult> {
  // The source tables themselves, for the preview grid (loadSourceFiles returns only canonical ones).
  const tables: Table[] = [];
  for (const file of files) {
    tables.push(...(await readSourceFile(file, { xlsx: 'memory' })).tables);
    // A cancelled import stops between files rather than after reading and typing all of them.
    checkpoint();
  }
  // Settings first (they do not change which record kind a file is), then column edits on the kind each pinned file holds.
  const settled = profilesForRun(saved, { ...choices, files: [] }, () => null);
  const pins = pinned(choices, tables, settled);
  const profiles = profilesForRun(saved, choices, (file, profileId) => pins.find((pin) => pin.file === file && pin.profileId === profileId)?.record ?? null);
  const problems = settingProblems(choices, profiles);
  const loaded = await loadSourceFiles(files, { xlsx: 'memory', profiles: [...profiles.values()], choices: pins });

  const issues = [...problems, ...loaded.issues];
  const previews = tables.map((table) => filePreview(table, issues, loaded.detections.find((detection) => detection.file === table.fileName) ?? null, profiles));
  const systems = new Set(loaded.detections.flatMap((detection) => (detection.profileId ? [profiles.get(detection.profileId)?.system ?? detection.profileId] : [])));
  const nothing = loaded.contracts.length + loaded.additions.length + loaded.entries.length === 0;
  const rejectedRows = new Set(issues.filter((issue) => issue.severity === 'error' && issue.line !== null).map((issue) => `${issue.file}\u0000${issue.line}`)).size;
  const draft: ImportDraft | null = nothing || problems.length > 0
    ? null
    : {
        source: systems.size === 1 ? ([...systems][0] as string) : 'mixed',
        files: files.map((file) => ({ name: file.name, bytes: file.bytes })),
        contracts: loaded.contracts,
        additions: loaded.additions.map((addition) => ({ addition, sourceId: null })),
        entries: loaded.entries,
        rejectedRows,
      };
  const used = new Set(loaded.detections.flatMap((detection) => (detection.profileId ? [detection.profileId] : [])));
  const settings = [...used].flatMap((id) => {
    const profile = profiles.get(id);
    return profile ? [{ profileId: id, dateFormat: profile.dateFormat, unitProducts: profile.unitProducts }] : [];
  });
  return { previews, issues, draft, settings };
}

/** A profile the clerk's settings made invalid (a unit product of "ten hours") blocks the import, in words. */
function settingProblems(choices: ImportChoices, profiles: ReadonlyMap<string, SourceProfile>): ImportIssue[] {
  return (choices.settings ?? []).flatMap((settings) => {
    const profile = profiles.get(settings.profileId);
    const checked = profile ? validateProfile(profile) : null;
    if (!checked || checked.ok) return [];
    return [{ file: '', line: null, column: null, code: 'invalid-setting', message: `the settings for ${profile?.label ?? settings.profileId} cannot be used: ${checked.problems.join('; ')}`, severity: 'error' as const }];
  });
}

function pinned(choices: ImportChoices, tables: readonly Table[], known: ReadonlyMap<string, SourceProfile>): { file: string; profileId: string; record: string }[] {
  // A file the clerk pinned to a profile holds the record kind the clerk named, else the one whose columns it has most of.
  return choices.files.flatMap((choice) => {
    const profile = choice.profileId ? known.get(choice.profileId) : undefined;
    const table = tables.find((candidate) => candidate.fileName === choice.file);
    if (!profile || !table) return [];
    if (choice.record && specsOf(profile.system).some((spec) => spec.record === choice.record)) return [{ file: choice.file, profileId: profile.id, record: choice.record }];
    const best = specsOf(profile.system)
      .map((spec) => ({ spec, found: resolveColumns(table.header, spec, profile).size }))
      .sort((a, b) => b.found - a.found)[0];
    return best ? [{ file: choice.file, profileId: profile.id, record: best.spec.record }] : [];
  });
}

function filePreview(table: Table, issues: readonly ImportIssue[], detection: FilePreview['detection'], profiles: ReadonlyMap<string, SourceProfile>): FilePreview {
  const errors = new Map<number, string[]>();
  const warnings = new Map<number, string[]>();
  for (const issue of issues) {
    // Whole-file issues are shown from the issue list, with their severity.
    if (issue.file !== table.fileName || issue.line === null) continue;
    const text = issue.column === null ? issue.message : `${issue.column}: ${issue.message}`;
    const byLine = issue.severity === 'error' ? errors : warnings;
    byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), text]);
  }
  const rows = table.rows.map((row) => ({ line: row.line, cells: row.cells, issues: errors.get(row.line) ?? [], warnings: warnings.get(row.line) ?? [] }));
  // Rows with problems first within the preview window, so none hides past its end.
  const flagged = (row: (typeof rows)[number]): boolean => row.issues.length + row.warnings.length > 0;
  const shown = rows.length <= PREVIEW_ROWS ? rows : [...rows.filter(flagged), ...rows.filter((row) => !flagged(row))].slice(0, PREVIEW_ROWS).sort((a, b) => a.line - b.line);
  return { file: table.fileName, header: table.header, rows: shown, detection, mapping: mappingOf(table, detection, profiles) };
}

function mappingOf(table: Table, detection: FilePreview['detection'], profiles: ReadonlyMap<string, SourceProfile>): FieldMapping[] {
  const profile = detection?.profileId ? profiles.get(detection.profileId) : undefined;
  const spec = profile && specsOf(profile.system).find((candidate) => candidate.record === detection?.record);
  if (!profile || !spec) return [];
  const found = resolveColumns(table.header, spec, profile);
  // Synonymous columns can resolve to the same header twice ("Agreement ID" and "agreement id").
  return spec.fields.map((field) => ({ field: field.field, required: field.required === true, column: [...new Set(found.get(field.field)?.map((column) => column.name))].join(' or ') || null }));
}

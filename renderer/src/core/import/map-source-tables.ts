// From source tables (any reader's output) to canonical tables: pick each
// file's profile and record kind (detected or chosen), read its records with
// the profile's formats, and let the source system's interpreter write
// canonical rows. Pure; the readers and the canonical typer sit either side.
import type { IsoDate } from '../model';
import type { ImportIssue } from './import-issue';
import type { Table } from './table';
import type { SourceProfile } from './profiles/profile-types';
import type { DateFormat } from './source-date';
import type { DecimalSeparator, GroupingSeparator } from './locale-number';
import type { SourceRow } from './record-reader';
import { readRecords } from './record-reader';
import { BUILTIN_PROFILES, specsOf } from './profiles/registry';
import { detectProfile, type Detection } from './detect-profile';
import { CanonicalBuilder, type CanonicalKind, type CanonicalTables } from './canonical-output';
import { MapContext } from './map-context';
import { mapConnectWise } from './map-connectwise';
import { mapAutotask } from './map-autotask';
import { mapEautomate } from './map-eautomate';
import { mapGeneric } from './map-generic';

export interface SourceOptions {
  /** A profile id for every file, or `auto` (the default) to detect each file's. */
  readonly profile?: string;
  /** The clerk's saved profiles (validated); one with a built-in's id replaces it. */
  readonly profiles?: readonly SourceProfile[];
  /** Per-file choices from the preview: file (as the reader named it) -> profile id and record kind. */
  readonly choices?: readonly { readonly file: string; readonly profileId: string; readonly record: string }[];
  /** Overrides of the profile's formats (`--date-format`, `--decimal`). */
  readonly dateFormat?: DateFormat;
  readonly decimal?: DecimalSeparator;
  readonly grouping?: GroupingSeparator;
  /** The as-of date, when known: dates the source's own balance figures. */
  readonly asOf?: IsoDate | null;
}

export interface SourceMapping {
  readonly tables: CanonicalTables;
  readonly issues: readonly ImportIssue[];
  readonly detections: readonly Detection[];
  /** Entry id -> when the source says it was entered (ConnectWise `dateEntered`), for `allocationOrder: 'entered'`. */
  readonly entered: ReadonlyMap<string, string>;
}

const CANONICAL_KINDS = new Set<string>(['contracts', 'additions', 'entries']);

function withOverrides(profile: SourceProfile, options: SourceOptions): SourceProfile {
  const grouping = options.grouping ?? (options.decimal !== undefined && options.decimal === profile.grouping ? (options.decimal === ',' ? '.' : ',') : profile.grouping);
  return { ...profile, dateFormat: options.dateFormat ?? profile.dateFormat, decimal: options.decimal ?? profile.decimal, grouping };
}

function fileIssue(file: string, code: string, message: string): ImportIssue {
  return { file, line: null, column: null, code, message, severity: 'error' };
}

/** Maps source tables onto canonical tables, listing every problem and how each file was recognised. */
export function mapSourceTables(tables: readonly Table[], options: SourceOptions = {}): SourceMapping {
  // The clerk's own profiles come first, so they win a detection tie with the built-in they were made from.
  const saved = options.profiles ?? [];
  const profiles = new Map<string, SourceProfile>();
  for (const profile of [...saved, ...BUILTIN_PROFILES.filter((builtin) => !saved.some((own) => own.id === builtin.id))]) profiles.set(profile.id, profile);
  const issues: ImportIssue[] = [];
  const detections: Detection[] = [];
  const out = new CanonicalBuilder();
  const passThrough: Record<CanonicalKind, Table[]> = { contracts: [], additions: [], entries: [] };
  // Records per profile, then per record kind, so an interpreter sees all files of its source at once.
  const grouped = new Map<string, Map<string, SourceRow[]>>();
  const entered = new Map<string, string>();
  const forcedId = options.profile && options.profile !== 'auto' ? options.profile : null;
  if (forcedId !== null && !profiles.has(forcedId)) {
    return { tables: out.tables(), entered: new Map(), issues: [fileIssue('', 'unknown-profile', `there is no profile named "${forcedId}" (known: ${[...profiles.keys()].join(', ')})`)], detections };
  }
  for (const table of tables) {
    const choice = options.choices?.find((candidate) => candidate.file === table.fileName);
    const forced = profiles.get(choice?.profileId ?? forcedId ?? '') ?? null;
    let detection = detectProfile(table, [...profiles.values()], forced);
    if (choice && forced && specsOf(forced.system).some((spec) => spec.record === choice.record)) {
      detection = { ...detection, record: choice.record, reason: `chosen as ${forced.label}: ${choice.record}`, overridden: true };
    }
    detections.push(detection);
    const profile = detection.profileId === null ? undefined : profiles.get(detection.profileId);
    const spec = profile && specsOf(profile.system).find((candidate) => candidate.record === detection.record);
    if (!profile || !spec) {
      issues.push(fileIssue(table.fileName, 'unrecognised-file', detection.reason));
      continue;
    }
    if (profile.system === 'canonical' && CANONICAL_KINDS.has(spec.record)) {
      passThrough[spec.record as CanonicalKind].push(table);
      continue;
    }
    const read = readRecords(table, spec, withOverrides(profile, options));
    issues.push(...read.issues);
    let records = grouped.get(profile.id);
    if (!records) grouped.set(profile.id, (records = new Map()));
    records.set(spec.record, [...(records.get(spec.record) ?? []), ...read.rows]);
  }
  for (const [profileId, records] of grouped) {
    const profile = withOverrides(profiles.get(profileId)!, options);
    const context = new MapContext(profile, out, options.asOf ?? null);
    switch (profile.system) {
      case 'connectwise':
        mapConnectWise(records, context);
        break;
      case 'autotask':
        mapAutotask(records, context);
        break;
      case 'eautomate':
        mapEautomate(records, context);
        break;
      case 'generic':
      case 'canonical':
        for (const spec of specsOf(profile.system)) mapGeneric(spec.record as CanonicalKind, spec, records.get(spec.record) ?? [], context);
        break;
    }
    issues.push(...context.allIssues());
    for (const [id, when] of context.entered) entered.set(id, when);
  }
  const mapped = out.tables();
  return {
    tables: {
      contracts: [...passThrough.contracts, ...mapped.contracts],
      additions: [...passThrough.additions, ...mapped.additions],
      entries: [...passThrough.entries, ...mapped.entries],
    },
    issues,
    detections,
    entered,
  };
}

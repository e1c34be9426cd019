// Which profile and record kind a file is, from its header (CSV/XLSX column
// names or dotted JSON keys), with a confidence and the reason, so the clerk
// can confirm or override it (issue 3 "Detection").
import type { Table } from './table';
import type { RecordSpec, SourceProfile } from './profiles/profile-types';
import { resolveColumns } from './record-reader';
import { specsOf } from './profiles/registry';

export interface Detection {
  readonly file: string;
  /** null when no profile recognises the file. */
  readonly profileId: string | null;
  readonly record: string | null;
  /** Share of the record's signature columns found, 0..1. */
  readonly confidence: number;
  readonly reason: string;
  /** Whether the clerk (or --profile) chose it rather than detection. */
  readonly overridden: boolean;
}

interface Candidate {
  readonly profile: SourceProfile;
  readonly spec: RecordSpec;
  readonly matched: readonly string[];
  readonly confidence: number;
  /** Share of the file's columns the record's fields explain (breaks ties). */
  readonly coverage: number;
}

const MIN_CONFIDENCE = 0.5;
const MIN_MATCHED = 2;

function candidates(table: Table, profile: SourceProfile): Candidate[] {
  const nonEmpty = table.header.filter((name) => name.trim() !== '').length || 1;
  return specsOf(profile.system).map((spec) => {
    const found = resolveColumns(table.header, spec, profile);
    const matched = spec.signature.flatMap((field) => {
      const column = found.get(field)?.[0];
      return column ? [column.name] : [];
    });
    return { profile, spec, matched, confidence: matched.length / spec.signature.length, coverage: found.size / nonEmpty };
  });
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return a.coverage > b.coverage;
}

function describe(candidate: Candidate, overridden: boolean, file: string): Detection {
  const { profile, spec, matched, confidence } = candidate;
  const reason = `${overridden ? 'chosen' : 'detected'} as ${profile.label}: ${spec.label} (columns ${matched.map((name) => `"${name}"`).join(', ') || 'none'} match ${matched.length} of ${spec.signature.length} signature fields)`;
  return { file, profileId: profile.id, record: spec.record, confidence, reason, overridden };
}

/** Picks the best profile and record kind for a table; `forced` limits the choice to one profile. */
export function detectProfile(table: Table, profiles: readonly SourceProfile[], forced: SourceProfile | null = null): Detection {
  // The built-in generic profile has the canonical columns; it is only used when chosen.
  const pool = forced ? [forced] : profiles.filter((profile) => !(profile.system === 'generic' && profile.id === 'generic'));
  let best: Candidate | null = null;
  for (const profile of pool) for (const candidate of candidates(table, profile)) if (!best || better(candidate, best)) best = candidate;
  if (best && (forced || (best.confidence >= MIN_CONFIDENCE && best.matched.length >= MIN_MATCHED))) return describe(best, forced !== null, table.fileName);
  const near = best ? ` The closest is ${best.profile.label}: ${best.spec.label} (${best.matched.length} of ${best.spec.signature.length} signature columns).` : '';
  return { file: table.fileName, profileId: null, record: null, confidence: best?.confidence ?? 0, reason: `no profile recognises these columns; choose one or map the columns in a generic profile.${near}`, overridden: false };
}

// Builds a system's built-in profile from its record specs, so the defaults a
// user sees (and edits) are exactly the columns the specs list.
import type { RecordSpec, SourceProfile } from './profile-types';

/** The profile that maps every field of `specs` to its default columns. */
export function defaultProfile(base: Omit<SourceProfile, 'records' | 'version'>, specs: readonly RecordSpec[]): SourceProfile {
  return {
    ...base,
    version: 1,
    records: specs.map((spec) => ({ record: spec.record, columns: spec.fields.map((field) => ({ field: field.field, columns: field.columns })) })),
  };
}

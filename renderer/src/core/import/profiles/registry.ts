// The built-in profiles and the record specs of each source system.
import type { RecordSpec, SourceProfile, SourceSystem } from './profile-types';
import { CONNECTWISE_PROFILE, CONNECTWISE_SPECS } from './connectwise';
import { AUTOTASK_PROFILE, AUTOTASK_SPECS } from './autotask';
import { EAUTOMATE_PROFILE, EAUTOMATE_SPECS } from './eautomate';
import { CANONICAL_PROFILE, CANONICAL_SPECS, GENERIC_PROFILE } from './generic';

/** Built-in profiles, in the order detection prefers them on a tie. */
export const BUILTIN_PROFILES: readonly SourceProfile[] = [CANONICAL_PROFILE, CONNECTWISE_PROFILE, AUTOTASK_PROFILE, EAUTOMATE_PROFILE, GENERIC_PROFILE];

const SPECS: ReadonlyMap<SourceSystem, readonly RecordSpec[]> = new Map<SourceSystem, readonly RecordSpec[]>([
  ['canonical', CANONICAL_SPECS],
  ['generic', CANONICAL_SPECS],
  ['connectwise', CONNECTWISE_SPECS],
  ['autotask', AUTOTASK_SPECS],
  ['eautomate', EAUTOMATE_SPECS],
]);

/** The record specs a system's profiles map. */
export function specsOf(system: SourceSystem): readonly RecordSpec[] {
  return SPECS.get(system) ?? [];
}

// Schema v1 kept saved import profiles as settings named `profile:NAME`; the
// v2 upgrade and restoring a v1 backup both move them into the profiles table.
import type { SavedProfile, Setting } from './schema';

export const LEGACY_PROFILE_PREFIX = 'profile:';

/** The v2+ profile row for a v1 `profile:NAME` setting. */
export function profileFromLegacySetting(setting: Setting): SavedProfile {
  return { name: setting.key.slice(LEGACY_PROFILE_PREFIX.length), definition: setting.value, updatedAt: null };
}

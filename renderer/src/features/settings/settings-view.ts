// What the Settings screen shows, kept pure for tests: how each built-in
// profile reads billable options (the engine takes only the three meanings of
// SPEC §2), backups in words, and the outcome of a restore.
import type { BillableOption } from '../../core/model';
import type { SourceProfile } from '../../core/import/profiles/profile-types';
import type { BackupInfo, BackupReason } from '../../platform/platform';

/** The meaning of each billable option, as the engine applies it (SPEC §4: only `billable` time draws on a contract). */
export const BILLABLE_MEANINGS: Readonly<Record<BillableOption, string>> = {
  billable: 'Billable: draws on the contract',
  no_charge: 'No charge: not covered, listed with its reason',
  do_not_bill: 'Do not bill: not covered, listed with its reason',
};

export interface BillableRule {
  readonly profile: string;
  readonly source: string;
  readonly meaning: BillableOption;
}

const BILLABLE_FIELDS = new Set(['billable', 'billableOption']);

function isBillableOption(value: string): value is BillableOption {
  return value === 'billable' || value === 'no_charge' || value === 'do_not_bill';
}

/** Every source spelling of a billable option the profiles know, with what it becomes. */
export function billableRules(profiles: readonly SourceProfile[]): BillableRule[] {
  return profiles.flatMap((profile) =>
    profile.valueMaps
      .filter((map) => BILLABLE_FIELDS.has(map.field))
      .flatMap((map) => map.values.flatMap(([source, meaning]) => (isBillableOption(meaning) ? [{ profile: profile.label, source, meaning }] : []))),
  );
}

const REASONS: Readonly<Record<BackupReason, string>> = {
  import: 'after an import',
  quit: 'on quit',
  manual: 'made by hand',
  'before-restore': 'before a restore',
};

/** "2026-11-02 14:05 UTC, after an import, 1.2 MB". */
export function backupLabel(backup: BackupInfo): string {
  const when = `${backup.createdAt.slice(0, 10)} ${backup.createdAt.slice(11, 16)} UTC`;
  return `${when}, ${REASONS[backup.reason]}, ${sizeWords(backup.sizeBytes)}`;
}

/** A byte count a clerk reads at a glance. */
export function sizeWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(Math.round((bytes * 10) / (1024 * 1024)) / 10).toFixed(1)} MB`;
}

/** Why a stored backup could not be read, and what to do instead. */
export function unreadableBackup(status: 'missing' | 'corrupt', message?: string): string {
  if (status === 'missing') return 'That backup is no longer there (it may have been rotated out). Pick another one from the list.';
  return `That backup is damaged: its contents no longer match the checksum taken when it was written${message ? ` (${message})` : ''}. Nothing was changed; pick an older backup.`;
}

/** What the file name of an exported database is: the date makes several exports easy to tell apart. */
export function databaseFileName(now: Date): string {
  return `Blockledger database ${now.toISOString().slice(0, 10)}`;
}

// How backups are named and rotated, shared by both implementations of the
// bridge (the main process on disk, the browser fallback in IndexedDB) so that
// listBackups means the same thing in both. Pure: no Electron, Node or DOM.

import { backupReasons, type BackupInfo, type BackupReason } from './contract';

/** Backup ids: backup-<UTC stamp>-<reason>-<sha256>.json.gz (also the file name on disk). */
export const backupIdPattern = new RegExp(`^backup-(\\d{8}T\\d{9}Z)-(${backupReasons.join('|')})-([0-9a-f]{64})\\.json\\.gz$`);

/** How many to keep: the newest `recent`, plus the newest of each of the last `monthly` months. */
export const rotationPolicy = { recent: 30, monthly: 12 } as const;

/** The id of a backup written at `at` for `reason` with checksum `sha256` (hex). */
export function backupIdFor(at: Date, reason: BackupReason, sha256: string): string {
  return `backup-${at.toISOString().replace(/[-:.]/g, '')}-${reason}-${sha256}.json.gz`;
}

function isoOfStamp(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
}

/** The backup an id describes, or undefined for anything else. */
export function parseBackupId(id: string, sizeBytes: number): BackupInfo | undefined {
  const match = backupIdPattern.exec(id);
  if (!match) return undefined;
  const [, stamp = '', reason = '', checksum = ''] = match;
  return { id, createdAt: isoOfStamp(stamp), reason: reason as BackupReason, sizeBytes, sha256: checksum };
}

/** Newest first; ties (same millisecond) broken by id so the order is stable. */
export function newestFirst(backups: readonly BackupInfo[]): BackupInfo[] {
  return [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The backups the rotation policy no longer keeps. */
export function backupsToPrune(backups: readonly BackupInfo[], policy: { recent: number; monthly: number } = rotationPolicy): BackupInfo[] {
  const ordered = newestFirst(backups);
  const keep = new Set(ordered.slice(0, policy.recent));
  const monthsSeen = new Set<string>();
  for (const backup of ordered) {
    const month = backup.createdAt.slice(0, 7);
    if (monthsSeen.has(month)) continue;
    if (monthsSeen.size === policy.monthly) break;
    monthsSeen.add(month);
    keep.add(backup);
  }
  return ordered.filter((backup) => !keep.has(backup));
}

// Rotated database backups under userData/backups (reliability.md DB-5). The
// renderer produces the gzipped Dexie export; the main process names each file
// by time, reason and SHA-256, writes it atomically, prunes old ones, and
// checks the checksum when a backup is read back.

import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backupReasons, limits, type BackupInfo, type BackupReason, type ReadBackupResult } from '../preload/contract';
import { readFileLimited, writeFileAtomic } from './atomic-files';

/** Backup file names, which double as their ids: backup-<UTC stamp>-<reason>-<sha256>.json.gz */
export const backupIdPattern = new RegExp(`^backup-(\\d{8}T\\d{9}Z)-(${backupReasons.join('|')})-([0-9a-f]{64})\\.json\\.gz$`);

/** How many to keep: the newest `recent`, plus the newest of each of the last `monthly` months. */
export const rotationPolicy = { recent: 30, monthly: 12 } as const;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function isoOfStamp(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
}

/** The backup a file name describes, or undefined for any other file. */
export function parseBackupId(id: string, sizeBytes: number): BackupInfo | undefined {
  const match = backupIdPattern.exec(id);
  if (!match) return undefined;
  const [, stamp = '', reason = '', checksum = ''] = match;
  return { id, createdAt: isoOfStamp(stamp), reason: reason as BackupReason, sizeBytes, sha256: checksum };
}

/** The backups the rotation policy no longer keeps. */
export function backupsToPrune(backups: readonly BackupInfo[], policy: { recent: number; monthly: number } = rotationPolicy): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const keep = new Set(newestFirst.slice(0, policy.recent));
  const monthsSeen = new Set<string>();
  for (const backup of newestFirst) {
    const month = backup.createdAt.slice(0, 7);
    if (monthsSeen.has(month)) continue;
    if (monthsSeen.size === policy.monthly) break;
    monthsSeen.add(month);
    keep.add(backup);
  }
  return newestFirst.filter((backup) => !keep.has(backup));
}

/** Backups in `folder`, newest first; other files are ignored. */
export async function listBackups(folder: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const infos: BackupInfo[] = [];
  for (const name of names) {
    if (!backupIdPattern.test(name)) continue;
    const info = await stat(join(folder, name)).catch(() => undefined);
    const backup = info?.isFile() ? parseBackupId(name, info.size) : undefined;
    if (backup) infos.push(backup);
  }
  return infos.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** Writes a new backup and prunes the ones the policy drops. */
export async function writeBackup(folder: string, bytes: Uint8Array, reason: BackupReason, now: Date): Promise<BackupInfo> {
  await mkdir(folder, { recursive: true });
  const id = `backup-${stampOf(now)}-${reason}-${sha256(bytes)}.json.gz`;
  await writeFileAtomic(join(folder, id), bytes);
  const written = parseBackupId(id, bytes.byteLength);
  if (!written) throw new Error(`backup name ${id} does not match its own pattern`);
  const prune = backupsToPrune(await listBackups(folder));
  // A backup that cannot be deleted now is deleted on a later rotation.
  await Promise.all(prune.map((backup) => rm(join(folder, backup.id), { force: true }).catch(() => undefined)));
  return written;
}

/** Reads a backup back; `corrupt` when its bytes no longer match the checksum in its name. */
export async function readBackup(folder: string, id: string): Promise<ReadBackupResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileLimited(join(folder, id), limits.databaseBytes);
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  const backup = parseBackupId(id, bytes.byteLength);
  if (!backup) return { status: 'missing' };
  return sha256(bytes) === backup.sha256 ? { status: 'ok', bytes, backup } : { status: 'corrupt' };
}

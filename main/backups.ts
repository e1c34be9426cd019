// Rotated database backups under userData/backups (reliability.md DB-5). The
// renderer produces the gzipped Dexie export; the main process names each file
// by time, reason and SHA-256, writes it atomically, prunes old ones, and
// checks the checksum when a backup is read back.

import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { limits, type BackupInfo, type BackupReason, type ReadBackupResult } from '../preload/contract';
import { backupIdFor, backupIdPattern, backupsToPrune, newestFirst, parseBackupId } from '../preload/backup-policy';
import { readFileLimited, writeFileAtomic } from './atomic-files';

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
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
  return newestFirst(infos);
}

/** Writes a new backup and prunes the ones the policy drops. */
export async function writeBackup(folder: string, bytes: Uint8Array, reason: BackupReason, now: Date): Promise<BackupInfo> {
  await mkdir(folder, { recursive: true });
  const id = backupIdFor(now, reason, sha256(bytes));
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

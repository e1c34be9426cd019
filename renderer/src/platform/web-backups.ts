// Backups in the browser: kept in their own IndexedDB database, named, checked
// and rotated exactly like the desktop app's backup folder (preload/backup-policy.ts).
// Same origin as the data, so this guards against mistakes, not a wiped profile:
// Settings should also offer "Export database" (a download) in web mode.

import Dexie, { type Table } from 'dexie';
import { backupIdFor, backupsToPrune, newestFirst, parseBackupId } from '../../../preload/backup-policy';
import type { BackupInfo, BackupReason, ReadBackupResult } from './platform';
import { sha256Hex } from './sha256';

interface StoredBackup {
  id: string;
  bytes: Uint8Array;
}

class BackupDatabase extends Dexie {
  backups!: Table<StoredBackup, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ backups: '&id' });
  }
}

export interface WebBackups {
  write(bytes: Uint8Array, reason: BackupReason, now: Date): Promise<BackupInfo>;
  list(): Promise<BackupInfo[]>;
  read(id: string): Promise<ReadBackupResult>;
}

/** Backups in the IndexedDB database `name`. */
export function createWebBackups(name = 'blockledger-backups'): WebBackups {
  const db = new BackupDatabase(name);
  const list = async (): Promise<BackupInfo[]> => {
    const infos: BackupInfo[] = [];
    await db.backups.each((stored) => {
      const info = parseBackupId(stored.id, stored.bytes.byteLength);
      if (info) infos.push(info);
    });
    return newestFirst(infos);
  };
  return {
    list,
    async write(bytes, reason, now) {
      const id = backupIdFor(now, reason, await sha256Hex(bytes));
      const info = parseBackupId(id, bytes.byteLength);
      if (!info) throw new Error(`backup id ${id} does not match its own pattern`);
      await db.backups.put({ id, bytes });
      await db.backups.bulkDelete(backupsToPrune(await list()).map((backup) => backup.id));
      return info;
    },
    async read(id) {
      const stored = await db.backups.get(id);
      const info = stored && parseBackupId(stored.id, stored.bytes.byteLength);
      if (!stored || !info) return { status: 'missing' };
      return (await sha256Hex(stored.bytes)) === info.sha256 ? { status: 'ok', bytes: stored.bytes, backup: info } : { status: 'corrupt' };
    },
  };
}

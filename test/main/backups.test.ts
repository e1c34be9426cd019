import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../preload/contract';
import { backupsToPrune, parseBackupId } from '../../preload/backup-policy';
import { listBackups, writeBackup } from '../../main/backups';

vi.mock('electron', () => import('./fake-electron'));

function backupAt(iso: string, index = 0): BackupInfo {
  const stamp = iso.replace(/[-:.]/g, '');
  const id = `backup-${stamp}-import-${index.toString(16).padStart(64, '0')}.json.gz`;
  const parsed = parseBackupId(id, 10);
  if (!parsed) throw new Error(`bad fixture ${iso}`);
  return parsed;
}

describe('backup rotation', () => {
  it('keeps the newest 30 and the newest of each of the last 12 months', () => {
    // One backup a day from 2025-01-01 for 500 days.
    const start = Date.UTC(2025, 0, 1, 12);
    const backups = Array.from({ length: 500 }, (_, day) => backupAt(new Date(start + day * 86_400_000).toISOString(), day));
    const pruned = new Set(backupsToPrune(backups));
    const kept = backups.filter((backup) => !pruned.has(backup)).map((backup) => backup.createdAt.slice(0, 10));
    const newest30 = backups.slice(-30).map((backup) => backup.createdAt.slice(0, 10));
    expect(kept).toEqual(expect.arrayContaining(newest30));
    const monthlyExtras = kept.filter((date) => !newest30.includes(date));
    // 500 days from 2025-01-01 end on 2026-05-15; the last 30 days cover 2026-04-16..05-15,
    // so the 12 newest months are 2026-05 back to 2025-06, whose newest backups are month ends.
    expect(monthlyExtras).toEqual(['2025-06-30', '2025-07-31', '2025-08-31', '2025-09-30', '2025-10-31', '2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('never prunes the newest backup and never keeps more than the policy allows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 4_000 * 86_400 }), { maxLength: 200 }), (seconds) => {
        const backups = seconds.map((offset, index) => backupAt(new Date(Date.UTC(2020, 0, 1) + offset * 1000).toISOString(), index));
        const pruned = backupsToPrune(backups);
        const kept = backups.length - pruned.length;
        expect(kept).toBeLessThanOrEqual(30 + 12);
        expect(kept).toBeGreaterThanOrEqual(Math.min(backups.length, 30));
        const newest = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        if (newest) expect(pruned).not.toContain(newest);
      }),
    );
  });
});

describe('backups on disk', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'blockledger-backups-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('names each backup by time, reason and checksum, and lists newest first ignoring other files', async () => {
    const first = await writeBackup(folder, new Uint8Array([1]), 'import', new Date('2026-11-22T15:05:11.123Z'));
    const second = await writeBackup(folder, new Uint8Array([2]), 'quit', new Date('2026-11-22T16:00:00.000Z'));
    writeFileSync(join(folder, 'notes.txt'), 'not a backup');
    expect(first).toEqual({
      id: 'backup-20261122T150511123Z-import-4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a.json.gz',
      createdAt: '2026-11-22T15:05:11.123Z',
      reason: 'import',
      sizeBytes: 1,
      sha256: '4bf5122f344554c53bde2ebb8cd2b7e3d1600ad631c385a5d7cce23c7785459a',
    });
    expect(await listBackups(folder)).toEqual([second, first]);
  });

  it('prunes old backups on each write', async () => {
    for (let day = 1; day <= 35; day += 1) await writeBackup(folder, new Uint8Array([day]), 'import', new Date(Date.UTC(2026, 9, day)));
    // 35 daily backups (2026-10-01 to 11-04): the newest 30 already hold the newest of each month.
    expect(readdirSync(folder)).toHaveLength(30);
    expect((await listBackups(folder)).at(-1)?.createdAt).toBe('2026-10-06T00:00:00.000Z');
  });
});

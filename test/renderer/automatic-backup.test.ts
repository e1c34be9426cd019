// The automatic backups the window makes after an import and on quit: written
// with their reason when the worker has new bytes, skipped when it says
// nothing changed; the quit one runs when the desktop app is about to quit.
import { describe, expect, it, vi } from 'vitest';
import { backUpIfChanged, backUpOnQuit } from '../../renderer/src/components/automatic-backup';
import type { WriteBackupResult } from '../../renderer/src/platform/platform';

const BYTES = new Uint8Array([1, 2, 3]);
const WRITTEN: WriteBackupResult = { status: 'written', backup: { id: 'b', createdAt: '2026-11-23T10:00:00.000Z', reason: 'quit', sizeBytes: 3, sha256: 'x' } };

function fakes(bytes: Uint8Array | null) {
  const call = vi.fn(async () => bytes);
  const writeBackup = vi.fn(async () => WRITTEN);
  const quitTasks: (() => Promise<void>)[] = [];
  const onBeforeQuit = vi.fn((task: () => Promise<void>) => {
    quitTasks.push(task);
    return () => quitTasks.splice(quitTasks.indexOf(task), 1);
  });
  return { client: { call } as never, platform: { writeBackup, onBeforeQuit }, call, writeBackup, quitTasks };
}

describe('the automatic backups', () => {
  it("writes the worker's bytes with their reason when the store changed", async () => {
    const { client, platform, call, writeBackup } = fakes(BYTES);
    expect(await backUpIfChanged(client, platform, 'import')).toEqual(WRITTEN);
    expect(call).toHaveBeenCalledWith('backup-if-changed', { now: expect.any(String) });
    expect(writeBackup).toHaveBeenCalledWith({ bytes: BYTES, reason: 'import' });
  });

  it('writes nothing when the worker says nothing changed', async () => {
    const { client, platform, writeBackup } = fakes(null);
    expect(await backUpIfChanged(client, platform, 'import')).toBeNull();
    expect(writeBackup).not.toHaveBeenCalled();
  });

  it('backs up on quit until it is undone', async () => {
    const { client, platform, writeBackup, quitTasks } = fakes(BYTES);
    const undo = backUpOnQuit(client, platform);
    expect(quitTasks).toHaveLength(1);
    await quitTasks[0]?.();
    expect(writeBackup).toHaveBeenCalledWith({ bytes: BYTES, reason: 'quit' });
    undo();
    expect(quitTasks).toHaveLength(0);
  });
});

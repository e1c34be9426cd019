// The automatic backups (issue 5): after every committed import and on quit, a
// rotated backup of the whole store, made only when it changed since the last
// one this window made, so an idle session does not push older backups out of
// the rotation.
import type { BackupReason, Platform, WriteBackupResult } from '../platform/platform';
import type { EngineClient } from '../workers/engine-client';

type Client = Pick<EngineClient, 'call'>;

/** Writes an automatic backup if the store changed; null when there was nothing new to back up. */
export async function backUpIfChanged(client: Client, platform: Pick<Platform, 'writeBackup'>, reason: Extract<BackupReason, 'import' | 'quit'>): Promise<WriteBackupResult | null> {
  const bytes = await client.call('backup-if-changed', { now: new Date().toISOString() });
  return bytes === null ? null : platform.writeBackup({ bytes, reason });
}

/** Has the desktop app back the store up before it quits (it waits, within a limit); returns the undo. */
export function backUpOnQuit(client: Client, platform: Pick<Platform, 'writeBackup' | 'onBeforeQuit'>): () => void {
  return platform.onBeforeQuit(async () => {
    await backUpIfChanged(client, platform, 'quit');
  });
}

// Settings checks a database file before it backs up the current data: a
// wrong or damaged file is refused in words and nothing is written.
import { describe, expect, it } from 'vitest';
import { freshDb } from '../db/helpers';
import { EngineSession } from '../../renderer/src/workers/engine-session';

const NOW = '2026-11-01T09:00:00.000Z';

describe('checking a database file before restoring it', () => {
  it('accepts an export of the database', async () => {
    const session = new EngineSession(await freshDb());
    const bytes = await session.backupExport({ now: NOW });
    expect(await session.backupCheck({ bytes })).toBeNull();
  });

  it('refuses a file that is not a backup, and one damaged after it was written, saying nothing changed', async () => {
    const session = new EngineSession(await freshDb());
    expect(await session.backupCheck({ bytes: new TextEncoder().encode('not a backup') })).toBe('This backup cannot be restored: it is not a Blockledger backup file. The database was not changed.');
    const truncated = (await session.backupExport({ now: NOW })).slice(0, 40);
    expect(await session.backupCheck({ bytes: truncated })).toMatch(/^This backup cannot be restored: .+ The database was not changed\.$/);
  });
});

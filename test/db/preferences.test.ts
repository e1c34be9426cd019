import { describe, expect, it } from 'vitest';
import { deleteProfile, getSetting, listProfiles, putSetting, saveProfile } from '../../renderer/src/db/preferences';
import { listAuditEvents } from '../../renderer/src/db/audit';
import { at, freshDb } from './helpers';

describe('profiles and settings', () => {
  it('saved profiles are plain JSON by name, every change audited with who and when', async () => {
    const db = await freshDb();
    await saveProfile(db, 'Generic — Acme', { columns: [['Datum', 'date']], decimal: ',' }, at('2026-01-01T00:00:00.000Z', 'ann'));
    await saveProfile(db, 'Generic — Acme', { columns: [['Date', 'date']] }, at('2026-01-02T00:00:00.000Z', 'bob'));
    expect(await listProfiles(db)).toEqual([{ name: 'Generic — Acme', definition: { columns: [['Date', 'date']] }, updatedAt: '2026-01-02T00:00:00.000Z' }]);
    expect(await deleteProfile(db, 'Generic — Acme', at('2026-01-03T00:00:00.000Z', 'ann'))).toBe(true);
    expect(await deleteProfile(db, 'Generic — Acme', at('2026-01-03T00:00:00.000Z', 'ann'))).toBe(false);
    expect((await listAuditEvents(db)).map((e) => [e.who, e.at, e.action, e.summary])).toEqual([
      ['ann', '2026-01-03T00:00:00.000Z', 'profile-delete', 'Deleted the import profile "Generic — Acme".'],
      ['bob', '2026-01-02T00:00:00.000Z', 'profile-save', 'Updated the import profile "Generic — Acme".'],
      ['ann', '2026-01-01T00:00:00.000Z', 'profile-save', 'Saved the import profile "Generic — Acme".'],
    ]);
  });

  it('settings record old and new values', async () => {
    const db = await freshDb();
    expect(await getSetting(db, 'theme')).toBeUndefined();
    await putSetting(db, 'theme', 'dark', at('2026-01-01T00:00:00.000Z'));
    await putSetting(db, 'theme', 'light', at('2026-01-02T00:00:00.000Z'));
    expect(await getSetting(db, 'theme')).toBe('light');
    expect((await listAuditEvents(db)).map((e) => e.summary)).toEqual([
      'Changed the setting "theme" from "dark" to "light".',
      'Changed the setting "theme" from unset to "dark".',
    ]);
  });
});

// Opening the app shows the contracts screen of the last reconcile at once
// (issue 5: first grid within 2 s), but only for the very store, as-of date
// and allocation order it was computed from; anything else waits for a
// fresh reconcile.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { inputRevision, openBlockledgerDb, ResultCache, type BlockledgerDb } from '../../renderer/src/db';
import { EngineSession, type CallControl } from '../../renderer/src/workers/engine-session';
import { ALLOCATION_ORDER_SETTING, DISPLAY_FORMATS_SETTING } from '../../renderer/src/workers/engine-protocol';

const control: CallControl = { progress: () => undefined, checkpoint: () => undefined };
const NOW = '2026-11-01T09:00:00.000Z';
const AS_OF = '2026-10-31';

/** A session over a store and its cache, as the worker opens them, and a second one as after a restart. */
async function sessions(): Promise<{ first: EngineSession; reopen: () => EngineSession; db: BlockledgerDb; cache: ResultCache }> {
  const indexedDB = new IDBFactory();
  const [db, cache] = await Promise.all([openBlockledgerDb({ indexedDB, IDBKeyRange }), ResultCache.open({ indexedDB, IDBKeyRange })]);
  return { first: new EngineSession(db, cache), reopen: () => new EngineSession(db, cache), db, cache };
}

describe('the saved contracts screen', () => {
  it('is there after a reconcile, for a restarted session, with the same rows and counts', async () => {
    const { first, reopen } = await sessions();
    await first.openSample({ now: NOW }, control);
    expect((await first.opening({ asOf: AS_OF })).saved).toBeNull();
    const reconciled = await first.recompute({ asOf: AS_OF }, control);
    // Saved once the answer is sent, before the worker takes the next call.
    expect((await reopen().opening({ asOf: AS_OF })).saved).toBeNull();
    await first.finishUp();
    expect((await reopen().opening({ asOf: AS_OF })).saved).toEqual(reconciled);
  });

  it('is not shown for another as-of date, after a change to the contracts, additions or entries, or for another allocation order', async () => {
    const { first, reopen } = await sessions();
    const { batchId } = await first.openSample({ now: NOW }, control);
    await first.recompute({ asOf: AS_OF }, control);
    await first.finishUp();
    expect((await reopen().opening({ asOf: '2026-09-30' })).saved).toBeNull();
    await first.settingPut({ key: ALLOCATION_ORDER_SETTING, value: 'entered', now: NOW });
    expect((await reopen().opening({ asOf: AS_OF })).saved).toBeNull();
    await first.settingPut({ key: ALLOCATION_ORDER_SETTING, value: 'worked', now: NOW });
    expect((await reopen().opening({ asOf: AS_OF })).saved).not.toBeNull();
    await first.revert({ batchId, now: NOW });
    expect((await reopen().opening({ asOf: AS_OF })).saved).toBeNull();
  });

  it('is still shown after changes the engine does not read: a display format, an import profile', async () => {
    const { first, reopen } = await sessions();
    await first.openSample({ now: NOW }, control);
    const reconciled = await first.recompute({ asOf: AS_OF }, control);
    await first.finishUp();
    await first.settingPut({ key: DISPLAY_FORMATS_SETTING, value: { date: 'DD/MM/YYYY' }, now: NOW });
    await first.profileSave({ name: 'My export', profileId: 'generic', record: 'entries', columns: [{ field: 'id', column: 'Entry' }], now: NOW });
    expect((await reopen().opening({ asOf: AS_OF })).saved).toEqual(reconciled);
  });

  it('is forgotten when a backup is restored (a restored store numbers its revisions its own way)', async () => {
    const { first, reopen, db, cache } = await sessions();
    await first.openSample({ now: NOW }, control);
    const backup = await first.backupExport({ now: NOW });
    await first.recompute({ asOf: AS_OF }, control);
    await first.finishUp();
    const key = { revision: await inputRevision(db), asOf: AS_OF, allocationOrder: 'worked' } as const;
    expect(await cache.get('contracts', key)).not.toBeNull();
    await first.backupRestore({ bytes: backup, now: NOW });
    expect(await cache.get('contracts', key)).toBeNull();
    expect((await reopen().opening({ asOf: AS_OF })).saved).toBeNull();
  });

  it('is never offered without a cache', async () => {
    const db = await openBlockledgerDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const session = new EngineSession(db);
    await session.openSample({ now: NOW }, control);
    await session.recompute({ asOf: AS_OF }, control);
    await session.finishUp();
    expect((await session.opening({ asOf: AS_OF })).saved).toBeNull();
  });
});

// Every older schema version opens in the current code with its data intact
// (reliability.md DB-8). Older databases are written through the same import
// code, which only uses tables that existed since v1.
import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openBlockledgerDb, SCHEMA_VERSION } from '../../renderer/src/db/schema';
import { openEntryQuery } from '../../renderer/src/db/entry-query';
import { listProfiles } from '../../renderer/src/db/preferences';
import { contract, draft, engineView, entry, fileOf, importDraft, snapshot } from './helpers';

async function databaseAt(version: 1 | 2) {
  const indexedDB = new IDBFactory();
  const old = await openBlockledgerDb({ name: 'upgrade', indexedDB, IDBKeyRange, version });
  await importDraft(old, draft({
    contracts: [contract('C1'), contract('C2')],
    entries: [entry('E1', '2026-01-01', 100, { contractId: 'C1' }), entry('E2', '2026-01-02', 50, { contractId: 'C2' }), entry('E3', '2026-01-03', 25, { contractId: 'C1' })],
    files: [fileOf('old', [1])],
  }));
  await old.settings.bulkPut([{ key: 'theme', value: 'dark' }, ...(version === 1 ? [{ key: 'profile:My sheet', value: { columns: { Date: 'date' } } }] : [])]);
  if (version === 2) await old.profiles.put({ name: 'My sheet', definition: { columns: { Date: 'date' } }, updatedAt: '2026-01-01T00:00:00.000Z' });
  const before = { view: await engineView(old), tables: await snapshot(old) };
  old.close();
  return { indexedDB, before };
}

describe('schema upgrades', () => {
  it('the current version is 4', async () => {
    const db = await openBlockledgerDb({ name: 'v', indexedDB: new IDBFactory(), IDBKeyRange });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(4);
  });

  it('v1 → current: data preserved, saved profiles moved out of settings into their table', async () => {
    const { indexedDB, before } = await databaseAt(1);
    const db = await openBlockledgerDb({ name: 'upgrade', indexedDB, IDBKeyRange });
    expect(db.verno).toBe(4);
    expect(await engineView(db)).toEqual(before.view);
    const after = await snapshot(db);
    for (const table of ['contracts', 'additions', 'batches', 'entryChunks', 'audit']) expect(after[table]).toEqual(before.tables[table]);
    expect(await db.settings.toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
    expect(await listProfiles(db)).toEqual([{ name: 'My sheet', definition: { columns: { Date: 'date' } }, updatedAt: null }]);
  });

  it('v2 → current: data preserved and old chunks are found by the new contract index', async () => {
    const { indexedDB, before } = await databaseAt(2);
    const db = await openBlockledgerDb({ name: 'upgrade', indexedDB, IDBKeyRange });
    expect(await snapshot(db)).toEqual(before.tables);
    expect(await db.entryChunks.where('contractDict').equals('C2').count()).toBe(1);
    const query = await openEntryQuery(db, { contractId: 'C1' });
    expect(query.rows(0, 10).map((row) => row.entry.id)).toEqual(['E1', 'E3']);
  });

  it('v3 → current: tickets and notes stored one string per row are dictionary-encoded, every entry reads the same', async () => {
    const indexedDB = new IDBFactory();
    const old = await openBlockledgerDb({ name: 'upgrade', indexedDB, IDBKeyRange, version: 3 });
    await importDraft(old, draft({
      contracts: [contract('C1')],
      entries: [entry('E1', '2026-01-01', 100, { contractId: 'C1', ticket: 'T-7', notes: 'Remote support' }), entry('E2', '2026-01-02', 50, { contractId: 'C1', ticket: 'T-7', notes: '' }), entry('E3', '2026-01-03', 25, { contractId: 'C1', ticket: 'T-8', notes: 'Remote support' })],
      files: [fileOf('old', [3])],
    }));
    const before = await engineView(old);
    expect(before.entries.join()).toContain('"ticket":"T-7"');
    // The import code writes the current form; put the chunks back the way v3 stored them.
    for (const chunk of await old.entryChunks.toArray()) {
      const { ticketDict, notesDict, ...v3 } = chunk;
      const rows = [...chunk.ticket.keys()];
      await old.entryChunks.put({ ...v3, ticket: rows.map((row) => ticketDict[chunk.ticket[row]!]!), notes: rows.map((row) => notesDict[chunk.notes[row]!]!) } as never);
    }
    expect((await old.entryChunks.toArray())[0]?.ticket).toEqual(['T-7', 'T-7', 'T-8']);
    old.close();
    const db = await openBlockledgerDb({ name: 'upgrade', indexedDB, IDBKeyRange });
    expect(await engineView(db)).toEqual(before);
    const [chunk] = await db.entryChunks.toArray();
    expect([chunk!.ticket, chunk!.ticketDict, chunk!.notes, chunk!.notesDict]).toEqual([Int16Array.from([0, 0, 1]), ['T-7', 'T-8'], Int16Array.from([0, 1, 0]), ['Remote support', '']]);
  });

  it('an upgraded database keeps importing: the next batch id follows the old ones', async () => {
    const { indexedDB } = await databaseAt(1);
    const db = await openBlockledgerDb({ name: 'upgrade', indexedDB, IDBKeyRange });
    const { commit } = await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 100, { contractId: 'C1' }), entry('E9', '2026-01-09', 10)], files: [fileOf('new', [2])] }));
    expect(commit).toMatchObject({ ok: true, batchId: 2, counts: { entries: { added: 1, unchanged: 1 } } });
  });
});

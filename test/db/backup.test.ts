import { describe, expect, it } from 'vitest';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { exportBackup, readBackup, restoreBackup } from '../../renderer/src/db/backup';
import { revertBatch } from '../../renderer/src/db/revert-batch';
import { putSetting, saveProfile } from '../../renderer/src/db/preferences';
import { listAuditEvents } from '../../renderer/src/db/audit';
import { loadPortfolio } from '../../renderer/src/db/load-store';
import { CLERK, addition, at, contract, draft, engineView, entry, fileOf, freshDb, importDraft, snapshot } from './helpers';

async function populated() {
  const db = await freshDb();
  await importDraft(db, draft({
    contracts: [contract('C1'), contract('__proto__')],
    additions: [{ addition: addition('C1', '2026-01-05', 500, { price: 45000 }), sourceId: 'A1' }],
    entries: [entry('E1', '2026-01-01', 100, { amount: 1999 }), entry('', '2026-01-02', 50, { contractId: null, notes: 'constructor' }), entry('E3', '2026-01-03', -25)],
    files: [fileOf('a.csv', [1])],
  }));
  await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 125)], files: [fileOf('b.csv', [2])] }), 'replace');
  await saveProfile(db, 'My sheet', { columns: [['Date', 'date']], decimal: ',' }, CLERK);
  await putSetting(db, 'rounding', { minutes: 15 }, CLERK);
  return db;
}

const RESTORER = at('2026-03-01T12:00:00.000Z', 'admin');

async function gzipParts(bytes: Uint8Array): Promise<{ header: Record<string, unknown>; payload: string }> {
  const text = strFromU8(gunzipSync(bytes));
  const newline = text.indexOf('\n');
  return { header: JSON.parse(text.slice(0, newline)) as Record<string, unknown>, payload: text.slice(newline + 1) };
}

async function craft(header: Record<string, unknown>, payload: string, fixChecksum = true): Promise<Uint8Array> {
  const payloadBytes = strToU8(payload);
  const digest = Buffer.from(await crypto.subtle.digest('SHA-256', payloadBytes as Uint8Array<ArrayBuffer>)).toString('hex');
  const fixed = fixChecksum ? { ...header, sha256: digest, size: payloadBytes.length } : header;
  return gzipSync(strToU8(`${JSON.stringify(fixed)}\n${payload}`));
}

/** Restoring `bytes` is refused with `message` and leaves the database as it was. */
async function expectRefused(bytes: Uint8Array, message: string) {
  const target = await populated();
  const before = await snapshot(target);
  expect(await restoreBackup(target, bytes, RESTORER)).toEqual({ ok: false, code: 'invalid-backup', message: `This backup cannot be restored: ${message}. The database was not changed.` });
  expect(await snapshot(target)).toEqual(before);
}

describe('database backups', () => {
  it('round trip: export, restore into another database, every table equal plus one restore event', async () => {
    const source = await populated();
    const bytes = await exportBackup(source, '2026-02-28T18:00:00.000Z');
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]);
    const target = await freshDb();
    await importDraft(target, draft({ contracts: [contract('OTHER')], files: [fileOf('other', [9])] }));
    const result = await restoreBackup(target, bytes, RESTORER);
    expect(result).toMatchObject({ ok: true, header: { schemaVersion: 4, createdAt: '2026-02-28T18:00:00.000Z', format: 'blockledger-backup' } });
    const [expected, actual] = [await snapshot(source), await snapshot(target)];
    const restoreEvent = actual.audit?.pop();
    expect(actual).toEqual(expected);
    expect(restoreEvent).toMatchObject({ action: 'restore', who: 'admin', at: '2026-03-01T12:00:00.000Z', summary: 'Restored the backup of 2026-02-28T18:00:00.000Z: 2 import batches, 2 contracts.' });
    expect(await engineView(target)).toEqual(await engineView(source));
    expect((await loadPortfolio(target)).entries.find((e) => e.id === 'E1')).toMatchObject({ hours: 125, amount: null });
  });

  it('a restored database keeps working: revert and import continue from its batches', async () => {
    const target = await freshDb();
    await restoreBackup(target, await exportBackup(await populated(), '2026-02-28T18:00:00.000Z'), RESTORER);
    expect(await revertBatch(target, 2, CLERK)).toMatchObject({ ok: true });
    expect((await loadPortfolio(target)).entries.find((e) => e.id === 'E1')).toMatchObject({ hours: 100, amount: 1999 });
    const { commit } = await importDraft(target, draft({ entries: [entry('E7', '2026-01-07', 10)], files: [fileOf('c.csv', [3])] }));
    expect(commit).toMatchObject({ ok: true, batchId: 3 });
    expect((await listAuditEvents(target))[0]).toMatchObject({ action: 'import', batchId: 3 });
  });

  describe('a bad backup is refused with a clear message and the database untouched', () => {
    it('bad checksum (contents changed, gzip still valid)', async () => {
      const { header, payload } = await gzipParts(await exportBackup(await populated(), 'now'));
      await expectRefused(await craft(header, payload.replace('"hours":[125]', '"hours":[999]'), false), 'its checksum does not match, so the file was changed or damaged after it was written');
    });

    it('a flipped bit in the compressed data', async () => {
      const bytes = await exportBackup(await populated(), 'now');
      const flipped = bytes.slice();
      const middle = Math.floor(flipped.length / 2);
      flipped[middle] = (flipped[middle] as number) ^ 0x10;
      const result = await restoreBackup(await freshDb(), flipped, RESTORER);
      expect(result).toMatchObject({ ok: false, code: 'invalid-backup' });
    });

    it('truncated gzip', async () => {
      const bytes = await exportBackup(await populated(), 'now');
      await expectRefused(bytes.subarray(0, bytes.length - 40), 'the file is damaged or incomplete (its compressed data does not read back)');
    });

    it('made by a newer schema version', async () => {
      const { header, payload } = await gzipParts(await exportBackup(await populated(), 'now'));
      await expectRefused(await craft({ ...header, schemaVersion: 5 }, payload.replace('"schemaVersion":4', '"schemaVersion":5')), 'it was made by a newer Blockledger (database version 5; this one reads up to 4)');
    });

    it('header and contents disagree on the version', async () => {
      const { header, payload } = await gzipParts(await exportBackup(await populated(), 'now'));
      await expectRefused(await craft({ ...header, schemaVersion: 2 }, payload), 'its header and its contents disagree on the database version');
    });

    it('not a backup at all', async () => {
      await expectRefused(strToU8('id,date\n1,2026-01-01\n'), 'it is not a Blockledger backup file');
      await expectRefused(gzipSync(strToU8('{"hello":"world"}\n{}')), 'it is not a Blockledger backup file');
    });

    it('a table with damaged rows', async () => {
      const { header, payload } = await gzipParts(await exportBackup(await populated(), 'now'));
      await expectRefused(await craft(header, payload.replace('"customer":[0,0,0]', '"customer":[0,7,0]')), 'table "entryChunks", row 1: column "customer" points outside its dictionary');
      // A code a dictionary of that size could hold, but past any real chunk's (codes are kept in 16 bits: it would wrap to a valid one).
      const wide = payload.replace('"customer":[0,0,0]', '"customer":[0,65536,0]').replace(/"customerDict":\[(.*?)\]/, (_, names: string) => `"customerDict":[${names}${',"x"'.repeat(65536)}]`);
      await expectRefused(await craft(header, wide), 'table "entryChunks", row 1: column "customer" points outside its dictionary');
      await expectRefused(await craft(header, payload.replace('"count":3', '"count":16385')), 'table "entryChunks", row 1: "count" is not a row count (0 to 16384)');
      await expectRefused(await craft(header, payload.replace(/"contracts":\[.*?\],"additions"/, '"contracts":[{"key":1}],"additions"')), 'table "contracts", row 1: "key" is not a string');
    });
  });

  it('a v1 backup (profiles among the settings) is restored at the current version', async () => {
    const payload = JSON.stringify({
      schemaVersion: 1,
      tables: { contracts: [], additions: [], batches: [], entryChunks: [], audit: [], settings: [{ key: 'theme', value: 'dark' }, { key: 'profile:Old', value: { columns: [] } }] },
    });
    const target = await freshDb();
    const result = await restoreBackup(target, await craft({ format: 'blockledger-backup', version: 1, schemaVersion: 1, createdAt: '2025-12-01T00:00:00.000Z' }, payload), RESTORER);
    expect(result).toMatchObject({ ok: true });
    expect(await target.settings.toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
    expect(await target.profiles.toArray()).toEqual([{ name: 'Old', definition: { columns: [] }, updatedAt: null }]);
  });

  it('a v3 backup (tickets and notes one string per row) is restored at the current version with the same entries', async () => {
    const source = await populated();
    const { header, payload } = await gzipParts(await exportBackup(source, 'now'));
    const current = JSON.parse(payload) as { schemaVersion: number; tables: { entryChunks: Record<string, unknown>[] } };
    const v3 = {
      ...current,
      schemaVersion: 3,
      tables: {
        ...current.tables,
        entryChunks: current.tables.entryChunks.map(({ ticketDict, notesDict, ...chunk }) => ({
          ...chunk,
          ticket: (chunk.ticket as number[]).map((code) => (ticketDict as string[])[code]),
          notes: (chunk.notes as number[]).map((code) => (notesDict as string[])[code]),
        })),
      },
    };
    const target = await freshDb();
    expect(await restoreBackup(target, await craft({ ...header, schemaVersion: 3 }, JSON.stringify(v3)), RESTORER)).toMatchObject({ ok: true });
    expect(await engineView(target)).toEqual(await engineView(source));
    // A v3 chunk whose notes do not match its rows is refused, as any damaged column.
    const damaged = { ...v3, tables: { ...v3.tables, entryChunks: v3.tables.entryChunks.map((chunk, index) => (index === 0 ? { ...chunk, notes: ['only one'] } : chunk)) } };
    await expectRefused(await craft({ ...header, schemaVersion: 3 }, JSON.stringify(damaged)), 'table "entryChunks", row 1: column "notes" is damaged');
  });

  it('readBackup checks bytes without any database', async () => {
    const read = await readBackup(await exportBackup(await populated(), '2026-02-28T18:00:00.000Z'));
    expect(read.ok && read.tables.entryChunks.map((chunk) => chunk.count)).toEqual([3, 1]);
  });
});

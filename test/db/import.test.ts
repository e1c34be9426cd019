import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { prepareImport } from '../../renderer/src/db/prepare-import';
import { commitImport } from '../../renderer/src/db/commit-import';
import { loadPortfolio } from '../../renderer/src/db/load-store';
import { listBatches } from '../../renderer/src/db/batches';
import { listAuditEvents } from '../../renderer/src/db/audit';
import { CLERK, addition, contract, draft, engineView, entry, fileOf, freshDb, importDraft } from './helpers';

const JAN_1_15 = Array.from({ length: 15 }, (_, i) => entry(`E${i + 1}`, `2026-01-${String(i + 1).padStart(2, '0')}`, 100 + i));
const JAN_10_31 = Array.from({ length: 22 }, (_, i) => entry(`E${i + 10}`, `2026-01-${String(i + 10).padStart(2, '0')}`, 100 + i + 9));

describe('idempotent imports', () => {
  it('importing the same file twice is a no-op that names the first batch', async () => {
    const db = await freshDb();
    const first = draft({ contracts: [contract('C1')], entries: JAN_1_15 });
    const { commit } = await importDraft(db, first);
    expect(commit).toMatchObject({ ok: true, batchId: 1 });
    const before = await engineView(db);
    const again = await prepareImport(db, first);
    expect(again).toEqual({ kind: 'already-imported', batchIds: [1], message: 'Already imported as batch 1; nothing was changed.' });
    expect(await engineView(db)).toEqual(before);
    expect(await listBatches(db)).toHaveLength(1);
  });

  it('the same rows in a different file add nothing (record keys)', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ contracts: [contract('C1')], entries: JAN_1_15, files: [fileOf('a.csv', ['a'])] }));
    const before = await engineView(db);
    const { preview, commit } = await importDraft(db, draft({ contracts: [contract('C1')], entries: JAN_1_15, files: [fileOf('b.csv', ['b'])] }));
    expect(preview.kind === 'plan' && preview.summary).toEqual({
      contracts: { new: 0, unchanged: 1, conflicts: 0 }, additions: { new: 0, unchanged: 0, conflicts: 0 }, entries: { new: 0, unchanged: 15, conflicts: 0 },
    });
    expect(commit).toMatchObject({ ok: true, counts: { entries: { added: 0, unchanged: 15, replaced: 0, kept: 0 } } });
    expect(await engineView(db)).toEqual(before);
  });

  it('overlapping exports (1–15 Jan, then 10–31 Jan) count each entry once', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ entries: JAN_1_15, files: [fileOf('jan-1-15.csv', JAN_1_15)] }));
    const { commit } = await importDraft(db, draft({ entries: JAN_10_31, files: [fileOf('jan-10-31.csv', JAN_10_31)] }));
    expect(commit).toMatchObject({ ok: true, counts: { entries: { added: 16, unchanged: 6 } } });
    const { entries } = await loadPortfolio(db);
    expect(entries.map((e) => e.id).sort()).toEqual(Array.from({ length: 31 }, (_, i) => `E${i + 1}`).sort());
    expect(entries.reduce((sum, e) => sum + e.hours, 0)).toBe([...JAN_1_15, ...JAN_10_31.slice(6)].reduce((sum, e) => sum + e.hours, 0));
  });

  it('rows without a source id: identical rows stay two, and re-importing them (overlapping) keeps exactly two', async () => {
    const db = await freshDb();
    const twin = entry('', '2026-01-05', 150);
    const other = entry('', '2026-01-06', 75);
    await importDraft(db, draft({ entries: [twin, twin, other], files: [fileOf('first.csv', [1])] }));
    const { commit } = await importDraft(db, draft({ entries: [other, twin, twin, entry('', '2026-01-20', 50)], files: [fileOf('second.csv', [2])] }));
    expect(commit).toMatchObject({ ok: true, counts: { entries: { added: 1, unchanged: 3 } } });
    const { entries } = await loadPortfolio(db);
    expect(entries.filter((e) => e.date === '2026-01-05')).toHaveLength(2);
    expect(entries).toHaveLength(4);
    expect(new Set(entries.map((e) => e.id)).size).toBe(4);
    expect(entries.every((e) => e.id.startsWith('row:'))).toBe(true);
  });

  it('additions are keyed by the source id when there is one, else by content', async () => {
    const db = await freshDb();
    const a = addition('C1', '2026-01-10', 1000);
    await importDraft(db, draft({ additions: [{ addition: a, sourceId: '77' }, { addition: a, sourceId: null }], files: [fileOf('1', [1])] }));
    const { preview } = await importDraft(db, draft({ additions: [{ addition: { ...a, quantity: 1500 }, sourceId: '77' }, { addition: a, sourceId: null }], files: [fileOf('2', [2])] }));
    expect(preview.kind === 'plan' && preview.summary.additions).toEqual({ new: 0, unchanged: 1, conflicts: 1 });
  });

  it('keys are scoped by source: the same id from another system is another record', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ source: 'connectwise', entries: [entry('1', '2026-01-02', 100)], files: [fileOf('cw', [1])] }));
    await importDraft(db, draft({ source: 'autotask', entries: [entry('1', '2026-01-02', 100)], files: [fileOf('at', [2])] }));
    expect((await loadPortfolio(db)).entries).toHaveLength(2);
  });
});

describe('conflicts: same key, different content', () => {
  async function seeded() {
    const db = await freshDb();
    await importDraft(db, draft({ contracts: [contract('C1')], entries: JAN_1_15, files: [fileOf('v1', [1])] }));
    const changed = draft({
      contracts: [contract('C1', { allowance: 2000 })],
      entries: [entry('E3', '2026-01-03', 125), entry('E4', '2026-01-04', 103), entry('E99', '2026-01-20', 50)],
      files: [fileOf('v2', [2])],
    });
    return { db, changed };
  }

  it('are returned side by side with the batch that holds the stored version', async () => {
    const { db, changed } = await seeded();
    const preview = await prepareImport(db, changed);
    if (preview.kind !== 'plan') throw new Error('expected a plan');
    expect(preview.conflicts.map((c) => [c.recordType, c.key, c.existingBatchId])).toEqual([
      ['contract', 'canonical|contract|id:C1', 1],
      ['entry', 'canonical|entry|id:E3', 1],
    ]);
    const e3 = preview.conflicts[1];
    expect(e3?.recordType === 'entry' && [e3.existing.hours, e3.incoming.hours]).toEqual([102, 125]);
  });

  it('cannot be committed undecided, and nothing is written', async () => {
    const { db, changed } = await seeded();
    const before = await engineView(db);
    const preview = await prepareImport(db, changed);
    if (preview.kind !== 'plan') throw new Error('expected a plan');
    const result = await commitImport(db, preview, new Map([['canonical|contract|id:C1', 'keep']]), CLERK);
    expect(result).toMatchObject({ ok: false, code: 'undecided' });
    expect(await engineView(db)).toEqual(before);
    expect(await listBatches(db)).toHaveLength(1);
  });

  it('"keep" leaves the stored version; "replace" swaps it, never a second row', async () => {
    const { db, changed } = await seeded();
    const preview = await prepareImport(db, changed);
    if (preview.kind !== 'plan') throw new Error('expected a plan');
    const result = await commitImport(db, preview, new Map([['canonical|contract|id:C1', 'keep'], ['canonical|entry|id:E3', 'replace']]), CLERK);
    expect(result).toMatchObject({ ok: true, counts: { contracts: { kept: 1, replaced: 0 }, entries: { added: 1, replaced: 1, unchanged: 1 } } });
    const { contracts, entries } = await loadPortfolio(db);
    expect(contracts).toEqual([contract('C1')]);
    expect(entries.filter((e) => e.id === 'E3')).toEqual([entry('E3', '2026-01-03', 125)]);
    expect(entries).toHaveLength(16);
  });

  it('a key twice in one import with different values is an issue; the first is used', async () => {
    const db = await freshDb();
    const preview = await prepareImport(db, draft({ entries: [entry('E1', '2026-01-01', 100), entry('E1', '2026-01-01', 125), entry('E1', '2026-01-01', 100)], rejectedRows: 2 }));
    if (preview.kind !== 'plan') throw new Error('expected a plan');
    expect(preview.issues).toEqual([expect.objectContaining({ code: 'duplicate-key', severity: 'error', line: null })]);
    expect(preview.issues[0]?.message).toContain('Entry "E1" appears more than once');
    expect(preview.rejectedRows).toBe(3);
    expect(preview.summary.entries).toEqual({ new: 1, unchanged: 1, conflicts: 0 });
  });
});

describe('commit', () => {
  it('refuses a stale preview (something was committed since) and writes nothing', async () => {
    const db = await freshDb();
    const stale = await prepareImport(db, draft({ entries: [entry('E1', '2026-01-01', 100)], files: [fileOf('x', [1])] }));
    await importDraft(db, draft({ entries: [entry('E2', '2026-01-02', 100)], files: [fileOf('y', [2])] }));
    if (stale.kind !== 'plan') throw new Error('expected a plan');
    const result = await commitImport(db, stale, new Map(), CLERK);
    expect(result).toMatchObject({ ok: false, code: 'stale' });
    expect((await loadPortfolio(db)).entries.map((e) => e.id)).toEqual(['E2']);
  });

  it('writes the batch header with files, SHA-256s, counts, time and who, plus one audit event', async () => {
    const db = await freshDb();
    const file = fileOf('time.csv', [1]);
    await importDraft(db, draft({ contracts: [contract('C1')], entries: JAN_1_15, files: [file], rejectedRows: 4 }), 'keep', { who: 'bob', now: '2026-03-04T05:06:07.000Z' });
    const [batch] = await listBatches(db);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', file.bytes as Uint8Array<ArrayBuffer>)).toString('hex');
    expect(batch).toMatchObject({
      id: 1, createdAt: '2026-03-04T05:06:07.000Z', who: 'bob', source: 'canonical', status: 'committed',
      files: [{ name: 'time.csv', sha256: digest, size: file.bytes.length }], fileHashes: [digest],
      counts: { contracts: { added: 1 }, entries: { added: 15 }, rejected: 4 },
    });
    expect(await listAuditEvents(db)).toEqual([{
      id: 1, at: '2026-03-04T05:06:07.000Z', who: 'bob', action: 'import', batchId: 1,
      summary: 'Imported batch 1 from canonical (time.csv): contracts: 1 added; entries: 15 added; 4 rows rejected.',
    }]);
  });

  it('runs in a strict-durability transaction (reliability.md DB-2)', async () => {
    const db = await freshDb();
    const seen: string[] = [];
    db.entryChunks.hook('creating', () => {
      seen.push((Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans.durability);
    });
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 100)] }));
    expect(seen).toEqual(['strict']);
  });

  it('stores entries across chunks of at most 10,000 rows', async () => {
    const db = await freshDb();
    const many = Array.from({ length: 25_001 }, (_, i) => entry(`N${i}`, '2026-01-01', i % 500, { contractId: `C${i % 3}` }));
    await importDraft(db, draft({ entries: many }));
    const chunks = await db.entryChunks.toArray();
    expect(chunks.map((chunk) => chunk.count)).toEqual([10_000, 10_000, 5_001]);
    // Grouped by contract, so each chunk names few contracts.
    expect(chunks.map((chunk) => chunk.contractDict)).toEqual([['C0', 'C1'], ['C1', 'C2'], ['C2']]);
    const back = (await loadPortfolio(db)).entries;
    expect(back.length).toBe(many.length);
    expect(back.map((e) => e.id).sort().join()).toBe(many.map((e) => e.id).sort().join());
  });
});

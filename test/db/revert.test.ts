import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../../renderer/src/core/model';
import { prepareImport } from '../../renderer/src/db/prepare-import';
import { revertBatch } from '../../renderer/src/db/revert-batch';
import { listBatches, revertBlockers } from '../../renderer/src/db/batches';
import { listAuditEvents } from '../../renderer/src/db/audit';
import { loadPortfolio } from '../../renderer/src/db/load-store';
import { reconcile } from '../../renderer/src/core/reconcile';
import { CLERK, addition, at, contract, draft, engineView, entry, fileOf, freshDb, importDraft } from './helpers';

describe('reverting a batch', () => {
  it('restores the store to what it was before the import, keeps the batch as reverted, and logs it', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ contracts: [contract('C1')], entries: [entry('E1', '2026-01-01', 100), entry('E2', '2026-01-02', 100)], files: [fileOf('a', [1])] }));
    const before = await engineView(db);
    const balances = async () => reconcile({ ...(await loadPortfolio(db)), asOf: '2026-01-31' }).contracts.map((c) => [c.id, c.balance]);
    const balancesBefore = await balances();
    await importDraft(db, draft({
      contracts: [contract('C1', { allowance: 5 }), contract('C2')],
      additions: [{ addition: addition('C2', '2026-01-03', 800), sourceId: 'A1' }],
      entries: [entry('E2', '2026-01-02', 175), entry('E3', '2026-01-03', 50)],
      files: [fileOf('b', [2])],
    }), 'replace');
    expect((await loadPortfolio(db)).contracts.map((c) => c.allowance)).toEqual([5, 1000]);
    expect(await balances()).not.toEqual(balancesBefore);
    const result = await revertBatch(db, 2, at('2026-02-02T10:00:00.000Z', 'ann'));
    expect(result).toEqual({ ok: true, batchId: 2 });
    expect(await engineView(db)).toEqual(before);
    expect(await balances()).toEqual(balancesBefore);
    expect(await db.entryChunks.where('batchId').equals(2).count()).toBe(0);
    const [reverted] = await listBatches(db);
    expect(reverted).toMatchObject({ id: 2, status: 'reverted', revertedAt: '2026-02-02T10:00:00.000Z' });
    expect((await listAuditEvents(db))[0]).toMatchObject({ action: 'revert', batchId: 2, who: 'ann', at: '2026-02-02T10:00:00.000Z' });
  });

  it('is refused while a later batch replaced some of its records, naming the batch to revert first', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 100)], files: [fileOf('1', [1])] }));
    await importDraft(db, draft({ contracts: [contract('C1')], files: [fileOf('2', [2])] }));
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 150)], files: [fileOf('3', [3])] }), 'replace');
    await importDraft(db, draft({ contracts: [contract('C1', { allowance: 1 })], files: [fileOf('4', [4])] }), 'replace');
    const before = await engineView(db);
    expect(await revertBatch(db, 1, CLERK)).toEqual({
      ok: false, code: 'blocked', blockedBy: [3],
      message: 'Batch 1 cannot be reverted yet: later imports changed some of its records. Revert batch 3 first.',
    });
    expect(await revertBatch(db, 2, CLERK)).toMatchObject({ ok: false, code: 'blocked', blockedBy: [4] });
    expect(await engineView(db)).toEqual(before);
    expect(await revertBatch(db, 3, CLERK)).toEqual({ ok: true, batchId: 3 });
    expect((await loadPortfolio(db)).entries.map((e) => e.hours)).toEqual([100]);
    expect(await revertBatch(db, 1, CLERK)).toEqual({ ok: true, batchId: 1 });
    expect((await loadPortfolio(db)).entries).toEqual([]);
  });

  it('is not blocked by a later batch that kept the stored version or only repeated it', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 100)], files: [fileOf('1', [1])] }));
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 150)], files: [fileOf('2', [2])] }), 'keep');
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 100)], files: [fileOf('3', [3])] }));
    const [, , first] = await listBatches(db);
    expect(first && (await revertBlockers(db, first))).toEqual([]);
    expect(await revertBatch(db, 1, CLERK)).toMatchObject({ ok: true });
  });

  it('refuses unknown and already reverted batches', async () => {
    const db = await freshDb();
    await importDraft(db, draft({ entries: [entry('E1', '2026-01-01', 100)] }));
    expect(await revertBatch(db, 9, CLERK)).toMatchObject({ ok: false, code: 'not-found', message: 'There is no import batch 9.' });
    await revertBatch(db, 1, at('2026-02-03T00:00:00.000Z'));
    expect(await revertBatch(db, 1, CLERK)).toMatchObject({ ok: false, code: 'already-reverted', message: 'Batch 1 was already reverted on 2026-02-03T00:00:00.000Z.' });
  });

  it('a reverted file can be imported again, as a new batch', async () => {
    const db = await freshDb();
    const file = draft({ entries: [entry('E1', '2026-01-01', 100)] });
    await importDraft(db, file);
    await revertBatch(db, 1, CLERK);
    const again = await importDraft(db, file);
    expect(again.commit).toMatchObject({ ok: true, batchId: 2 });
    expect((await loadPortfolio(db)).entries).toHaveLength(1);
  });
});

// Small id and value spaces so random batches overlap, repeat and conflict.
const entryArb: fc.Arbitrary<Entry> = fc.record({
  id: fc.constantFrom('', 'E1', 'E2', 'E3', 'E4', 'E5'),
  day: fc.integer({ min: 1, max: 5 }),
  hours: fc.constantFrom(25, 50, 100),
  contractId: fc.constantFrom('C1', 'C2', null),
}).map(({ id, day, hours, contractId }) => entry(id, `2026-01-0${day}`, hours, { contractId }));

const batchArb = fc.record({
  source: fc.constantFrom('canonical', 'connectwise'),
  contracts: fc.uniqueArray(fc.record({ id: fc.constantFrom('C1', 'C2', 'C3'), allowance: fc.constantFrom(500, 1000) }), { selector: (c) => c.id, maxLength: 3 }),
  additions: fc.array(fc.record({ sourceId: fc.constantFrom('A1', 'A2', null), quantity: fc.constantFrom(100, 200) }), { maxLength: 3 }),
  entries: fc.array(entryArb, { maxLength: 8 }),
  decide: fc.constantFrom('keep' as const, 'replace' as const),
});

type Batch = typeof batchArb extends fc.Arbitrary<infer T> ? T : never;

describe('property: import then revert = before', () => {
  it('holds for any prior history of imports and any conflict decisions', async () => {
    await fc.assert(fc.asyncProperty(fc.array(batchArb, { maxLength: 4 }), batchArb, async (history, last) => {
      const db = await freshDb();
      let n = 0;
      const run = (batch: Batch) => importDraft(db, draft({
        source: batch.source,
        contracts: batch.contracts.map((c) => contract(c.id, { allowance: c.allowance })),
        additions: batch.additions.map((a) => ({ addition: addition('C1', '2026-01-02', a.quantity), sourceId: a.sourceId })),
        entries: batch.entries,
        files: [fileOf(`f${n}`, [n++])],
      }), batch.decide);
      for (const batch of history) await run(batch);
      const before = await engineView(db);
      const chunksBefore = await db.entryChunks.toArray();
      const { commit } = await run(last);
      if (!commit?.ok) throw new Error('the import should commit');
      expect(await revertBatch(db, commit.batchId, CLERK)).toEqual({ ok: true, batchId: commit.batchId });
      expect(await engineView(db)).toEqual(before);
      expect(await db.entryChunks.toArray()).toEqual(chunksBefore);
    }), { numRuns: 60 });
  });

  it('reverting every batch newest first walks back through every earlier state', async () => {
    await fc.assert(fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 4 }), async (history) => {
      const db = await freshDb();
      const views = [await engineView(db)];
      for (const [i, batch] of history.entries()) {
        await importDraft(db, draft({ source: batch.source, entries: batch.entries, contracts: batch.contracts.map((c) => contract(c.id, { allowance: c.allowance })), files: [fileOf(`f${i}`, [i])] }), batch.decide);
        views.push(await engineView(db));
      }
      for (let id = history.length; id >= 1; id--) {
        expect(await revertBatch(db, id, CLERK)).toMatchObject({ ok: true });
        expect(await engineView(db)).toEqual(views[id - 1]);
      }
      expect(await prepareImport(db, draft({ files: [fileOf('f0', [0])] }))).toMatchObject({ kind: 'plan' });
    }), { numRuns: 30 });
  });
});

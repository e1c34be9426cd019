// reliability.md DB-1/DB-3: a write that fails anywhere inside the import or
// revert transaction leaves the database exactly as it was.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { prepareImport } from '../../renderer/src/db/prepare-import';
import { commitImport } from '../../renderer/src/db/commit-import';
import { revertBatch } from '../../renderer/src/db/revert-batch';
import { CLERK, addition, contract, draft, entry, failNthWrite, fileOf, freshDb, importDraft, snapshot } from './helpers';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function seededWithPendingImport() {
  const db = await freshDb();
  await importDraft(db, draft({ contracts: [contract('C1')], entries: [entry('E1', '2026-01-01', 100)], files: [fileOf('old', [0])] }));
  const pending = draft({
    contracts: [contract('C2')],
    additions: [{ addition: addition('C1', '2026-01-05', 500), sourceId: null }],
    entries: Array.from({ length: 2_500 }, (_, i) => entry(`N${i}`, '2026-01-02', 25)),
    files: [fileOf('new', [1])],
  });
  const plan = await prepareImport(db, pending);
  if (plan.kind !== 'plan') throw new Error('expected a plan');
  return { db, plan };
}

describe('a failing import transaction leaves nothing', () => {
  it('a quota error on any write of the commit: storage failure, database unchanged', async () => {
    // The commit writes five times: batch, contracts, additions, chunks, audit event.
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 5 }), async (failAt) => {
      const { db, plan } = await seededWithPendingImport();
      const before = await snapshot(db);
      await failNthWrite(db, failAt, quota);
      const result = await commitImport(db, plan, new Map(), CLERK);
      expect(result).toEqual({
        ok: false, code: 'storage',
        message: 'The import was not saved: the disk is full or the storage quota is used up. Nothing was written; free some disk space and try again.',
      });
      expect(await snapshot(db)).toEqual(before);
    }), { numRuns: 10 });
  });

  it('an exception mid-transaction propagates and nothing of the batch is written', async () => {
    const { db, plan } = await seededWithPendingImport();
    const before = await snapshot(db);
    await failNthWrite(db, 3, () => new TypeError('bug in a hook'));
    await expect(commitImport(db, plan, new Map(), CLERK)).rejects.toThrow('bug in a hook');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a failed commit can be retried with the same plan once the cause is gone', async () => {
    const { db, plan } = await seededWithPendingImport();
    await failNthWrite(db, 4, quota);
    expect(await commitImport(db, plan, new Map(), CLERK)).toMatchObject({ ok: false, code: 'storage' });
    expect(await commitImport(db, plan, new Map(), CLERK)).toMatchObject({ ok: true, batchId: 2 });
  });

  it('a quota error during a revert leaves the batch in place', async () => {
    const { db, plan } = await seededWithPendingImport();
    await commitImport(db, plan, new Map(), CLERK);
    const before = await snapshot(db);
    await failNthWrite(db, 3, quota);
    expect(await revertBatch(db, 2, CLERK)).toMatchObject({ ok: false, code: 'storage' });
    expect(await snapshot(db)).toEqual(before);
  });
});

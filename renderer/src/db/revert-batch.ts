// Reverting an import batch (issue 3, reliability.md IDM-3): in one
// transaction, the records it inserted are removed, the ones it replaced get
// their previous version back, its entry chunks are dropped (rows it hid in
// earlier batches show again), and the batch stays in the history marked
// reverted, with an audit event. Its files can then be imported again.
import type { BlockledgerDb, ChangeContext, ImportBatch } from './schema';
import { auditEvent } from './audit';
import { revertBlockers } from './batches';
import { storeFailure, type StoreFailure } from './store-failure';

export type RevertResult =
  | { readonly ok: true; readonly batchId: number }
  | { readonly ok: false; readonly code: 'not-found' | 'already-reverted' | 'blocked'; readonly message: string; readonly blockedBy: readonly number[] }
  | StoreFailure;

class RevertRefused extends Error {
  constructor(readonly result: Extract<RevertResult, { code: 'not-found' | 'already-reverted' | 'blocked' }>) {
    super(result.message);
  }
}

function refuse(code: 'not-found' | 'already-reverted' | 'blocked', message: string, blockedBy: readonly number[] = []): never {
  throw new RevertRefused({ ok: false, code, message, blockedBy });
}

async function undoBatch(db: BlockledgerDb, batch: ImportBatch, context: ChangeContext): Promise<void> {
  const { contracts, additions } = batch.undo;
  await db.contracts.bulkDelete(contracts.filter((undo) => undo.previous === null).map((undo) => undo.key));
  await db.contracts.bulkPut(contracts.flatMap((undo) => (undo.previous ? [undo.previous] : [])));
  await db.additions.bulkDelete(additions.filter((undo) => undo.previous === null).map((undo) => undo.key));
  await db.additions.bulkPut(additions.flatMap((undo) => (undo.previous ? [undo.previous] : [])));
  await db.entryChunks.where('batchId').equals(batch.id).delete();
  await db.batches.put({ ...batch, status: 'reverted', revertedAt: context.now });
  const entries = batch.counts.entries.added + batch.counts.entries.replaced;
  await db.audit.add(auditEvent(context, 'revert', batch.id, `Reverted batch ${batch.id} from ${batch.source}: ${entries} entries and ${contracts.length + additions.length} contract/addition records undone.`));
}

/** Reverts a batch if it is the newest to touch its records; all or nothing. */
export async function revertBatch(db: BlockledgerDb, batchId: number, context: ChangeContext): Promise<RevertResult> {
  try {
    await db.transaction('rw', [db.batches, db.contracts, db.additions, db.entryChunks, db.audit], async () => {
      const batch = await db.batches.get(batchId);
      if (!batch) refuse('not-found', `There is no import batch ${batchId}.`);
      if (batch.status === 'reverted') refuse('already-reverted', `Batch ${batchId} was already reverted on ${batch.revertedAt}.`);
      const blockers = await revertBlockers(db, batch);
      if (blockers.length > 0) {
        const names = blockers.map((id) => `batch ${id}`).join(', then ');
        refuse('blocked', `Batch ${batchId} cannot be reverted yet: later imports changed some of its records. Revert ${names} first.`, blockers);
      }
      await undoBatch(db, batch, context);
    });
  } catch (error) {
    if (error instanceof RevertRefused) return error.result;
    return storeFailure(error, `Batch ${batchId} was not reverted`);
  }
  return { ok: true, batchId };
}

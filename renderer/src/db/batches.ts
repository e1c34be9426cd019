// Import batch history and the revert rule: a batch can be reverted only
// while it is the newest committed batch touching each of its records; else
// the later batches that changed them must be reverted first (newest first).
// This keeps revert exact: the store returns to precisely its state before the
// import, so balances recomputed afterwards equal those before it.
import type { BlockledgerDb, ImportBatch } from './schema';

/** All batches, newest first, for the batch history screen. */
export async function listBatches(db: BlockledgerDb): Promise<ImportBatch[]> {
  return db.batches.orderBy(':id').reverse().toArray();
}

/** Later committed batches that changed records of `batch`, newest first; empty when it can be reverted. */
export async function revertBlockers(db: BlockledgerDb, batch: ImportBatch): Promise<number[]> {
  const blockers = new Set<number>();
  const [contracts, additions] = await Promise.all([
    db.contracts.bulkGet(batch.undo.contracts.map((undo) => undo.key)),
    db.additions.bulkGet(batch.undo.additions.map((undo) => undo.key)),
  ]);
  for (const row of [...contracts, ...additions]) if (row && row.batchId !== batch.id) blockers.add(row.batchId);
  const later = await db.batches.where(':id').above(batch.id).toArray();
  for (const other of later) {
    if (other.status === 'committed' && other.undo.supersededEntries.some((hidden) => hidden.batchId === batch.id)) blockers.add(other.id);
  }
  return [...blockers].sort((a, b) => b - a);
}

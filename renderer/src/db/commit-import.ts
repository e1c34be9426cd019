// Commits a previewed import in one read-write transaction (reliability.md
// DB-1): the batch header, contract and addition rows, entry chunks and the
// audit event are all built first; inside the transaction only Dexie calls
// are awaited, so a crash, a quota error or any exception leaves nothing.
import type { Addition, Contract } from '../core/model';
import type { BatchCounts, BlockledgerDb, ChangeContext, ImportBatch, RecordCounts, RecordUndo, StoredRecord, SupersededEntries } from './schema';
import type { EntryPlan, ImportPlan, SortedRecords } from './prepare-import';
import { auditEvent, currentRevision } from './audit';
import { encodeEntryChunks, type EntryRows } from './entry-chunks';
import { StaleStoreError, storeFailure, type StoreFailure } from './store-failure';

export type ConflictDecision = 'keep' | 'replace';

/** The clerk's decision per conflicting record key. */
export type ConflictDecisions = ReadonlyMap<string, ConflictDecision>;

export type CommitResult =
  | { readonly ok: true; readonly batchId: number; readonly counts: BatchCounts }
  | { readonly ok: false; readonly code: 'undecided'; readonly message: string }
  | StoreFailure;

interface Applied<T> {
  readonly write: StoredRecord<T>[];
  readonly undo: RecordUndo<T>[];
  readonly counts: RecordCounts;
}

/** The rows a contract/addition table receives and how to undo them. */
function applyDecisions<T>(sorted: SortedRecords<T>, decisions: ConflictDecisions, batchId: number): Applied<T> {
  const write: StoredRecord<T>[] = [];
  const undo: RecordUndo<T>[] = [];
  for (const { key, value } of sorted.fresh) {
    write.push({ key, batchId, value });
    undo.push({ key, previous: null });
  }
  let replaced = 0;
  for (const { incoming, existing } of sorted.conflicts) {
    if (decisions.get(incoming.key) !== 'replace') continue;
    write.push({ key: incoming.key, batchId, value: incoming.value });
    undo.push({ key: incoming.key, previous: { key: incoming.key, batchId: existing.batchId, value: existing.value } });
    replaced++;
  }
  const counts = { added: sorted.fresh.length, replaced, kept: sorted.conflicts.length - replaced, unchanged: sorted.unchanged };
  return { write, undo, counts };
}

/** The entry rows to store, in the draft's order, and the earlier batches' keys they hide. */
function applyEntryDecisions(plan: EntryPlan, decisions: ConflictDecisions) {
  const replacing = plan.conflicts.filter((conflict) => decisions.get(conflict.key) === 'replace');
  const hidden = new Map<number, string[]>();
  for (const conflict of replacing) {
    let keys = hidden.get(conflict.existingBatchId);
    if (!keys) hidden.set(conflict.existingBatchId, (keys = []));
    keys.push(conflict.key);
  }
  let positions = plan.fresh;
  if (replacing.length > 0) {
    positions = new Int32Array(plan.fresh.length + replacing.length);
    positions.set(plan.fresh);
    positions.set(replacing.map((conflict) => conflict.position), plan.fresh.length);
    positions.sort();
  }
  const superseded: SupersededEntries[] = [...hidden].map(([batchId, keys]) => ({ batchId, keys }));
  const counts: RecordCounts = { added: plan.fresh.length, replaced: replacing.length, kept: plan.conflicts.length - replacing.length, unchanged: plan.unchanged };
  const rows: EntryRows = { entries: plan.entries, keyParts: plan.keyParts, positions };
  return { rows, superseded, counts };
}

function describeCounts(noun: string, counts: RecordCounts): string | null {
  const parts = [['added', counts.added], ['unchanged', counts.unchanged], ['replaced', counts.replaced], ['kept as stored', counts.kept]] as const;
  const said = parts.filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
  return said.length === 0 ? null : `${noun}: ${said.join(', ')}`;
}

/** The audit sentence of an import. */
function importSummary(batch: ImportBatch): string {
  const files = batch.files.map((file) => file.name).join(', ') || 'no file';
  const parts = [
    describeCounts('contracts', batch.counts.contracts),
    describeCounts('additions', batch.counts.additions),
    describeCounts('entries', batch.counts.entries),
    batch.counts.rejected > 0 ? `${batch.counts.rejected} rows rejected` : null,
  ].filter((part) => part !== null);
  return `Imported batch ${batch.id} from ${batch.source} (${files})${parts.length ? `: ${parts.join('; ')}` : ''}.`;
}

/** Commits a plan with the clerk's conflict decisions; all or nothing. */
export async function commitImport(db: BlockledgerDb, plan: ImportPlan, decisions: ConflictDecisions, context: ChangeContext): Promise<CommitResult> {
  const undecided = plan.conflicts.filter((conflict) => !decisions.has(conflict.key));
  if (undecided.length > 0) {
    return { ok: false, code: 'undecided', message: `${undecided.length} conflicting records still need a decision (keep the stored version or replace it).` };
  }
  const contracts = applyDecisions<Contract>(plan.contracts, decisions, plan.batchId);
  const additions = applyDecisions<Addition>(plan.additions, decisions, plan.batchId);
  const entries = applyEntryDecisions(plan.entries, decisions);
  const chunks = encodeEntryChunks(entries.rows, plan.batchId, plan.source);
  const counts: BatchCounts = { contracts: contracts.counts, additions: additions.counts, entries: entries.counts, rejected: plan.rejectedRows };
  const batch: ImportBatch = {
    id: plan.batchId, createdAt: context.now, who: context.who, source: plan.source,
    files: plan.files, fileHashes: [...new Set(plan.files.map((file) => file.sha256))], counts,
    status: 'committed', revertedAt: null,
    undo: { contracts: contracts.undo, additions: additions.undo, supersededEntries: entries.superseded },
  };
  const event = auditEvent(context, 'import', batch.id, importSummary(batch));
  try {
    await db.transaction('rw', [db.batches, db.contracts, db.additions, db.entryChunks, db.audit], async () => {
      if ((await currentRevision(db)) !== plan.revision) throw new StaleStoreError();
      await db.batches.add(batch);
      await db.contracts.bulkPut(contracts.write);
      await db.additions.bulkPut(additions.write);
      await db.entryChunks.bulkAdd(chunks);
      await db.audit.add(event);
    });
  } catch (error) {
    return storeFailure(error, 'The import was not saved');
  }
  return { ok: true, batchId: batch.id, counts };
}

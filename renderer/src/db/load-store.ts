// Reading the store back for the engine: contracts, additions and entries in
// the shape of ReconcileInput (add `asOf`), with what the window needs beside
// them (each entry's import batch, the input's revision). `loadEntryColumns`
// hands out the chunks themselves for callers that can work column by column
// without a million Entry objects.
import type { Addition, Contract, Entry } from '../core/model';
import type { BlockledgerDb } from './schema';
import { inputRevision } from './audit';
import { entryAt } from './entry-chunks';
import { forEachLiveRowAsImported, liveRowCount, readLiveChunks, type LiveChunk } from './live-entries';

export interface StoredPortfolio {
  readonly contracts: Contract[];
  readonly additions: Addition[];
  readonly entries: Entry[];
  /** The import batch of each entry, position by position (the drill-down names it). */
  readonly batchIds: Int32Array;
  /** The revision of the engine's input when it was read (audit.ts inputRevision). */
  readonly revision: number;
}

/** Every visible entry chunk with its visible rows (see live-entries.ts). */
export async function loadEntryColumns(db: BlockledgerDb): Promise<LiveChunk[]> {
  return db.transaction('r', [db.entryChunks, db.batches], () => readLiveChunks(db));
}

/**
 * Everything the engine needs but the as-of date, read in one transaction:
 * `reconcile({ ...await loadPortfolio(db), asOf })`. Entries come batch by
 * batch in the order each was imported.
 */
export async function loadPortfolio(db: BlockledgerDb): Promise<StoredPortfolio> {
  return db.transaction('r', [db.contracts, db.additions, db.entryChunks, db.batches, db.audit], async () => {
    // The chunks are asked for first and their entries made while the contracts are still being read:
    // ten thousand contract records take IndexedDB longer than the hundred chunks of a million entries.
    const entries = loadEntryColumns(db).then(entriesAsImported);
    const [contracts, additions, revision, built] = await Promise.all([db.contracts.toArray(), db.additions.toArray(), inputRevision(db), entries]);
    return { contracts: contracts.map((row) => row.value), additions: additions.map((row) => row.value), ...built, revision };
  });
}

/** The visible entries, batch by batch in the order each was imported, with each one's batch. */
function entriesAsImported(live: readonly LiveChunk[]): Pick<StoredPortfolio, 'entries' | 'batchIds'> {
  const entries: Entry[] = [];
  const batchIds = new Int32Array(liveRowCount(live));
  forEachLiveRowAsImported(live, (chunk, row) => {
    batchIds[entries.length] = chunk.batchId;
    entries.push(entryAt(chunk, row));
  });
  return { entries, batchIds };
}

// Reading the store back for the engine: contracts, additions and entries in
// the shape of ReconcileInput (add `asOf`). `loadEntryColumns` hands out the
// chunks themselves for callers that can work column by column without a
// million Entry objects.
import type { Addition, Contract, Entry } from '../core/model';
import type { BlockledgerDb } from './schema';
import { entryAt } from './entry-chunks';
import { forEachLiveRow, readLiveChunks, type LiveChunk } from './live-entries';

export interface StoredPortfolio {
  readonly contracts: Contract[];
  readonly additions: Addition[];
  readonly entries: Entry[];
}

/** Every visible entry chunk with its visible rows (see live-entries.ts). */
export async function loadEntryColumns(db: BlockledgerDb): Promise<LiveChunk[]> {
  return db.transaction('r', [db.entryChunks, db.batches], () => readLiveChunks(db));
}

/** Everything the engine needs but the as-of date: `reconcile({ ...await loadPortfolio(db), asOf })`. */
export async function loadPortfolio(db: BlockledgerDb): Promise<StoredPortfolio> {
  const [contracts, additions, live] = await db.transaction('r', [db.contracts, db.additions, db.entryChunks, db.batches], () =>
    Promise.all([db.contracts.toArray(), db.additions.toArray(), readLiveChunks(db)]));
  const entries: Entry[] = [];
  forEachLiveRow(live, (chunk, row) => entries.push(entryAt(chunk, row)));
  return { contracts: contracts.map((row) => row.value), additions: additions.map((row) => row.value), entries };
}

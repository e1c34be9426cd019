// Entries for the UI's infinite grid: one query reads the matching chunks
// once (by the contract index when a contract is given), orders the matching
// rows by date, and then serves any page without touching the database again.
import type { Entry, IsoDate } from '../core/model';
import { parseIsoDate } from '../core/dates';
import type { BlockledgerDb } from './schema';
import { contractIdAt, entryAt, MAX_CHUNK_ROWS, type EntryChunk } from './entry-chunks';
import { entryKeyAt, forEachLiveRow, readLiveChunks } from './live-entries';

export interface EntryFilter {
  /** A contract id, or null for entries without a contract; omit for all. */
  readonly contractId?: string | null;
  /** First and last work date, inclusive. */
  readonly from?: IsoDate;
  readonly to?: IsoDate;
}

export interface StoredEntryRow {
  readonly entry: Entry;
  /** The import batch it came from (the drill-down link). */
  readonly batchId: number;
  readonly key: string;
}

export interface EntryQuery {
  readonly total: number;
  /** Rows [offset, offset + limit) in date order (ties in import order). */
  rows(offset: number, limit: number): StoredEntryRow[];
}

function dayBound(date: IsoDate | undefined, fallback: number): number {
  if (date === undefined) return fallback;
  const day = parseIsoDate(date);
  if (day === null) throw new Error(`not a valid date: ${date}`);
  return day;
}

/** Runs a filtered entries query and returns a pager over its results. */
export async function openEntryQuery(db: BlockledgerDb, filter: EntryFilter = {}): Promise<EntryQuery> {
  const from = dayBound(filter.from, -Infinity);
  const to = dayBound(filter.to, Infinity);
  const { contractId } = filter;
  const live = await db.transaction('r', [db.entryChunks, db.batches], async () => {
    const chunks = typeof contractId === 'string' ? await db.entryChunks.where('contractDict').equals(contractId).toArray() : undefined;
    return readLiveChunks(db, chunks);
  });
  const chunks: EntryChunk[] = live.map(({ chunk }) => chunk);
  const chunkIndex = new Map(chunks.map((chunk, index) => [chunk, index]));
  // One sortable number per match: day in the high bits, then chunk and row, so ties keep import order.
  const matches: number[] = [];
  forEachLiveRow(live, (chunk, row) => {
    const day = chunk.day[row] as number;
    if (day < from || day > to) return;
    if (contractId !== undefined && contractIdAt(chunk, row) !== contractId) return;
    matches.push((day + 2 ** 20) * 2 ** 32 + (chunkIndex.get(chunk) as number) * MAX_CHUNK_ROWS + row);
  });
  const order = Float64Array.from(matches).sort();
  return {
    total: order.length,
    rows(offset, limit) {
      const page: StoredEntryRow[] = [];
      for (let i = Math.max(0, offset); i < Math.min(order.length, offset + limit); i++) {
        const packed = (order[i] as number) % 2 ** 32;
        const chunk = chunks[Math.floor(packed / MAX_CHUNK_ROWS)] as EntryChunk;
        const row = packed % MAX_CHUNK_ROWS;
        page.push({ entry: entryAt(chunk, row), batchId: chunk.batchId, key: entryKeyAt(chunk, row) });
      }
      return page;
    },
  };
}

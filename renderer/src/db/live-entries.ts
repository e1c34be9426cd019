// Which stored entry rows count. A batch that replaces an entry of an earlier
// batch leaves that chunk untouched (chunks are written once) and lists the
// key in its undo record; the row is hidden while the replacing batch stands
// and visible again once that batch is reverted.
import type { BlockledgerDb, ImportBatch } from './schema';
import { CHUNK_ROW_BITS, keyPartAt, MAX_CHUNK_ROWS, type EntryChunk } from './entry-chunks';
import { idKeyPart, recordKey } from './record-keys';

/** A stored chunk and its rows that count; `rows` null means all of them. */
export interface LiveChunk {
  readonly chunk: EntryChunk;
  readonly rows: Int32Array | null;
}

/** The full record key of a chunk row. */
export function entryKeyAt(chunk: EntryChunk, row: number): string {
  const part = keyPartAt(chunk, row);
  return recordKey(chunk.source, 'entry', part === '' ? idKeyPart(chunk.ids[row] as string) : part);
}

/** For each batch, the keys of its entries that a committed later batch replaced. */
export function supersededKeysByBatch(batches: readonly ImportBatch[]): Map<number, Set<string>> {
  const hidden = new Map<number, Set<string>>();
  for (const batch of batches) {
    if (batch.status !== 'committed') continue;
    for (const { batchId, keys } of batch.undo.supersededEntries) {
      let set = hidden.get(batchId);
      if (!set) hidden.set(batchId, (set = new Set()));
      for (const key of keys) set.add(key);
    }
  }
  return hidden;
}

/** Pairs chunks with their visible rows. */
export function liveChunks(chunks: readonly EntryChunk[], hidden: ReadonlyMap<number, ReadonlySet<string>>): LiveChunk[] {
  return chunks.map((chunk) => {
    const keys = hidden.get(chunk.batchId);
    if (!keys || keys.size === 0) return { chunk, rows: null };
    const rows: number[] = [];
    for (let row = 0; row < chunk.count; row++) if (!keys.has(entryKeyAt(chunk, row))) rows.push(row);
    return { chunk, rows: rows.length === chunk.count ? null : Int32Array.from(rows) };
  });
}

/** Calls `visit` for every visible row, in batch, chunk and row order. */
export function forEachLiveRow(live: readonly LiveChunk[], visit: (chunk: EntryChunk, row: number) => void): void {
  for (const { chunk, rows } of live) {
    if (rows === null) for (let row = 0; row < chunk.count; row++) visit(chunk, row);
    else for (const row of rows) visit(chunk, row);
  }
}

/**
 * Calls `visit` for every visible row, batch by batch, each batch's rows in
 * the order they were imported (EntryChunk.importOrder). A batch stored
 * before that order was kept, or whose order is damaged, goes in chunk order.
 */
export function forEachLiveRowAsImported(live: readonly LiveChunk[], visit: (chunk: EntryChunk, row: number) => void): void {
  for (let start = 0; start < live.length; ) {
    const batchId = (live[start] as LiveChunk).chunk.batchId;
    let end = start + 1;
    while (end < live.length && (live[end] as LiveChunk).chunk.batchId === batchId) end++;
    const batch = live.slice(start, end);
    const slots = importSlots(batch);
    if (slots === null) forEachLiveRow(batch, visit);
    else {
      const chunks = batch.map(({ chunk }) => chunk);
      for (let place = 0; place < slots.length; place++) {
        const slot = (slots[place] as number) - 1;
        if (slot >= 0) visit(chunks[slot >>> CHUNK_ROW_BITS] as EntryChunk, slot & (MAX_CHUNK_ROWS - 1));
      }
    }
    start = end;
  }
}

/** One batch's visible rows by import place, as (chunk << CHUNK_ROW_BITS | row) + 1 (0: hidden); null unless every chunk holds a valid order. */
function importSlots(batch: readonly LiveChunk[]): Int32Array | null {
  if (batch.length >= 2 ** (31 - CHUNK_ROW_BITS)) return null;
  let total = 0;
  for (const { chunk } of batch) {
    if (chunk.importOrder?.length !== chunk.count || chunk.count > MAX_CHUNK_ROWS) return null;
    total += chunk.count;
  }
  const slots = new Int32Array(total);
  for (let index = 0; index < batch.length; index++) {
    const { chunk, rows } = batch[index] as LiveChunk;
    const order = chunk.importOrder as Int32Array;
    const count = rows === null ? chunk.count : rows.length;
    for (let at = 0; at < count; at++) {
      const row = rows === null ? at : (rows[at] as number);
      const place = order[row] as number;
      if (!(place >= 0 && place < total) || slots[place] !== 0) return null;
      slots[place] = ((index << CHUNK_ROW_BITS) | row) + 1;
    }
  }
  return slots;
}

/** Number of visible rows. */
export function liveRowCount(live: readonly LiveChunk[]): number {
  let count = 0;
  for (const { chunk, rows } of live) count += rows === null ? chunk.count : rows.length;
  return count;
}

/** Reads all chunks (or the given ones) with their visible rows. */
export async function readLiveChunks(db: BlockledgerDb, chunks?: readonly EntryChunk[]): Promise<LiveChunk[]> {
  const [stored, batches] = await Promise.all([chunks ?? db.entryChunks.toArray(), db.batches.toArray()]);
  return liveChunks(stored, supersededKeysByBatch(batches));
}

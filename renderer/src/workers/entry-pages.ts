// Pages of the entries grid (AG Grid's infinite row model asks for blocks):
// the worker filters and sorts once per query over indexes into the engine's
// entry results, then any block is a slice. Nothing here touches the UI thread.
// Sorting a million entries with a comparator over strings took 2–5 s; each
// sort key is instead ranked once (a dense integer per entry), and a query
// sorts packed numbers (rank, position) natively, in a fraction of that.
import type { Entry } from '../core/model';
import type { EntryResult } from '../core/result';
import { countEntryGroups, IN_ENTRY_GROUP, type EntryGroupCounts } from '../core/entry-groups';
import { compareCodePoints } from '../core/ordering';
import type { EntryPageQuery, EntryRow, EntrySortKey } from './engine-protocol';

type Key = (entry: Entry, result: EntryResult) => string | number;

const SORT_KEYS: Readonly<Record<EntrySortKey, Key>> = {
  date: (entry) => entry.date,
  id: (entry) => entry.id,
  customer: (entry) => entry.customer,
  contractId: (_entry, result) => result.contractId ?? '',
  hours: (entry) => entry.hours,
  status: (_entry, result) => result.status,
  member: (entry) => entry.member,
};

function compareValues(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : compareCodePoints(String(a), String(b));
}

/** Serves filtered, sorted pages of entries; remembers the last query's order. */
export class EntryPager {
  private lastKey = '';
  private order: Int32Array = new Int32Array();
  private readonly ranks = new Map<EntrySortKey, { readonly rank: Int32Array; readonly max: number }>();
  private positions: Int32Array | null = null;

  /**
   * `entries` are the engine's input and `batchIds` (when given) the import
   * batch of each, position by position; `positionsById` gives the entries'
   * index by id, shared with the workbooks (WorkbookContext.entryPositions).
   */
  constructor(
    private readonly results: readonly EntryResult[],
    private readonly entries: readonly Entry[],
    private readonly batchIds: ArrayLike<number> | null,
    private readonly positionsById: () => ReadonlyMap<string, number>,
  ) {}

  /** Rows [offset, offset + limit) of `query`, and how many match in all. */
  page(query: EntryPageQuery, offset: number, limit: number): { rows: EntryRow[]; total: number } {
    const order = this.orderFor(query);
    const rows: EntryRow[] = [];
    for (let i = Math.max(0, offset); i < Math.min(order.length, offset + limit); i++) rows.push(this.rowAt(order[i] as number));
    return { rows, total: order.length };
  }

  /** How many entries each group holds (the counts on the quick filters). */
  groupCounts(): EntryGroupCounts {
    return countEntryGroups(this.results);
  }

  /** Every matching row (for the detail of one contract). */
  all(query: EntryPageQuery): EntryRow[] {
    return this.page(query, 0, Number.MAX_SAFE_INTEGER).rows;
  }

  /**
   * Each result's position among the input entries, found once, when the first
   * page is asked for: the engine returns entries in id order, the store hands
   * them over grouped by batch and contract, and the index by id costs ~0.4 s
   * over a million entries that the first contracts screen should not wait for.
   */
  private inputPositions(): Int32Array {
    if (this.positions) return this.positions;
    const positionOf = this.positionsById();
    this.positions = Int32Array.from(this.results, (result) => positionOf.get(result.id) as number);
    return this.positions;
  }

  private entryAt(index: number): Entry {
    return this.entries[this.inputPositions()[index] as number] as Entry;
  }

  private rowAt(index: number): EntryRow {
    const position = this.inputPositions()[index] as number;
    return { entry: this.entries[position] as Entry, result: this.results[index] as EntryResult, batchId: this.batchIds === null ? null : (this.batchIds[position] as number) };
  }

  private matches(query: EntryPageQuery): Int32Array {
    const inGroup = query.group === null ? null : IN_ENTRY_GROUP[query.group];
    const needle = query.search.trim().toLowerCase();
    const matches = new Int32Array(this.results.length);
    let count = 0;
    for (let index = 0; index < this.results.length; index++) {
      const result = this.results[index] as EntryResult;
      if (inGroup !== null && !inGroup(result)) continue;
      if (query.contractId !== undefined && result.contractId !== query.contractId) continue;
      if (needle !== '') {
        const entry = this.entryAt(index);
        const haystack = `${entry.id} ${entry.customer} ${entry.ticket} ${entry.member} ${entry.notes} ${entry.contractId ?? ''} ${result.reason ?? ''}`;
        if (!haystack.toLowerCase().includes(needle)) continue;
      }
      matches[count++] = index;
    }
    return matches.subarray(0, count);
  }

  /** Each entry's dense rank under `key` (equal values, equal ranks), computed once per key. */
  private rankOf(key: EntrySortKey): { rank: Int32Array; max: number } {
    const known = this.ranks.get(key);
    if (known) return known;
    const rank = new Int32Array(this.results.length);
    let max = this.results.length - 1;
    // The engine returns entries in id order (SPEC §8), so an entry's position is its id rank.
    if (key === 'id') rank.forEach((_, index) => (rank[index] = index));
    else {
      const pick = SORT_KEYS[key];
      const values = this.results.map((result, index) => pick(this.entryAt(index), result));
      const distinct = [...new Set(values)].sort(compareValues);
      const rankOfValue = new Map(distinct.map((value, index) => [value, index]));
      values.forEach((value, index) => (rank[index] = rankOfValue.get(value) as number));
      max = distinct.length - 1;
    }
    const ranked = { rank, max };
    this.ranks.set(key, ranked);
    return ranked;
  }

  private orderFor(query: EntryPageQuery): Int32Array {
    const key = JSON.stringify(query);
    if (key === this.lastKey) return this.order;
    const matches = this.matches(query);
    const sort = query.sort ?? { key: 'date' as const, descending: false };
    const { rank, max } = this.rankOf(sort.key);
    // (rank, position) packed into one exact double: a native numeric sort, ties in id order so pages never shuffle.
    const scale = 2 ** Math.ceil(Math.log2(this.results.length + 1));
    const packed = new Float64Array(matches.length);
    for (let j = 0; j < matches.length; j++) {
      const index = matches[j] as number;
      const r = rank[index] as number;
      packed[j] = (sort.descending ? max - r : r) * scale + index;
    }
    packed.sort();
    const order = new Int32Array(packed.length);
    for (let j = 0; j < packed.length; j++) order[j] = (packed[j] as number) % scale;
    this.lastKey = key;
    this.order = order;
    return order;
  }
}

// Pages of the entries grid (AG Grid's infinite row model asks for blocks):
// the worker filters and sorts once per query over indexes into the engine's
// entry results, then any block is a slice. Nothing here touches the UI thread.
import type { Entry } from '../core/model';
import type { EntryResult, EntryStatus } from '../core/result';
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

  constructor(
    private readonly results: readonly EntryResult[],
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly batchOf: ReadonlyMap<string, number>,
  ) {}

  /** Rows [offset, offset + limit) of `query`, and how many match in all. */
  page(query: EntryPageQuery, offset: number, limit: number): { rows: EntryRow[]; total: number } {
    const order = this.orderFor(query);
    const rows: EntryRow[] = [];
    for (let i = Math.max(0, offset); i < Math.min(order.length, offset + limit); i++) rows.push(this.rowAt(order[i] as number));
    return { rows, total: order.length };
  }

  /** How many entries have each allocation status (the counts on the quick filters). */
  statusCounts(): Record<EntryStatus, number> {
    const counts: Record<EntryStatus, number> = { applied: 0, partial: 0, overage: 0, held: 0, not_covered: 0, unmatched: 0 };
    for (const result of this.results) counts[result.status] += 1;
    return counts;
  }

  /** Every matching row (for the detail of one contract). */
  all(query: EntryPageQuery): EntryRow[] {
    return this.page(query, 0, Number.MAX_SAFE_INTEGER).rows;
  }

  private rowAt(index: number): EntryRow {
    const result = this.results[index] as EntryResult;
    return { entry: this.entries.get(result.id) as Entry, result, batchId: this.batchOf.get(result.id) ?? null };
  }

  private orderFor(query: EntryPageQuery): Int32Array {
    const key = JSON.stringify(query);
    if (key === this.lastKey) return this.order;
    const statuses = new Set(query.statuses);
    const needle = query.search.trim().toLowerCase();
    const matches: number[] = [];
    this.results.forEach((result, index) => {
      if (statuses.size > 0 && !statuses.has(result.status)) return;
      if (query.contractId !== undefined && result.contractId !== query.contractId) return;
      if (needle !== '') {
        const entry = this.entries.get(result.id);
        const haystack = entry ? `${entry.id} ${entry.customer} ${entry.ticket} ${entry.member} ${entry.notes} ${entry.contractId ?? ''} ${result.reason ?? ''}` : result.id;
        if (!haystack.toLowerCase().includes(needle)) return;
      }
      matches.push(index);
    });
    const sort = query.sort ?? { key: 'date' as const, descending: false };
    const pick = SORT_KEYS[sort.key];
    const sign = sort.descending ? -1 : 1;
    const values = new Map(matches.map((index) => {
      const result = this.results[index] as EntryResult;
      return [index, pick(this.entries.get(result.id) as Entry, result)] as const;
    }));
    // Ties keep id order (the engine's order), so pages never shuffle.
    matches.sort((a, b) => sign * compareValues(values.get(a) as string | number, values.get(b) as string | number) || a - b);
    this.lastKey = key;
    this.order = Int32Array.from(matches);
    return this.order;
  }
}

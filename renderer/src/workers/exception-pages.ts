// The month-end Exceptions list, page by page: a big portfolio has a hundred
// thousand and more exception lines, and sending them to the window in one
// message froze it for a quarter of a second while they were unpacked (issue 5,
// "the window never freezes"). The window's grid asks for the rows it shows.
import type { ExceptionQuery, ExceptionRow, ExceptionSortKey } from './engine-protocol';

/** The text a search looks in, per row. */
const SEARCHED: readonly ExceptionSortKey[] = ['entryId', 'customer', 'contractId', 'ticket', 'member', 'status', 'reason'];

type Value = string | number | null;

/** Ascending order of two cell values; nulls (no date, nothing held) first, as the grid sorts them. */
function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export class ExceptionPages {
  private haystacks: string[] | null = null;
  private last: { readonly key: string; readonly order: readonly number[] } | null = null;

  /** `rows` in the pack's order, which is the order with no sort. */
  constructor(private readonly rows: readonly ExceptionRow[]) {}

  get total(): number {
    return this.rows.length;
  }

  /** Rows [offset, offset + limit) of `query`, and how many match in all. */
  page(query: ExceptionQuery, offset: number, limit: number): { rows: ExceptionRow[]; total: number } {
    const order = this.orderFor(query);
    return { rows: order.slice(Math.max(0, offset), Math.max(0, offset + limit)).map((index) => this.rows[index] as ExceptionRow), total: order.length };
  }

  // The grid asks for its blocks one after another with the same query: the order is kept for the next block.
  private orderFor(query: ExceptionQuery): readonly number[] {
    const key = JSON.stringify([query.search.trim().toLowerCase(), query.sort]);
    if (this.last?.key === key) return this.last.order;
    const order = this.matching(query.search.trim().toLowerCase());
    const { sort } = query;
    if (sort !== null) {
      const direction = sort.descending ? -1 : 1;
      // Array sort is stable: rows that tie stay in the pack's order, either way round.
      order.sort((a, b) => direction * compareValues((this.rows[a] as ExceptionRow)[sort.key], (this.rows[b] as ExceptionRow)[sort.key]));
    }
    this.last = { key, order };
    return order;
  }

  private matching(needle: string): number[] {
    const all = this.rows.map((_row, index) => index);
    if (needle === '') return all;
    this.haystacks ??= this.rows.map((row) => SEARCHED.map((field) => String(row[field] ?? '')).join('\n').toLowerCase());
    const haystacks = this.haystacks;
    return all.filter((index) => (haystacks[index] as string).includes(needle));
  }
}

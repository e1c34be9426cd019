// The dated ledger of one contract (issue 2's history trail), recorded compactly
// while the engine runs and turned into LedgerEvent objects only when read.
// Entry events are most of a ledger; storing them as numbers in typed columns
// instead of three objects each (event, draws array, draw) is what keeps a
// million-entry recompute fast and small: typed arrays shared by all contracts
// are a few allocations the garbage collector never has to look inside. Other
// events are rare and kept whole.
import type { LedgerEvent, LotDraw } from './result';
import { isoOf } from './dates';

/** What an entry event borrows from the entry's own result. */
export interface EntryOutcome {
  readonly id: string;
  readonly units: number;
  readonly applied: number;
  readonly overage: number;
  readonly held: number;
}

const NO_DRAWS: readonly LotDraw[] = Object.freeze([]);

/**
 * What entry events record, for every entry of the portfolio at once: the
 * balance after each entry and its draws, in typed arrays by entry index. One
 * set of arrays for all contracts, because allocating typed arrays per
 * contract costs more than the few numbers each would hold.
 */
export class EntryTrailStore {
  readonly balanceAfter: Float64Array;
  /** Each entry's draws are `drawLots`/`drawUnits` positions drawStart ≤ d < drawEnd. */
  readonly drawStart: Int32Array;
  readonly drawEnd: Int32Array;
  drawLots: Int32Array;
  /** Of the entries' units' own kind: no draw is larger than its entry's units. */
  drawUnits: Int32Array | Float64Array;
  draws = 0;

  /** Columns for every entry, by index; `units` are the entries' units. */
  constructor(units: Int32Array | Float64Array) {
    const entryCount = units.length;
    this.balanceAfter = new Float64Array(entryCount);
    this.drawStart = new Int32Array(entryCount);
    this.drawEnd = new Int32Array(entryCount);
    // Most entries draw from one lot; the columns double when that is exceeded.
    this.drawLots = new Int32Array(Math.max(16, entryCount));
    this.drawUnits = units instanceof Int32Array ? new Int32Array(this.drawLots.length) : new Float64Array(this.drawLots.length);
  }

  /** Appends one draw (a lot and the units it gave). */
  addDraw(lot: number, units: number): void {
    if (this.draws === this.drawLots.length) {
      const lots = new Int32Array(this.draws * 2);
      lots.set(this.drawLots);
      this.drawLots = lots;
      const given = this.drawUnits instanceof Int32Array ? new Int32Array(this.draws * 2) : new Float64Array(this.draws * 2);
      given.set(this.drawUnits);
      this.drawUnits = given;
    }
    this.drawLots[this.draws] = lot;
    this.drawUnits[this.draws] = units;
    this.draws++;
  }
}

/** Collects one contract's events in processing order. */
export class LedgerTrail {
  /** The whole (non-entry) events, and how many entry events came before each. */
  private readonly others: LedgerEvent[] = [];
  private readonly othersAfter: number[] = [];
  /** Entry events recorded so far: they are `order[0 … entryCount − 1]`. */
  private entryCount = 0;
  private currentEntry = -1;

  /**
   * `order` lists the contract's entries (indices) in processing order and
   * `entryDay` their ledger days by index; entry events are recorded in that order.
   */
  constructor(
    private readonly store: EntryTrailStore,
    private readonly order: ArrayLike<number>,
    private readonly entryDay: Int32Array,
  ) {}

  /** Records a grant, re-bill, addition, expiry or settlement. */
  push(day: number, kind: Exclude<LedgerEvent['kind'], 'entry'>, units: number, balanceAfter: number, lot: number | null, debtPaid: number): void {
    this.others.push({ date: isoOf(day), kind, units, balanceAfter, lot, entryId: null, applied: 0, overage: 0, held: 0, debtPaid, draws: NO_DRAWS });
    this.othersAfter.push(this.entryCount);
  }

  /** Starts the event of the contract's next entry in processing order; call before drawing for it. */
  beginEntry(entryIndex: number): void {
    this.currentEntry = entryIndex;
    this.store.drawStart[entryIndex] = this.store.draws;
  }

  /** Records that the current entry took `units` from lot `lot`. */
  draw(lot: number, units: number): void {
    this.store.addDraw(lot, units);
  }

  /** Ends the current entry's event with the balance after it. */
  endEntry(balanceAfter: number): void {
    const entry = this.currentEntry;
    this.store.drawEnd[entry] = this.store.draws;
    this.store.balanceAfter[entry] = balanceAfter;
    this.entryCount++;
  }

  /** The end-of-day balance on `day` (0 before the first event). */
  balanceAtEndOf(day: string): number {
    // Walk back from the last event, merging the two kinds in recording order.
    let other = this.others.length - 1;
    let entry = this.entryCount - 1;
    while (other >= 0 || entry >= 0) {
      // An entry recorded after the latest remaining whole event comes later.
      if (entry >= 0 && (other < 0 || entry >= (this.othersAfter[other] as number))) {
        const index = this.order[entry] as number;
        if (isoOf(this.entryDay[index] as number) <= day) return this.store.balanceAfter[index] as number;
        entry--;
      } else {
        const event = this.others[other] as LedgerEvent;
        if (event.date <= day) return event.balanceAfter;
        other--;
      }
    }
    return 0;
  }

  /** The events as objects, with entry events completed from the entries' outcomes. */
  materialise(outcome: (entryIndex: number) => EntryOutcome): LedgerEvent[] {
    const events: LedgerEvent[] = [];
    let entry = 0;
    for (let other = 0; other <= this.others.length; other++) {
      const entriesBefore = other < this.others.length ? (this.othersAfter[other] as number) : this.entryCount;
      for (; entry < entriesBefore; entry++) events.push(this.entryEvent(this.order[entry] as number, outcome));
      if (other < this.others.length) events.push(this.others[other] as LedgerEvent);
    }
    return events;
  }

  private entryEvent(index: number, outcome: (entryIndex: number) => EntryOutcome): LedgerEvent {
    const entry = outcome(index);
    const { store } = this;
    const draws: LotDraw[] = [];
    for (let d = store.drawStart[index] as number; d < (store.drawEnd[index] as number); d++) draws.push({ lot: store.drawLots[d] as number, units: store.drawUnits[d] as number });
    return {
      date: isoOf(this.entryDay[index] as number),
      kind: 'entry',
      units: entry.units,
      balanceAfter: store.balanceAfter[index] as number,
      lot: null,
      entryId: entry.id,
      applied: entry.applied,
      overage: entry.overage,
      held: entry.held,
      debtPaid: 0,
      draws,
    };
  }
}

// The dated ledger of one contract (issue 2's history trail), recorded compactly
// while the engine runs and turned into LedgerEvent objects only when read.
// Entry events are most of a ledger; storing them as numbers in flat arrays
// instead of three objects each (event, draws array, draw) is what keeps a
// million-entry recompute fast and small. Other events are rare and kept whole.
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

/** Collects one contract's events in processing order. */
export class LedgerTrail {
  /** A whole event, or the position of an entry event in the flat arrays below. */
  private readonly events: (LedgerEvent | number)[] = [];
  private readonly entryIndex: number[] = [];
  private readonly entryDay: number[] = [];
  private readonly entryBalance: number[] = [];
  private readonly drawStart: number[] = [];
  /** Lots and units drawn, for all entry events in order. */
  readonly drawLots: number[] = [];
  readonly drawUnits: number[] = [];

  /** Records a grant, re-bill, addition, expiry or settlement. */
  push(day: number, kind: Exclude<LedgerEvent['kind'], 'entry'>, units: number, balanceAfter: number, lot: number | null, debtPaid: number): void {
    this.events.push({ date: isoOf(day), kind, units, balanceAfter, lot, entryId: null, applied: 0, overage: 0, held: 0, debtPaid, draws: NO_DRAWS });
  }

  /** Marks where the next entry's draws start; call before drawing for it. */
  beginEntry(): void {
    this.drawStart.push(this.drawLots.length);
  }

  /** Records the entry whose draws were just added. */
  endEntry(entryIndex: number, day: number, balanceAfter: number): void {
    this.events.push(this.entryIndex.length);
    this.entryIndex.push(entryIndex);
    this.entryDay.push(day);
    this.entryBalance.push(balanceAfter);
  }

  /** The end-of-day balance on `day` (0 before the first event). */
  balanceAtEndOf(day: string): number {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i] as LedgerEvent | number;
      if (typeof event !== 'number') {
        if (event.date <= day) return event.balanceAfter;
      } else if (isoOf(this.entryDay[event] as number) <= day) return this.entryBalance[event] as number;
    }
    return 0;
  }

  /** The events as objects, with entry events completed from the entries' outcomes. */
  materialise(outcome: (entryIndex: number) => EntryOutcome): LedgerEvent[] {
    return this.events.map((event) => {
      if (typeof event !== 'number') return event;
      const entry = outcome(this.entryIndex[event] as number);
      const end = event + 1 < this.drawStart.length ? (this.drawStart[event + 1] as number) : this.drawLots.length;
      const draws: LotDraw[] = [];
      for (let d = this.drawStart[event] as number; d < end; d++) draws.push({ lot: this.drawLots[d] as number, units: this.drawUnits[d] as number });
      return {
        date: isoOf(this.entryDay[event] as number),
        kind: 'entry',
        units: entry.units,
        balanceAfter: this.entryBalance[event] as number,
        lot: null,
        entryId: entry.id,
        applied: entry.applied,
        overage: entry.overage,
        held: entry.held,
        debtPaid: 0,
        draws,
      };
    });
  }
}

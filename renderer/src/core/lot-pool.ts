// SPEC §3 "Consumption order": the live lots of one contract, kept in the order
// units are taken from them — the lot that expires first, a lot that never
// expires last, ties by the older lot and then creation order (= lot index).
import type { LotKind } from './result';

/** A lot while the ledger runs; `left` changes as units are drawn or expire. */
export interface LiveLot {
  readonly index: number;
  readonly kind: LotKind;
  readonly day: number;
  readonly size: number;
  readonly expires: number | null;
  readonly reference: string | null;
  readonly price: number | null;
  left: number;
}

/** Receives each lot's part of a draw (the ledger trail records them). */
export interface DrawSink {
  draw(lot: number, units: number): void;
}

function consumedBefore(a: LiveLot, b: LiveLot): boolean {
  const aExpires = a.expires ?? Infinity;
  const bExpires = b.expires ?? Infinity;
  return aExpires < bExpires || (aExpires === bExpires && a.index < b.index);
}

/** Lots with units left, in consumption order, and their total. */
export class LotPool {
  private readonly live: LiveLot[] = [];
  /** Sum of `left` over the live lots. */
  available = 0;

  /** Adds a lot with units in it at its place in the consumption order. */
  add(lot: LiveLot): void {
    if (lot.left <= 0) return;
    let at = this.live.length;
    while (at > 0 && consumedBefore(lot, this.live[at - 1] as LiveLot)) at--;
    this.live.splice(at, 0, lot);
    this.available += lot.left;
  }

  /** Takes up to `units` from the lots that expire first; tells `sink` what each lot gave. */
  draw(units: number, sink: DrawSink): number {
    let rest = units;
    while (rest > 0 && this.live.length > 0) {
      const lot = this.live[0] as LiveLot;
      const take = Math.min(rest, lot.left);
      lot.left -= take;
      rest -= take;
      sink.draw(lot.index, take);
      if (lot.left === 0) this.live.shift();
    }
    const taken = units - rest;
    this.available -= taken;
    return taken;
  }

  /** Takes `units` from one specific lot (a debt paid by a new lot). */
  drawFrom(lot: LiveLot, units: number): void {
    lot.left -= units;
    this.available -= units;
    if (lot.left === 0) this.live.splice(this.live.indexOf(lot), 1);
  }

  /** The earliest expiry day among lots with units left; null when none expires. */
  nextExpiry(): number | null {
    return this.live.length > 0 ? (this.live[0] as LiveLot).expires : null;
  }

  /**
   * Removes and returns the next lot whose last usable day is `day` (such lots
   * are at the front), or null when none is left; one at a time, so the daily
   * check allocates nothing.
   */
  expireNext(day: number): LiveLot | null {
    if (this.live.length === 0 || (this.live[0] as LiveLot).expires !== day) return null;
    const lot = this.live.shift() as LiveLot;
    this.available -= lot.left;
    return lot;
  }

  /** The lots with units left, in consumption order. */
  lots(): readonly LiveLot[] {
    return this.live;
  }
}

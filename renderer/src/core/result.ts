// What the engine returns (SPEC §6–§8) plus the ledger trail a history report needs.
import type { Centi, IsoDate, Unit } from './model';

export type ContractStatus = 'ended' | 'exhausted' | 'expiring' | 'low' | 'on_hold' | 'overrun' | 'warning';
export type EntryStatus = 'applied' | 'partial' | 'overage' | 'held' | 'not_covered' | 'unmatched';

/** One calendar month of a contract's statement (SPEC §6). */
export interface MonthRow {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly opening: Centi;
  readonly granted: Centi;
  readonly purchased: Centi;
  readonly used: Centi;
  readonly expired: Centi;
  readonly settled: Centi;
  readonly closing: Centi;
  readonly overage: Centi;
  readonly held: Centi;
}

export type LotKind = 'allowance' | 'rebill' | 'addition';

/** A parcel of units with an expiry (SPEC §3); `left` is at the end of the as-of day. */
export interface Lot {
  /** Index within the contract's lots, in creation order. */
  readonly index: number;
  readonly kind: LotKind;
  readonly date: IsoDate;
  readonly size: Centi;
  /** Last usable day; null = never expires. */
  readonly expires: IsoDate | null;
  readonly left: Centi;
  /** Additions only: the PO/invoice reference and the price billed (cents). */
  readonly reference: string | null;
  readonly price: Centi | null;
}

/** Units an entry (or a debt payment) took from one lot. */
export interface LotDraw {
  readonly lot: number;
  readonly units: Centi;
}

/**
 * One dated event of a contract's ledger, with the balance after it.
 * - grant / rebill / addition: a lot arrives (`lot`, `units` = its size);
 *   `debtPaid` is the part of it that paid an earlier negative balance (carry, bill_month_end).
 * - entry: a covered entry (`entryId`); `units` its consumption, `applied`/`overage`/`held` its split,
 *   `draws` the lots it took from.
 * - expiry: what was left of `lot` at the end of its expiry day (`units`).
 * - settlement: a negative balance billed as overage and reset to 0 (`units` = the debt billed).
 */
export interface LedgerEvent {
  readonly date: IsoDate;
  readonly kind: 'grant' | 'rebill' | 'addition' | 'entry' | 'expiry' | 'settlement';
  readonly units: Centi;
  readonly balanceAfter: Centi;
  readonly lot: number | null;
  readonly entryId: string | null;
  readonly applied: Centi;
  readonly overage: Centi;
  readonly held: Centi;
  readonly debtPaid: Centi;
  readonly draws: readonly LotDraw[];
}

export interface ContractResult {
  readonly id: string;
  readonly customer: string;
  readonly unit: Unit;
  /** End-of-day balance at as-of (= the last month's closing). */
  readonly balance: Centi;
  /** Tenths of a percent, rounded half away from zero; null when undefined (SPEC §7). */
  readonly usedPctTenths: number | null;
  readonly status: readonly ContractStatus[];
  readonly variance: Centi | null;
  /** The overrun cap in force at as-of, null when none (SPEC §5). */
  readonly cap: Centi | null;
  readonly months: readonly MonthRow[];
  readonly lots: readonly Lot[];
  readonly ledger: readonly LedgerEvent[];
}

export interface EntryResult {
  readonly id: string;
  readonly contractId: string | null;
  readonly units: Centi;
  readonly applied: Centi;
  readonly overage: Centi;
  readonly held: Centi;
  readonly status: EntryStatus;
  readonly reason: string | null;
}

export interface ReconcileResult {
  readonly asOf: IsoDate;
  /** In id order (code points). */
  readonly contracts: readonly ContractResult[];
  /** Every entry dated on or before as-of, in id order; made when first read (reconcile.ts), as a contract's ledger is. */
  readonly entries: readonly EntryResult[];
}

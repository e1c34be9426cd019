// The engine's vocabulary (SPEC §2): contracts, additions and entries as the
// engine sees them after import. Quantities are integer hundredths of their
// unit (SPEC §1); rates, factors, percentages and minutes are exact decimals.

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** An integer number of hundredths of a unit (0.01 h, 0.01 currency, 0.01 incident). */
export type Centi = number;

/** An exact decimal: `units / 10^scale` (`1.25` is `{ units: 125, scale: 2 }`). */
export interface ExactDecimal {
  readonly units: number;
  readonly scale: number;
}

export type Unit = 'hours' | 'amount' | 'incidents';
export type Period = 'month' | 'quarter' | 'year' | 'once';
export type Anchor = 'calendar' | 'contract';
export type OveragePolicy = 'bill' | 'carry' | 'bill_next' | 'bill_month_end';
export type BillableOption = 'billable' | 'no_charge' | 'do_not_bill';

/** A per-work-role value; `role` is already normalised (trimmed, lower case). */
export interface RoleValue {
  readonly role: string;
  readonly value: ExactDecimal;
}

/** One contract's terms (SPEC §2 contracts.csv). */
export interface Contract {
  readonly id: string;
  readonly customer: string;
  readonly name: string;
  readonly unit: Unit;
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly allowance: Centi | null;
  readonly period: Period;
  readonly anchor: Anchor;
  readonly prorate: boolean;
  readonly carryover: boolean;
  /** Whole days past a period's end that carried units stay usable; null = until contract end. */
  readonly carryoverDays: number | null;
  readonly overage: OveragePolicy;
  readonly overrunLimitPct: ExactDecimal | null;
  readonly overrunLimit: Centi | null;
  readonly warningPct: ExactDecimal | null;
  readonly lowBalance: Centi | null;
  readonly rebillBelow: Centi | null;
  readonly rebillQuantity: Centi | null;
  /** Currency per hour. */
  readonly rate: ExactDecimal | null;
  readonly roleRates: readonly RoleValue[];
  readonly roleFactors: readonly RoleValue[];
  /** Normalised (trimmed, lower case). */
  readonly excludedWorkTypes: readonly string[];
  readonly roundMinutes: ExactDecimal | null;
  readonly minimumMinutes: ExactDecimal | null;
  readonly coversExpenses: boolean;
  /** Currency (cents) billed per allowance grant. */
  readonly price: Centi | null;
  readonly reportedBalance: Centi | null;
  readonly reportedAsOf: IsoDate | null;
}

/** A purchase of extra units (SPEC §2 additions.csv). */
export interface Addition {
  readonly contractId: string;
  readonly date: IsoDate;
  readonly quantity: Centi;
  /** Cents. */
  readonly price: Centi | null;
  readonly reference: string;
  readonly expires: IsoDate | null;
}

/** A time entry, service-call labor line or part (SPEC §2 entries.csv). */
export interface Entry {
  readonly id: string;
  readonly date: IsoDate;
  readonly contractId: string | null;
  readonly customer: string;
  readonly ticket: string;
  readonly member: string;
  readonly workRole: string;
  readonly workType: string;
  readonly hours: Centi;
  readonly billable: BillableOption;
  /** Cents, parts and expenses. */
  readonly amount: Centi | null;
  readonly notes: string;
  /**
   * When the entry was entered in the source system (`YYYY-MM-DD` or
   * `YYYY-MM-DDTHH:MM[:SS]`), for replaying a source that applies time in the
   * order it was entered rather than worked (ConnectWise). Optional.
   */
  readonly entered?: string | null;
}

/**
 * The order covered entries draw on a contract: `worked` (SPEC §3: by work date,
 * then id) or `entered` (by entry time, then id — ConnectWise's own order; an
 * entry without `entered` counts as entered on its work date).
 */
export type AllocationOrder = 'worked' | 'entered';

/** Everything the engine needs; `reconcile` is a pure function of it. */
export interface ReconcileInput {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly entries: readonly Entry[];
  readonly asOf: IsoDate;
  /** Default `worked`. */
  readonly allocationOrder?: AllocationOrder;
}

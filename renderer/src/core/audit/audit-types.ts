// The migration audit's vocabulary (issue 6): a ConnectWise portfolio, the
// e-automate contracts it was migrated to, the findings on each pair, the
// what-if replay under both term sets and the explained balance variances.
import type { Addition, Centi, Contract, Entry, ExactDecimal, IsoDate, Unit } from '../model';

/** What a ConnectWise agreement configures that the canonical contract cannot hold (psa-exports.md §1.2–§1.7). */
export interface SourceFeatures {
  readonly agreementId: string;
  /** The agreement's work-role (or agreement) hourly rate, when exported. */
  readonly workRoleRate: ExactDecimal | null;
  /** Normalised (trimmed, lower case). */
  readonly excludedWorkRoles: readonly string[];
  readonly excludedWorkTypes: readonly string[];
  /** Per work type: the overage rate (`Remote=95;Onsite=150`), in source order. */
  readonly overageRates: readonly { readonly workType: string; readonly rate: ExactDecimal }[];
  /** ConnectWise adjustments on the agreement, in units (positive adds). */
  readonly adjustments: readonly { readonly date: IsoDate; readonly amount: Centi; readonly description: string }[];
  /** Additions whose product is not mapped to units: line items billed beside the covered hours. */
  readonly lineItems: readonly { readonly date: IsoDate | null; readonly product: string }[];
}

/** A ConnectWise portfolio as imported: canonical records plus what only ConnectWise knows. */
export interface SourcePortfolio {
  readonly contracts: readonly Contract[];
  readonly additions: readonly Addition[];
  readonly features: readonly SourceFeatures[];
}

/** One explicit pairing from the mapping file. */
export interface PairRequest {
  readonly sourceId: string;
  readonly targetId: string;
}

export interface AuditInput {
  readonly source: SourcePortfolio;
  /** The e-automate contracts as migrated (canonical: use-it-or-lose-it, re-bill, bill-code rate). */
  readonly target: readonly Contract[];
  /** The real history: ConnectWise time entries (with `entered` when exported). */
  readonly entries: readonly Entry[];
  /** Explicit pairs; when given, no other pairing is attempted. */
  readonly pairs: readonly PairRequest[] | null;
  readonly asOf: IsoDate;
}

export type PairBasis = 'mapping' | 'name' | 'number';

export interface Pair {
  readonly sourceId: string;
  readonly targetId: string;
  readonly customer: string;
  readonly basis: PairBasis;
}

export interface Unpaired {
  readonly side: 'source' | 'target';
  readonly id: string;
  readonly customer: string;
  readonly name: string;
  readonly reason: string;
}

export interface Pairing {
  readonly pairs: readonly Pair[];
  readonly unpaired: readonly Unpaired[];
}

/** high: the balance or the bill will differ; medium: differs in some months or needs a manual step; low: worth a look. */
export type Severity = 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

export type FindingCode =
  | 'unit'
  | 'allowance'
  | 'period'
  | 'rebill'
  | 'rate'
  | 'rate-missing'
  | 'start'
  | 'end'
  | 'carryover'
  | 'overrun-next-block'
  | 'overrun-limit'
  | 'additions'
  | 'adjustments'
  | 'incidents'
  | 'excluded-work-roles'
  | 'excluded-work-types'
  | 'overage-rates'
  | 'line-items';

/** One configuration difference of a pair, with a sentence a consultant can paste into a report. */
export interface Finding {
  readonly sourceId: string;
  readonly targetId: string;
  readonly customer: string;
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sentence: string;
}

/** One side of a what-if month. Money is integer cents; null when that side has no rate to value hours at. */
export interface WhatIfSide {
  readonly closing: Centi;
  readonly expired: Centi;
  readonly overage: Centi;
  readonly overageCents: Centi | null;
  readonly expiredCents: Centi | null;
}

/** One calendar month of a pair, both term sets side by side (`null` when that contract has no row that month). */
export interface WhatIfMonth {
  /** First day of the month. */
  readonly month: IsoDate;
  readonly source: WhatIfSide | null;
  readonly target: WhatIfSide | null;
  /** e-automate overage billed minus ConnectWise overage billed, cents; null when either side cannot be valued. */
  readonly billedDifferenceCents: Centi | null;
  /** The entries worked that month that both replays apply to this pair (ConnectWise matched them to the agreement), id order: the drill-down. */
  readonly entryIds: readonly string[];
}

export interface WhatIfPair {
  readonly sourceId: string;
  readonly targetId: string;
  readonly customer: string;
  readonly sourceUnit: Unit;
  readonly targetUnit: Unit;
  readonly months: readonly WhatIfMonth[];
  readonly total: WhatIfTotal;
}

/** Sums of a pair, customer or portfolio. Cents; `unvalued` counts pairs left out of the money for want of a rate. */
export interface WhatIfTotal {
  readonly sourceOverageCents: Centi;
  readonly targetOverageCents: Centi;
  readonly sourceExpiredCents: Centi;
  readonly targetExpiredCents: Centi;
  readonly billedDifferenceCents: Centi;
  readonly unvalued: number;
}

export interface WhatIf {
  readonly pairs: readonly WhatIfPair[];
  readonly customers: readonly { readonly customer: string; readonly total: WhatIfTotal }[];
  readonly portfolio: WhatIfTotal;
}

export type CauseCode = 'pending' | 'entered-order' | 'no-charge' | 'outside-dates' | 'other-agreement' | 'rate' | 'rounding' | 'expiry';

/** One source behaviour that accounts for part of a variance, with the entries behind it. */
export interface Explanation {
  readonly cause: CauseCode;
  /** The part of the variance this cause accounts for (same sign convention as the variance). */
  readonly units: Centi;
  readonly sentence: string;
  readonly entryIds: readonly string[];
}

/** Why a contract's recomputed balance differs from the balance its system reports (SPEC §7 variance). */
export interface VarianceReport {
  readonly side: 'source' | 'target';
  readonly contractId: string;
  readonly customer: string;
  readonly unit: Unit;
  readonly reportedAsOf: IsoDate;
  readonly reported: Centi;
  readonly recomputed: Centi;
  /** recomputed − reported. */
  readonly variance: Centi;
  /** Largest first. */
  readonly explanations: readonly Explanation[];
  /** What no cause accounts for; never hidden. */
  readonly unexplained: Centi;
}

export interface AuditResult {
  readonly asOf: IsoDate;
  readonly pairing: Pairing;
  readonly findings: readonly Finding[];
  readonly whatIf: WhatIf;
  readonly variances: readonly VarianceReport[];
}

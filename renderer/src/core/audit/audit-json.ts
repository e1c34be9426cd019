// The machine-readable audit (`audit --json`): the AuditResult with every
// hundredth (units and cents alike) written as a decimal of at most two
// places, like SPEC §8; money fields end in `Money`, unit fields do not.
import type { Centi } from '../model';
import { centiToNumber } from '../numbers';
import type { AuditResult, Explanation, VarianceReport, WhatIfMonth, WhatIfSide, WhatIfTotal } from './audit-types';

function money(cents: Centi | null): number | null {
  return cents === null ? null : centiToNumber(cents);
}

function sideJson(side: WhatIfSide | null): object | null {
  if (side === null) return null;
  return { closing: centiToNumber(side.closing), expired: centiToNumber(side.expired), overage: centiToNumber(side.overage), overageMoney: money(side.overageCents), expiredMoney: money(side.expiredCents) };
}

function monthJson(month: WhatIfMonth): object {
  return { month: month.month.slice(0, 7), source: sideJson(month.source), target: sideJson(month.target), billedDifferenceMoney: money(month.billedDifferenceCents), entryIds: month.entryIds };
}

function totalJson(total: WhatIfTotal): object {
  return {
    sourceOverageMoney: money(total.sourceOverageCents),
    targetOverageMoney: money(total.targetOverageCents),
    sourceExpiredMoney: money(total.sourceExpiredCents),
    targetExpiredMoney: money(total.targetExpiredCents),
    billedDifferenceMoney: money(total.billedDifferenceCents),
    unvaluedPairs: total.unvalued,
  };
}

function explanationJson(explanation: Explanation): object {
  return { cause: explanation.cause, units: centiToNumber(explanation.units), sentence: explanation.sentence, entryIds: explanation.entryIds };
}

function varianceJson(report: VarianceReport): object {
  return {
    side: report.side,
    contractId: report.contractId,
    customer: report.customer,
    unit: report.unit,
    reportedAsOf: report.reportedAsOf,
    reported: centiToNumber(report.reported),
    recomputed: centiToNumber(report.recomputed),
    variance: centiToNumber(report.variance),
    explanations: report.explanations.map(explanationJson),
    unexplained: centiToNumber(report.unexplained),
  };
}

/** The audit as plain JSON data, numbers as decimals. */
export function auditJson(result: AuditResult): object {
  return {
    asOf: result.asOf,
    pairs: result.pairing.pairs,
    unpaired: result.pairing.unpaired,
    findings: result.findings,
    whatIf: {
      pairs: result.whatIf.pairs.map((pair) => ({
        sourceId: pair.sourceId,
        targetId: pair.targetId,
        customer: pair.customer,
        sourceUnit: pair.sourceUnit,
        targetUnit: pair.targetUnit,
        months: pair.months.map(monthJson),
        total: totalJson(pair.total),
      })),
      customers: result.whatIf.customers.map((customer) => ({ customer: customer.customer, total: totalJson(customer.total) })),
      portfolio: totalJson(result.whatIf.portfolio),
    },
    variances: result.variances.map(varianceJson),
  };
}

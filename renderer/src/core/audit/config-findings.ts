// The configuration audit of one pair (issue 6): the terms that decide the
// balance compared side by side, and every ConnectWise feature e-automate
// cannot represent (seed 001; psa-exports.md §4.2), each as a sentence a
// consultant can paste into a report.
import type { Addition, Contract, ExactDecimal } from '../model';
import { normaliseExact } from '../import/decimal-text';
import type { Finding, FindingCode, Pair, Severity, SourceFeatures } from './audit-types';
import { countText, listText, periodText, quantityText, rateText, unitNoun } from './audit-words';

/** Everything the findings of one pair look at. */
export interface PairTerms {
  readonly pair: Pair;
  readonly source: Contract;
  readonly target: Contract;
  readonly features: SourceFeatures | null;
  /** The ConnectWise additions that add units to this agreement. */
  readonly additions: readonly Addition[];
}

function sameExact(a: ExactDecimal, b: ExactDecimal): boolean {
  const x = normaliseExact(a);
  const y = normaliseExact(b);
  return x.units === y.units && x.scale === y.scale;
}

const OVERAGE_IN_TARGET: Readonly<Record<Contract['overage'], string>> = {
  bill: 'bills the extra time separately',
  carry: 'applies it to the next block',
  bill_next: 'adds the negative balance to the next billing of the contract',
  bill_month_end: 'bills the negative balance at month end and resets it to zero ("re-bill to zero")',
};

/** The findings of one pair, in a fixed order (terms first, then unrepresentable features). */
export function pairFindings(terms: PairTerms): Finding[] {
  const { pair, source: s, target: t, features } = terms;
  const findings: Finding[] = [];
  const agreement = `ConnectWise agreement ${s.id} ("${s.name}")`;
  const contract = `e-automate contract ${t.id}`;
  const add = (code: FindingCode, severity: Severity, sentence: string): void => {
    findings.push({ sourceId: s.id, targetId: t.id, customer: pair.customer, code, severity, sentence });
  };

  if (s.unit !== t.unit) {
    add('unit', 'high', `${agreement} counts ${unitNoun(s.unit)}, but ${contract} counts ${unitNoun(t.unit)}${t.unit === 'amount' && t.rate !== null ? `; each hour will be deducted at the bill-code rate of ${rateText(t.rate)}` : ''}.`);
  } else if (s.allowance !== t.allowance) {
    const given = (contractTerms: Contract): string => (contractTerms.allowance === null ? 'no allowance' : quantityText(contractTerms.allowance, contractTerms.unit));
    add('allowance', 'high', `${agreement} grants ${given(s)} ${periodText(s.period)}, but ${contract} bills ${given(t)} ${periodText(t.period)}.`);
  }
  const recurring = (c: Contract): boolean => c.period !== 'once';
  if (!recurring(s) && recurring(t)) {
    add('rebill', 'high', `${agreement} is a one-time block, but ${contract} re-bills ${periodText(t.period)}; set its template to "Do not re-bill" (or "Re-bill when balance is below" for blocks sold again when used up).`);
  } else if (recurring(s) && !recurring(t)) {
    const now = t.rebillBelow === null ? 'does not re-bill' : `re-bills only when the balance falls below ${quantityText(t.rebillBelow, t.unit)}`;
    add('rebill', 'high', `${agreement} renews its allowance ${periodText(s.period)}, but ${contract} ${now}; set "Re-bill on cycle" with a ${s.period === 'month' ? 'monthly' : s.period === 'quarter' ? 'quarterly' : 'yearly'} billing cycle.`);
  } else if (recurring(s) && (s.period !== t.period || s.anchor !== t.anchor)) {
    add('period', 'high', `${agreement} grants its allowance ${periodText(s.period)} (${s.anchor} periods), but ${contract} re-bills ${periodText(t.period)} (${t.anchor} periods).`);
  }
  if (s.rate !== null && t.rate !== null && !sameExact(s.rate, t.rate)) {
    add('rate', 'high', `${agreement} bills its work role at ${rateText(s.rate)}, but the bill code of ${contract} has a labor rate of ${rateText(t.rate)}; e-automate values every hour of the contract at the bill-code rate.`);
  } else if (t.rate === null) {
    add('rate-missing', 'high', `${contract} has no bill-code labor rate; e-automate needs a rate greater than zero to deduct service calls from a deposit contract.`);
  } else if (s.rate === null) {
    add('rate-missing', 'low', `No work-role rate was exported for ${agreement}, so the bill-code rate of ${contract} (${rateText(t.rate)}) could not be checked against it.`);
  }
  if (s.start !== t.start) add('start', 'medium', `${agreement} starts on ${s.start}, but ${contract} starts on ${t.start}.`);
  if (s.end !== t.end) add('end', 'medium', `${agreement} ${s.end === null ? 'has no end date' : `ends on ${s.end}`}, but ${contract} ${t.end === null ? 'has no end date' : `ends on ${t.end}`}.`);

  if (s.carryover && s.period !== 'once') {
    const days = s.carryoverDays === null ? 'until the agreement ends' : `for ${countText(s.carryoverDays, 'day', 'days')}`;
    add('carryover', 'high', `${agreement} carries unused ${unitNoun(s.unit)} over ${days}; e-automate has no carryover ("use it or lose it"), so unused ${unitNoun(t.unit)} of ${contract} expire at the end of each period.`);
  }
  if (s.overage === 'carry') {
    add('overrun-next-block', 'high', `${agreement} allows overruns and applies them to the next block; e-automate applies a service call to one contract only, and ${contract} ${OVERAGE_IN_TARGET[t.overage]}.`);
    if (s.overrunLimit !== null) add('overrun-limit', 'low', `${agreement} limits overruns to ${quantityText(s.overrunLimit, s.unit)}; e-automate has no overrun limit.`);
  }
  if (terms.additions.length > 0) {
    const total = terms.additions.reduce((sum, addition) => sum + addition.quantity, 0);
    add('additions', 'high', `${agreement} has ${countText(terms.additions.length, 'addition', 'additions')} adding ${quantityText(total, s.unit)} to its block; e-automate cannot add hours to a deposit contract, so each purchase must be billed as a re-bill of ${contract}.`);
  }
  const adjustments = features?.adjustments ?? [];
  if (adjustments.length > 0) {
    const net = adjustments.reduce((sum, adjustment) => sum + adjustment.amount, 0);
    add('adjustments', 'medium', `${agreement} has ${countText(adjustments.length, 'adjustment', 'adjustments')} (net ${quantityText(net, s.unit)}); an e-automate deposit changes only through service calls and re-bills, so ${contract} needs a manual correction.`);
  }
  if (s.unit === 'incidents') {
    add('incidents', 'high', `${agreement} counts incidents; e-automate deposit contracts hold dollars or hours only, so ${contract} cannot count tickets.`);
  }
  const roles = features?.excludedWorkRoles ?? [];
  if (roles.length > 0) {
    add('excluded-work-roles', 'medium', `${agreement} excludes the work ${roles.length === 1 ? 'role' : 'roles'} ${listText(roles)}; e-automate deducts every labor line of a linked service call, so keep such work off ${contract} with its own bill code.`);
  }
  const types = s.excludedWorkTypes;
  if (types.length > 0) {
    add('excluded-work-types', 'medium', `${agreement} excludes the work ${types.length === 1 ? 'type' : 'types'} ${listText(types)}; e-automate deducts every labor line of a linked service call, so keep such work off ${contract} with its own bill code.`);
  }
  const overageRates = features?.overageRates ?? [];
  if (overageRates.length > 0) {
    add('overage-rates', 'medium', `${agreement} bills overage per work type (${overageRates.map((rate) => `${rate.workType} ${rateText(rate.rate)}`).join(', ')}); e-automate bills extra hours of ${contract} at its bill-code rate only.`);
  }
  const lineItems = features?.lineItems ?? [];
  if (lineItems.length > 0) {
    const products = [...new Set(lineItems.map((item) => item.product))];
    add('line-items', 'high', `${agreement} bills line items (${listText(products)}) beside its covered ${unitNoun(s.unit)}; e-automate contracts are either deposit or installment based and are not group-billed together, so the line items need an installment contract of their own.`);
  }
  return findings;
}

// The migration audit in one pure call (issue 6): pair, compare terms, replay
// both term sets with the one engine, explain every reported balance.
import { reconcile } from '../reconcile';
import type { Addition, Contract, ExactDecimal } from '../model';
import type { AuditInput, AuditResult, SourceFeatures, VarianceReport } from './audit-types';
import { pairContracts } from './pairing';
import { pairFindings } from './config-findings';
import { runWhatIf, targetReplayInput } from './what-if';
import { explainVariance, type SidePortfolio } from './variance';

/** `rateOf` gives each contract's paired contract's rate: the rate the other system values its time at. */
function variances(side: VarianceReport['side'], system: string, portfolio: SidePortfolio, asOf: string, rateOf: (id: string) => ExactDecimal | null): VarianceReport[] {
  return portfolio.contracts.flatMap((contract) => explainVariance(side, system, contract, portfolio, asOf, rateOf(contract.id)) ?? []);
}

/** The additions that are purchases: the profile imports positive adjustments as additions too (same date and quantity). */
function purchases(additions: readonly Addition[], adjustments: SourceFeatures['adjustments']): Addition[] {
  const left = [...adjustments];
  return additions.filter((addition) => {
    const index = left.findIndex((adjustment) => adjustment.date === addition.date && adjustment.amount === addition.quantity);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
}

/** Audits a ConnectWise portfolio against the e-automate contracts it was migrated to. */
export function runAudit(input: AuditInput): AuditResult {
  const { source, target, entries, asOf } = input;
  const pairing = pairContracts(source.contracts, target, input.pairs);
  const sourceById = new Map(source.contracts.map((contract) => [contract.id, contract]));
  const targetById = new Map(target.map((contract) => [contract.id, contract]));
  const targetOf = new Map(pairing.pairs.map((pair) => [pair.sourceId, pair.targetId]));
  const sourceOf = new Map(pairing.pairs.map((pair) => [pair.targetId, pair.sourceId]));
  const features = new Map(source.features.map((feature) => [feature.agreementId, feature]));
  const findings = pairing.pairs.flatMap((pair) =>
    pairFindings({
      pair,
      source: sourceById.get(pair.sourceId) as Contract,
      target: targetById.get(pair.targetId) as Contract,
      features: features.get(pair.sourceId) ?? null,
      additions: purchases(source.additions.filter((addition) => addition.contractId === pair.sourceId), features.get(pair.sourceId)?.adjustments ?? []),
    }),
  );
  const sourcePortfolio: SidePortfolio = { contracts: source.contracts, additions: source.additions, entries };
  const sourceResult = reconcile({ ...sourcePortfolio, asOf });
  const targetPortfolio = targetReplayInput(pairing.pairs, target, source.additions, entries, sourceResult);
  const whatIf = runWhatIf(pairing.pairs, source.contracts, target, sourceResult, targetPortfolio, asOf);
  return {
    asOf,
    pairing,
    findings,
    whatIf,
    variances: [
      ...variances('source', 'ConnectWise', sourcePortfolio, asOf, (id) => targetById.get(targetOf.get(id) ?? '')?.rate ?? null),
      ...variances('target', 'e-automate', targetPortfolio, asOf, (id) => sourceById.get(sourceOf.get(id) ?? '')?.rate ?? null),
    ],
  };
}

// The human-readable result of `audit`: a few lines a consultant reads before
// opening the workbook (pairs, findings by severity, money, variances).
import type { AuditResult } from '../../renderer/src/core/audit/audit-types';
import { SEVERITIES } from '../../renderer/src/core/audit/audit-types';
import { countText, moneyText, quantityText } from '../../renderer/src/core/audit/audit-words';

/** The summary printed on stdout. */
export function formatAuditSummary(result: AuditResult): string {
  const { pairing, findings, whatIf, variances } = result;
  const unpaired = (side: 'source' | 'target') => pairing.unpaired.filter((item) => item.side === side).length;
  const bySeverity = SEVERITIES.map((severity) => `${findings.filter((finding) => finding.severity === severity).length} ${severity}`).join(', ');
  const portfolio = whatIf.portfolio;
  const lines = [
    `Audit as of ${result.asOf}`,
    `Pairs: ${pairing.pairs.length}; unpaired: ${unpaired('source')} ConnectWise, ${unpaired('target')} e-automate`,
    `Findings: ${findings.length} (${bySeverity})`,
    `What-if: e-automate bills ${moneyText(portfolio.billedDifferenceCents)} more overage than ConnectWise; expired value ${moneyText(portfolio.sourceExpiredCents)} under ConnectWise terms, ${moneyText(portfolio.targetExpiredCents)} under e-automate terms${portfolio.unvalued === 0 ? '' : ` (${countText(portfolio.unvalued, 'pair', 'pairs')} without a rate not valued)`}`,
    `Variances: ${variances.length}`,
    ...variances.map((report) => `  ${report.side === 'source' ? 'ConnectWise' : 'e-automate'} ${report.contractId} (${report.customer}): ${quantityText(report.variance, report.unit)}, ${countText(report.explanations.length, 'cause', 'causes')}, unexplained ${quantityText(report.unexplained, report.unit)}`),
  ];
  return lines.join('\n') + '\n';
}

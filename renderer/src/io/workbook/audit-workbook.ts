// The migration audit workbook (issue 6): pairs, findings, the what-if by
// month with totals, and the variances with their explanations. Every cell
// goes through the typed writer (cells.ts), so text from the exports (names,
// customers) can never become a formula; the same sheet layout as the
// reconciliation workbooks, written to any WorkbookTarget.
import type { Unit } from '../../core/model';
import type { AuditResult, WhatIfSide, WhatIfTotal } from '../../core/audit/audit-types';
import { causeLabel } from '../../core/audit/audit-words';
import { type Cell, centi, count, date, month, optionalCenti, text, unitFormat } from './cells';
import { unitWord } from './contract-words';
import type { ColumnLayout, DocumentInfo, SheetContent, SheetLayout, WorkbookTarget } from './sheet-layout';

export const AUDIT_SHEETS = { pairs: 'Pairs', findings: 'Findings', whatIf: 'What-if by month', totals: 'What-if totals', variance: 'Variance' } as const;

function column(header: string, width: number, format: ColumnLayout['format'] = null): ColumnLayout {
  return { header, width, format };
}

function title(result: AuditResult, heading: string): (readonly Cell[])[] {
  return [[text(`Migration audit: ${heading}`)], [text('As of'), date(result.asOf)]];
}

/** The audit workbook's properties; timestamps come from the as-of date. */
export function auditDocument(result: AuditResult, currencySymbol = '$'): DocumentInfo {
  return { title: `Migration audit ${result.asOf}`, subject: 'ConnectWise agreements against their e-automate contracts', company: '', footer: 'Migration audit', asOf: result.asOf, currencySymbol };
}

/** The audit workbook's file name for an as-of date. */
export function auditFileName(asOf: string): string {
  return `Migration audit ${asOf}.xlsx`;
}

function pairsSheet(result: AuditResult): SheetContent {
  const layout: SheetLayout = {
    name: AUDIT_SHEETS.pairs,
    title: title(result, 'pairs'),
    columns: [column('Customer', 28), column('ConnectWise agreement', 16), column('e-automate contract', 16), column('Paired by', 12), column('Why unpaired', 60)],
    highlights: [],
  };
  const rows: Cell[][] = [
    ...result.pairing.pairs.map((pair) => [text(pair.customer), text(pair.sourceId), text(pair.targetId), text(pair.basis), null]),
    ...result.pairing.unpaired.map((item) => [text(item.customer), item.side === 'source' ? text(item.id) : null, item.side === 'target' ? text(item.id) : null, text('unpaired'), text(item.reason)]),
  ];
  return { layout, rows };
}

function findingsSheet(result: AuditResult): SheetContent {
  const layout: SheetLayout = {
    name: AUDIT_SHEETS.findings,
    title: title(result, 'configuration findings'),
    columns: [column('Customer', 28), column('ConnectWise agreement', 16), column('e-automate contract', 16), column('Severity', 10), column('Finding', 20), column('Sentence for the report', 60)],
    highlights: [],
  };
  return { layout, rows: result.findings.map((finding) => [text(finding.customer), text(finding.sourceId), text(finding.targetId), text(finding.severity), text(finding.code), text(finding.sentence)]) };
}

function sideCells(side: WhatIfSide | null, unit: Unit): Cell[] {
  if (side === null) return [null, null, null, null];
  const format = unitFormat(unit);
  return [centi(side.closing, format), centi(side.expired, format), centi(side.overage, format), optionalCenti(side.overageCents, 'currency')];
}

function whatIfSheet(result: AuditResult): SheetContent {
  const layout: SheetLayout = {
    name: AUDIT_SHEETS.whatIf,
    title: title(result, 'what-if by month (ConnectWise terms against e-automate terms)'),
    columns: [
      column('Customer', 28), column('ConnectWise agreement', 16), column('e-automate contract', 16), column('Month', 9, 'month'), column('Unit', 10),
      column('CW balance', 12), column('CW expired', 12), column('CW overage', 12), column('CW overage billed', 14, 'currency'),
      column('EA balance', 12), column('EA expired', 12), column('EA overage', 12), column('EA overage billed', 14, 'currency'),
      column('Difference billed (EA − CW)', 16, 'currency'), column('Entries', 30),
    ],
    highlights: [{ column: 14, when: 'positive' }],
  };
  const rows = result.whatIf.pairs.flatMap((pair) =>
    pair.months.map((row): Cell[] => [
      text(pair.customer), text(pair.sourceId), text(pair.targetId), month(row.month), text(unitWord(pair.sourceUnit)),
      ...sideCells(row.source, pair.sourceUnit), ...sideCells(row.target, pair.targetUnit), optionalCenti(row.billedDifferenceCents, 'currency'),
      text(row.entryIds.join(', ')),
    ]),
  );
  return { layout, rows };
}

function totalCells(total: WhatIfTotal): Cell[] {
  return [
    centi(total.sourceOverageCents, 'currency'), centi(total.targetOverageCents, 'currency'), centi(total.sourceExpiredCents, 'currency'),
    centi(total.targetExpiredCents, 'currency'), centi(total.billedDifferenceCents, 'currency'), count(total.unvalued),
  ];
}

function totalsSheet(result: AuditResult): SheetContent {
  const layout: SheetLayout = {
    name: AUDIT_SHEETS.totals,
    title: title(result, 'what-if totals'),
    columns: [
      column('Customer', 28), column('CW overage billed', 14), column('EA overage billed', 14), column('CW expired value', 14), column('EA expired value', 14),
      column('Difference billed (EA − CW)', 16), column('Pairs not valued (no rate)', 12),
    ],
    highlights: [{ column: 6, when: 'positive' }],
  };
  const rows = result.whatIf.customers.map((customer) => [text(customer.customer), ...totalCells(customer.total)]);
  return { layout, rows, totals: [[text('Portfolio'), ...totalCells(result.whatIf.portfolio)]] };
}

function varianceSheet(result: AuditResult): SheetContent {
  const layout: SheetLayout = {
    name: AUDIT_SHEETS.variance,
    title: title(result, 'why the balance differs'),
    columns: [
      column('Customer', 28), column('System', 12), column('Contract', 16), column('Reported as of', 11, 'date'), column('Reported', 12), column('Recomputed', 12),
      column('Variance', 12), column('Cause', 28), column('Accounts for', 12), column('Explanation', 60), column('Entries', 30),
    ],
    highlights: [],
  };
  const rows = result.variances.flatMap((report) => {
    const format = unitFormat(report.unit);
    const head = (): Cell[] => [
      text(report.customer), text(report.side === 'source' ? 'ConnectWise' : 'e-automate'), text(report.contractId), date(report.reportedAsOf),
      centi(report.reported, format), centi(report.recomputed, format), centi(report.variance, format),
    ];
    // SPEC §7 variance; what no cause accounts for gets a row of its own, even when zero, so it is never hidden.
    return [
      ...report.explanations.map((explanation) => [...head(), text(causeLabel(explanation.cause)), centi(explanation.units, format), text(explanation.sentence), text(explanation.entryIds.join(', '))]),
      [...head(), text('Unexplained'), centi(report.unexplained, format), text(report.unexplained === 0 ? 'Nothing is left unexplained.' : 'No known cause accounts for this part; check the entries in the source system.'), null],
    ];
  });
  return { layout, rows };
}

/** Writes the audit workbook's sheets into `target`, in tab order. */
export async function writeAuditWorkbook(target: WorkbookTarget, result: AuditResult): Promise<void> {
  await target.writeSheet(pairsSheet(result));
  await target.writeSheet(findingsSheet(result));
  await target.writeSheet(whatIfSheet(result));
  await target.writeSheet(totalsSheet(result));
  await target.writeSheet(varianceSheet(result));
}

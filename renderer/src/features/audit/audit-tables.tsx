// The Audit screen's tables, the same content as the audit workbook's sheets:
// pairs, findings, what-if by month with totals, variances with explanations,
// and the entries behind a difference. Money in cents, quantities in
// hundredths, shown with the clerk's display formats.
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Centi, Entry, Unit } from '../../core/model';
import type { AuditResult, WhatIfSide, WhatIfTotal } from '../../core/audit/audit-types';
import { causeLabel } from '../../core/audit/audit-words';
import { type DisplayFormats, formatCents, formatDate, formatHundredths, formatQuantity } from '../../components/format';
import type { DrillDown } from './audit-view';

function SimpleTable({ label, headers, children, maxHeight = 420 }: { label: string; headers: readonly string[]; children: ReactNode; maxHeight?: number }) {
  return (
    <TableContainer sx={{ maxHeight, mb: 2 }}>
      <Table size="small" stickyHeader aria-label={label}>
        <TableHead>
          <TableRow>
            {headers.map((header) => (
              <TableCell key={header}>{header}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>{children}</TableBody>
      </Table>
    </TableContainer>
  );
}

const money = (cents: Centi | null, formats: DisplayFormats): string => (cents === null ? 'not valued' : formatCents(cents, formats));

/** Every pair and every unpaired contract with the reason. */
export function PairsTable({ result }: { result: AuditResult }) {
  return (
    <SimpleTable label="Pairs" headers={['Customer', 'ConnectWise agreement', 'e-automate contract', 'Paired by', 'Why unpaired']}>
      {result.pairing.pairs.map((pair) => (
        <TableRow key={`${pair.sourceId}>${pair.targetId}`}>
          <TableCell>{pair.customer}</TableCell>
          <TableCell>{pair.sourceId}</TableCell>
          <TableCell>{pair.targetId}</TableCell>
          <TableCell>{pair.basis}</TableCell>
          <TableCell />
        </TableRow>
      ))}
      {result.pairing.unpaired.map((item) => (
        <TableRow key={`${item.side}:${item.id}`}>
          <TableCell>{item.customer}</TableCell>
          <TableCell>{item.side === 'source' ? item.id : ''}</TableCell>
          <TableCell>{item.side === 'target' ? item.id : ''}</TableCell>
          <TableCell>unpaired</TableCell>
          <TableCell>{item.reason}</TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

/** Every finding with its severity and the sentence to paste. */
export function FindingsTable({ result }: { result: AuditResult }) {
  return (
    <SimpleTable label="Findings" headers={['Customer', 'Agreement', 'Contract', 'Severity', 'Finding', 'Sentence for the report']}>
      {result.findings.map((finding) => (
        <TableRow key={`${finding.sourceId}:${finding.code}`}>
          <TableCell>{finding.customer}</TableCell>
          <TableCell>{finding.sourceId}</TableCell>
          <TableCell>{finding.targetId}</TableCell>
          <TableCell>{finding.severity}</TableCell>
          <TableCell>{finding.code}</TableCell>
          <TableCell sx={{ minWidth: 420 }}>{finding.sentence}</TableCell>
        </TableRow>
      ))}
    </SimpleTable>
  );
}

function sideCells(side: WhatIfSide | null, unit: Unit, formats: DisplayFormats): ReactNode[] {
  if (side === null) return ['', '', '', ''].map((_, index) => <TableCell key={index} />);
  return [
    <TableCell key="closing">{formatQuantity(side.closing, unit, formats)}</TableCell>,
    <TableCell key="expired">{formatQuantity(side.expired, unit, formats)}</TableCell>,
    <TableCell key="overage">{formatQuantity(side.overage, unit, formats)}</TableCell>,
    <TableCell key="billed">{money(side.overageCents, formats)}</TableCell>,
  ];
}

/** Both term sets month by month; a row's button opens the entries of that month. */
export function WhatIfTable({ result, formats, onDrill }: { result: AuditResult; formats: DisplayFormats; onDrill: (title: string, ids: readonly string[]) => void }) {
  return (
    <SimpleTable
      label="What-if by month"
      headers={['Customer', 'Agreement', 'Contract', 'Month', 'CW balance', 'CW expired', 'CW overage', 'CW billed', 'EA balance', 'EA expired', 'EA overage', 'EA billed', 'Difference billed', '']}
    >
      {result.whatIf.pairs.flatMap((pair) =>
        pair.months.map((month) => (
          <TableRow key={`${pair.sourceId}:${month.month}`}>
            <TableCell>{pair.customer}</TableCell>
            <TableCell>{pair.sourceId}</TableCell>
            <TableCell>{pair.targetId}</TableCell>
            <TableCell>{month.month.slice(0, 7)}</TableCell>
            {sideCells(month.source, pair.sourceUnit, formats)}
            {sideCells(month.target, pair.targetUnit, formats)}
            <TableCell>{money(month.billedDifferenceCents, formats)}</TableCell>
            <TableCell>
              <Button size="small" aria-label={`Entries of ${pair.sourceId} in ${month.month.slice(0, 7)}`} onClick={() => onDrill(`Entries of ${pair.sourceId} / ${pair.targetId} in ${month.month.slice(0, 7)}`, month.entryIds)}>
                Entries
              </Button>
            </TableCell>
          </TableRow>
        )),
      )}
    </SimpleTable>
  );
}

function totalCells(total: WhatIfTotal, formats: DisplayFormats): ReactNode[] {
  return [total.sourceOverageCents, total.targetOverageCents, total.sourceExpiredCents, total.targetExpiredCents, total.billedDifferenceCents]
    .map((cents, index) => <TableCell key={index}>{formatCents(cents, formats)}</TableCell>)
    .concat(<TableCell key="unvalued">{total.unvalued}</TableCell>);
}

/** Money totals per customer and for the portfolio. */
export function TotalsTable({ result, formats }: { result: AuditResult; formats: DisplayFormats }) {
  return (
    <SimpleTable label="What-if totals" headers={['Customer', 'CW overage billed', 'EA overage billed', 'CW expired value', 'EA expired value', 'Difference billed', 'Pairs not valued']}>
      {result.whatIf.customers.map((customer) => (
        <TableRow key={customer.customer}>
          <TableCell>{customer.customer}</TableCell>
          {totalCells(customer.total, formats)}
        </TableRow>
      ))}
      <TableRow>
        <TableCell sx={{ fontWeight: 'bold' }}>Portfolio</TableCell>
        {totalCells(result.whatIf.portfolio, formats)}
      </TableRow>
    </SimpleTable>
  );
}

/** Each variance, its explanations largest first and the unexplained rest; an explanation's button opens its entries. */
export function VarianceTable({ result, formats, onDrill }: { result: AuditResult; formats: DisplayFormats; onDrill: (title: string, ids: readonly string[]) => void }) {
  return (
    <SimpleTable label="Variance" headers={['Customer', 'System', 'Contract', 'Reported', 'Recomputed', 'Variance', 'Cause', 'Accounts for', 'Explanation', '']}>
      {result.variances.flatMap((report) => {
        const quantity = (value: Centi) => formatQuantity(value, report.unit, formats);
        const head = [
          <TableCell key="customer">{report.customer}</TableCell>,
          <TableCell key="system">{report.side === 'source' ? 'ConnectWise' : 'e-automate'}</TableCell>,
          <TableCell key="contract">{report.contractId}</TableCell>,
          <TableCell key="reported">{`${quantity(report.reported)} on ${formatDate(report.reportedAsOf, formats)}`}</TableCell>,
          <TableCell key="recomputed">{quantity(report.recomputed)}</TableCell>,
          <TableCell key="variance">{quantity(report.variance)}</TableCell>,
        ];
        return [
          ...report.explanations.map((explanation) => (
            <TableRow key={`${report.side}:${report.contractId}:${explanation.cause}`}>
              {head}
              <TableCell>{causeLabel(explanation.cause)}</TableCell>
              <TableCell>{quantity(explanation.units)}</TableCell>
              <TableCell sx={{ minWidth: 360 }}>{explanation.sentence}</TableCell>
              <TableCell>
                {explanation.entryIds.length > 0 ? (
                  <Button size="small" aria-label={`Entries behind ${report.contractId} ${causeLabel(explanation.cause)}`} onClick={() => onDrill(`${report.contractId}: ${causeLabel(explanation.cause)}`, explanation.entryIds)}>
                    Entries
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          )),
          <TableRow key={`${report.side}:${report.contractId}:unexplained`}>
            {head}
            <TableCell>Unexplained</TableCell>
            <TableCell>{quantity(report.unexplained)}</TableCell>
            <TableCell>{report.unexplained === 0 ? 'Nothing is left unexplained.' : 'No known cause accounts for this part; check the entries in the source system.'}</TableCell>
            <TableCell />
          </TableRow>,
        ];
      })}
    </SimpleTable>
  );
}

/** The entries behind the chosen difference. */
export function DrillDownTable({ drill, formats }: { drill: DrillDown; formats: DisplayFormats }) {
  return (
    <>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {drill.title}
      </Typography>
      {drill.entries.length === 0 ? (
        <Typography variant="body2">No entries.</Typography>
      ) : (
        <SimpleTable label="Entries behind the difference" headers={['Entry', 'Worked', 'Entered', 'Agreement', 'Ticket', 'Member', 'Work type', 'Hours', 'Billable', 'Notes']} maxHeight={320}>
          {drill.entries.map((entry: Entry) => (
            <TableRow key={entry.id}>
              <TableCell>{entry.id}</TableCell>
              <TableCell>{formatDate(entry.date, formats)}</TableCell>
              <TableCell>{entry.entered ?? ''}</TableCell>
              <TableCell>{entry.contractId ?? 'none'}</TableCell>
              <TableCell>{entry.ticket}</TableCell>
              <TableCell>{entry.member}</TableCell>
              <TableCell>{entry.workType}</TableCell>
              <TableCell>{formatHundredths(entry.hours, formats)}</TableCell>
              <TableCell>{entry.billable}</TableCell>
              <TableCell>{entry.notes}</TableCell>
            </TableRow>
          ))}
        </SimpleTable>
      )}
    </>
  );
}

// Month-end (issue 5): the contracts to talk about (alerts), what to bill for
// the as-of month, the entries to clear first, and the workbooks to send.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { DataGrid, SORTABLE_COLUMNS } from '../../components/data-grid';
import { useEngine } from '../../components/engine-context';
import { formatCents, formatDate } from '../../components/format';
import { ScreenHeader } from '../../components/screen-header';
import type { MonthEndSummary } from '../../workers/engine-protocol';
import { ExportPanel } from './export-panel';
import { ExceptionsGrid } from './exceptions-grid';
import { alertColumns, invoiceColumns } from './month-end-columns';
import { alertCounts, invoiceTotal } from './month-end-view';
import { failureText } from '../../core/failure-text';

type Section = 'alerts' | 'invoice' | 'exceptions';

const GRID_HEIGHT = 'calc(100vh - 420px)';
// Less the search box above it.
const EXCEPTIONS_GRID_HEIGHT = 'calc(100vh - 470px)';

/** The month-end screen for the shared as-of date. */
export function MonthEndScreen() {
  const { client, summary: reconciled, formats } = useEngine();
  const [summary, setSummary] = useState<MonthEndSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('alerts');
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!reconciled) return;
    let live = true;
    setFailure(null);
    setLoading(true);
    client
      .call('month-end', {})
      .then(
        (next) => live && setSummary(next),
        (error: unknown) => live && setFailure(failureText(error)),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [client, reconciled]);

  const columns = useMemo(() => ({ alerts: alertColumns(formats), invoice: invoiceColumns(formats) }), [formats]);
  const total = summary ? invoiceTotal(summary.invoice) : null;
  const { exceptions } = summary ?? { exceptions: null };

  return (
    <>
      <ScreenHeader
        title="Month-end"
        subtitle={summary ? `Billing from ${formatDate(summary.from, formats)} to ${formatDate(summary.asOf, formats)}, ${summary.customers.length} customers` : 'Reconciling…'}
      />
      {loading ? <LinearProgress aria-label="Gathering alerts, invoice lines and exceptions" sx={{ mb: 2 }} /> : null}
      {failure ? <Alert severity="error" sx={{ mb: 2 }}>{failure}</Alert> : null}
      <ExportPanel customers={summary?.customers ?? []} />
      {summary && exceptions ? (
        <Box>
          <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap' }} role="list" aria-label="Alert counts">
            {alertCounts(summary.alerts).map(({ alert, count }) => (
              <Chip key={alert} role="listitem" size="small" label={`${alert}: ${count}`} />
            ))}
          </Stack>
          {exceptions.unmatched + exceptions.not_covered + exceptions.held > 0 ? (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {exceptions.unmatched} unmatched, {exceptions.not_covered} not covered and {exceptions.held} entries with time held. Clear them before billing: match unmatched entries to a
              contract in your PSA and import again; check the reason of each not-covered entry; held work waits for a purchase or a higher overrun limit.
            </Alert>
          ) : null}
          <Tabs value={section} onChange={(_event, next: Section) => setSection(next)} sx={{ mb: 1 }}>
            <Tab value="alerts" label={`Alerts (${summary.alerts.length})`} />
            <Tab value="invoice" label={`To invoice (${summary.invoice.length})`} />
            <Tab value="exceptions" label={`Exceptions (${summary.exceptionCount})`} />
          </Tabs>
          {section === 'alerts' ? (
            <DataGrid label="Alerts" height={GRID_HEIGHT} rowData={summary.alerts as MonthEndSummary['alerts'][number][]} columnDefs={columns.alerts} defaultColDef={SORTABLE_COLUMNS} overlayNoRowsTemplate="No alerts: every contract is in good standing." />
          ) : null}
          {section === 'invoice' ? (
            <>
              <Typography variant="body2" sx={{ mb: 1 }} aria-label="Invoice total">
                Total to invoice: {formatCents(total?.cents ?? 0, formats)}
                {total && total.unpriced > 0 ? ` (plus ${total.unpriced} lines without a known price: agree a rate before billing them)` : ''}
              </Typography>
              <DataGrid label="To invoice" height={GRID_HEIGHT} rowData={summary.invoice as MonthEndSummary['invoice'][number][]} columnDefs={columns.invoice} defaultColDef={SORTABLE_COLUMNS} overlayNoRowsTemplate="Nothing to invoice this month." />
            </>
          ) : null}
          {section === 'exceptions' ? <ExceptionsGrid summary={summary} height={EXCEPTIONS_GRID_HEIGHT} /> : null}
        </Box>
      ) : null}
    </>
  );
}

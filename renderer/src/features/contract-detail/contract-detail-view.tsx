import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { DataGrid, SORTABLE_COLUMNS, UNSORTED_COLUMNS } from '../../components/data-grid';
import { useEngine } from '../../components/engine-context';
import { EntrySourceDialog } from '../../components/entry-source-dialog';
import { formatHundredths, formatPercentTenths, formatQuantity } from '../../components/format';
import { ScreenHeader } from '../../components/screen-header';
import { ContractStatusChips } from '../../components/status-chips';
import type { LedgerEvent } from '../../core/result';
import type { ContractDetail, EntryRow } from '../../workers/engine-protocol';
import { BalanceChart } from './balance-chart';
import { contractEntryColumns, ledgerColumns, statementColumns } from './detail-columns';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card variant="outlined" sx={{ minWidth: 150 }}>
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="caption" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h6" sx={{ fontVariantNumeric: 'tabular-nums' }} aria-label={label}>
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

const UNIT_AXIS = { hours: 'Hours', amount: 'Currency', incidents: 'Incidents' } as const;

/** One contract: terms in words, figures, chart, statement, ledger and entries. */
export function ContractDetailView({ contractId, onBack }: { contractId: string; onBack: () => void }) {
  const { client, summary, formats } = useEngine();
  const [detail, setDetail] = useState<ContractDetail | null | undefined>(undefined);
  const [tab, setTab] = useState(0);
  const [source, setSource] = useState<EntryRow | null>(null);

  useEffect(() => {
    if (!summary) return;
    void client.call('contract-detail', { contractId }).then(setDetail);
  }, [client, summary, contractId]);

  const byEntry = useMemo(() => new Map(detail?.entries.map((row) => [row.entry.id, row]) ?? []), [detail]);
  const unit = detail?.contract.unit ?? 'hours';
  const statement = useMemo(() => statementColumns(unit, formats), [unit, formats]);
  const ledger = useMemo(() => ledgerColumns(unit, formats), [unit, formats]);
  const entries = useMemo(() => contractEntryColumns(formats), [formats]);

  const back = (
    <Button variant="outlined" onClick={onBack}>
      ← All contracts
    </Button>
  );
  if (detail === undefined) return <ScreenHeader title={`Contract ${contractId}`} actions={back} />;
  if (detail === null) return <ScreenHeader title={`Contract ${contractId}`} subtitle="This contract is not in the store any more (its import was reverted)." actions={back} />;
  const { contract, result } = detail;

  return (
    <>
      <ScreenHeader title={`${contract.id} · ${contract.name}`} subtitle={contract.customer} actions={back} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'stretch', flexWrap: 'wrap' }} useFlexGap>
        <Figure label="Balance" value={formatQuantity(result.balance, unit, formats)} />
        <Figure label="Allowance" value={contract.allowance === null ? 'none' : formatQuantity(contract.allowance, unit, formats)} />
        <Figure label="Used" value={formatPercentTenths(result.usedPctTenths, formats)} />
        <Figure label="Variance" value={result.variance === null ? '—' : formatHundredths(result.variance, formats)} />
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <ContractStatusChips status={result.status} />
        </Box>
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ mb: 2 }}>
        <Card variant="outlined" sx={{ flex: 2 }}>
          <CardContent>
            <Typography variant="subtitle1" component="h2">
              Balance over time
            </Typography>
            <BalanceChart ledger={result.ledger} unitLabel={UNIT_AXIS[unit]} />
          </CardContent>
        </Card>
        <Card variant="outlined" sx={{ flex: 1 }} role="region" aria-label="Terms">
          <CardContent>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              Terms in plain words
            </Typography>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {detail.terms.map((sentence) => (
                <Typography component="li" variant="body2" key={sentence} sx={{ mb: 0.5 }}>
                  {sentence}
                </Typography>
              ))}
            </Box>
          </CardContent>
        </Card>
      </Stack>
      <Tabs value={tab} onChange={(_event, value: number) => setTab(value)} sx={{ mb: 1 }}>
        <Tab label="History ledger" />
        <Tab label="Monthly statement" />
        <Tab label={`Entries (${detail.entries.length})`} />
      </Tabs>
      {tab === 0 ? (
        <DataGrid<LedgerEvent>
          label={`Ledger of ${contract.id}`}
          height={420}
          rowData={result.ledger as LedgerEvent[]}
          columnDefs={ledger}
          defaultColDef={UNSORTED_COLUMNS}
          onCellClicked={({ data }) => {
            const row = data?.entryId ? byEntry.get(data.entryId) : undefined;
            if (row) setSource(row);
          }}
        />
      ) : null}
      {tab === 1 ? <DataGrid label={`Statement of ${contract.id}`} height={420} rowData={[...result.months]} columnDefs={statement} defaultColDef={UNSORTED_COLUMNS} /> : null}
      {tab === 2 ? (
        <DataGrid<EntryRow>
          label={`Entries of ${contract.id}`}
          height={420}
          rowData={[...detail.entries]}
          columnDefs={entries}
          defaultColDef={SORTABLE_COLUMNS}
          getRowId={({ data }) => data.entry.id}
          onRowClicked={({ data }) => data && setSource(data)}
          rowClass="bl-clickable"
        />
      ) : null}
      <EntrySourceDialog row={source} onClose={() => setSource(null)} />
    </>
  );
}
